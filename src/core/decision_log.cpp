#include "core/decision_log.h"

#include <algorithm>
#include <unordered_set>

#include "core/csv_writer.h"

namespace cairn {
namespace {

// Inline Markdown text as itself: every ASCII punctuation character that
// could start markup is backslash-escaped (CommonMark allows that for all).
std::string escape_inline(std::string_view text) {
  static constexpr std::string_view kSpecial = "\\`*_{}[]()#+-.!|<>~&";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\r') continue;
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A multi-line text as paragraphs: lines of a paragraph keep their breaks
// (a backslash before the newline is a hard break), blank lines separate.
std::string paragraphs(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = escape_inline(text.substr(start, end - start));
    const auto first = line.find_first_not_of(" \t");
    lines.push_back(first == std::string::npos ? std::string() : line.substr(first));
    start = end + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (i + 1 == lines.size()) break;
    const bool hard_break = !lines[i].empty() && !lines[i + 1].empty();
    out += hard_break ? "\\\n" : "\n";
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

std::vector<DecisionEntry> decision_log(const Workspace& ws, Id project) {
  std::vector<DecisionEntry> entries;
  std::unordered_set<Id> recorded_gates;
  for (const Id id : ws.children_of(project)) {
    const Decision* d = ws.find<Decision>(id);
    if (!d) continue;
    DecisionEntry e{d->on, d->title, {}, d->decision, d->rationale, d->id, false};
    if (const Gate* g = ws.find<Gate>(d->gate)) {
      e.gate = g->name;
      recorded_gates.insert(g->id);
    }
    entries.push_back(std::move(e));
  }
  for (const Id id : ws.children_of(project)) {
    const Gate* g = ws.find<Gate>(id);
    if (!g || g->decision == GateDecision::pending || recorded_gates.count(g->id)) continue;
    entries.push_back({g->decided_on, g->name, g->name, std::string(enum_name(g->decision)), g->rationale, g->id, true});
  }
  std::sort(entries.begin(), entries.end(), [](const DecisionEntry& a, const DecisionEntry& b) {
    if (a.on.has_value() != b.on.has_value()) return a.on.has_value();
    if (a.on != b.on) return *a.on < *b.on;
    if (a.title != b.title) return a.title < b.title;
    return a.source < b.source;
  });
  return entries;
}

std::string decision_log_markdown(const std::vector<DecisionEntry>& entries, std::string_view project_name) {
  std::string out = "# Decision log: " + escape_inline(project_name) + "\n";
  if (entries.empty()) out += "\nNo decisions recorded yet.\n";
  for (const DecisionEntry& e : entries) {
    out += "\n## " + (e.on ? format_date(*e.on) : std::string("Undated")) + ": " +
           escape_inline(e.title.empty() ? std::string("(untitled)") : e.title) + "\n\n";
    if (!e.gate.empty()) out += "- **Gate:** " + escape_inline(e.gate) + "\n";
    out += "- **Decision:** " + (e.decision.empty() ? std::string("(none written)") : escape_inline(e.decision)) + "\n";
    const std::string why = paragraphs(e.rationale);
    out += why.empty() ? "\nNo rationale written.\n" : "\n" + why + "\n";
  }
  return out;
}

std::string decision_log_csv(const std::vector<DecisionEntry>& entries) {
  std::string out;
  const std::string header[] = {"date", "title", "gate", "decision", "rationale"};
  append_csv_row(out, header);
  for (const DecisionEntry& e : entries) {
    const std::string row[] = {e.on ? format_date(*e.on) : std::string(), e.title, e.gate, e.decision, e.rationale};
    append_csv_row(out, row);
  }
  return out;
}

}  // namespace cairn
