#pragma once
// The decision log of a project: recorded Decision items and the decisions
// taken at gates (go / pivot / kill with their date and rationale), in one
// chronological list, written out as Markdown and as CSV (RFC 4180).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/workspace.h"

namespace cairn {

struct DecisionEntry {
  std::optional<Date> on;  // undated entries come last
  std::string title;       // the decision's title, or the gate's name
  std::string gate;        // the gate's name when it is about a gate, else ""
  std::string decision;    // what was decided ("go", "Switch to a smaller model")
  std::string rationale;
  Id source;               // the Decision or Gate item it comes from
  bool from_gate = false;  // a gate's own decision (not a Decision item)
};

// Oldest first; same day: by title, then id. A decided gate appears once: as
// the Decision item that records it when there is one, else from the gate.
std::vector<DecisionEntry> decision_log(const Workspace& ws, Id project);

// "# Decision log: <project>", one section per entry.
std::string decision_log_markdown(const std::vector<DecisionEntry>& entries, std::string_view project_name);
// Header row date,title,gate,decision,rationale; CRLF rows, quoted as needed.
std::string decision_log_csv(const std::vector<DecisionEntry>& entries);

}  // namespace cairn
