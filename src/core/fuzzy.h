#pragma once
#include <string_view>

namespace cairn {

// Fuzzy match for the command palette: every character of `query` must
// appear in `text` in order (case-insensitive for ASCII). Returns -1 when it
// does not; otherwise a score where higher is better: consecutive matches,
// matches at the start of words and a match at the very start count extra,
// and shorter texts win ties.
int fuzzy_score(std::string_view query, std::string_view text);

}  // namespace cairn
