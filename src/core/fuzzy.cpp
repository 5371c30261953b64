#include "core/fuzzy.h"

namespace cairn {
namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool word_start(std::string_view text, std::size_t i) {
  if (i == 0) return true;
  const char before = text[i - 1];
  return before == ' ' || before == '-' || before == '_' || before == '/' || before == ':' || before == '(';
}

}  // namespace

int fuzzy_score(std::string_view query, std::string_view text) {
  // Spaces in the query are not required to match anything.
  int score = 0;
  std::size_t at = 0;
  std::size_t previous = std::string_view::npos;
  for (const char q : query) {
    if (q == ' ') continue;
    const char wanted = fold(q);
    while (at < text.size() && fold(text[at]) != wanted) ++at;
    if (at == text.size()) return -1;
    score += 1;
    if (previous != std::string_view::npos && at == previous + 1) score += 10;
    if (word_start(text, at)) score += 6;
    if (at == 0) score += 10;
    previous = at;
    ++at;
  }
  // Shorter texts first among equals (at most 31 points for length).
  const int length_penalty = text.size() > 31 ? 31 : static_cast<int>(text.size());
  return score * 32 + (31 - length_penalty);
}

}  // namespace cairn
