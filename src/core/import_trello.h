#pragma once
#include <string_view>

#include "core/foreign_import.h"

namespace cairn {

// Trello's JSON board export (Board menu > Print, export and share > Export as
// JSON) turned into a table with one row per open card and these columns:
//   id, idShort, name, desc, list (the list's name), members (full names,
//   comma-separated), labels (names, or the colour of an unnamed label),
//   start, due, dueComplete
// and each card's checklist entries beside it. Archived cards and cards in
// archived lists are left out, with a note.
bool looks_like_trello(std::string_view json_text);
ForeignRead read_trello_json(std::string_view name, std::string_view text);

}  // namespace cairn
