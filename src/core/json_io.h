#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/commands.h"
#include "core/workspace.h"

namespace cairn {

// JSON forms of commands (the automation API's cairn.exec) and of whole
// workspaces or single projects (export and import). docs/file-format.md
// documents both.

inline constexpr int kJsonFormatVersion = 1;
inline constexpr std::size_t kMaxJsonBytes = 64u * 1024u * 1024u;

struct ParsedCommand {
  bool ok = false;
  std::string error;  // with the position in the text when the JSON itself is broken
  Command command;
};

// {"op":"create","kind":"task","parent":ID,"fields":{...}}   (an "id" is optional; a new one is made)
// {"op":"set","id":ID,"field":"title","value":...}
// {"op":"remove","id":ID}
// {"label":"...","ops":[ ...any of the above... ]}
ParsedCommand parse_command_json(std::string_view text, IdSource& ids);

// Export: {"format":"cairn","version":1,"items":[{"kind","id","parent","fields":{...}}...]},
// parents before children: breadth-first from the projects (in id order), each
// item's children by kind (ItemTypes' order) and id. The same items always give
// the same text, whatever order they were added in. With `project`, only that
// project and its items.
std::string export_json(const Workspace& workspace, std::optional<Id> project = std::nullopt);

struct ImportPlan {
  bool ok = false;
  std::string error;                  // why nothing can be imported
  std::vector<std::string> warnings;  // what was skipped and why
  Command command;                    // creates every imported item: one undoable step
  std::size_t projects = 0;
  std::size_t items = 0;
};

// Reads an export. Items whose ids exist in `current` get new ids (with every
// reference among the imported items rewritten), so importing the same file
// twice gives two copies instead of clashing.
ImportPlan plan_import(std::string_view text, const Workspace& current, IdSource& ids);

// The value of a field as JSON text (for cairn.state and tests).
std::string value_to_json(const Value& value);

}  // namespace cairn
