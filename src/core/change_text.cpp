#include "core/change_text.h"

#include <algorithm>
#include <cstdio>

#include "core/fields.h"

namespace cairn {
namespace {

constexpr std::size_t kMaxQuoted = 80;  // bytes of text shown per value

// The item's title or name, quoted and shortened; "" when it has none (or
// no longer exists).
std::string quoted_name(const Workspace& ws, Id id) {
  const std::size_t kind = ws.kind_of(id);
  if (kind >= kItemKindCount) return {};
  return visit_kind(kind, [&]<class T>(T*) -> std::string {
    const T* item = ws.find<T>(id);
    for (const std::string_view field : {std::string_view("title"), std::string_view("name"), std::string_view("text"),
                                         std::string_view("run_id")}) {
      const FieldDef<T>* def = find_field<T>(field);
      if (!def || !item) continue;
      const Value value = def->get(*item);
      const auto* text = std::get_if<std::string>(&value);
      if (text && !text->empty()) return "“" + shortened(*text, kMaxQuoted) + "”";
    }
    return {};
  });
}

// "checklist item" for checklist_item.
std::string kind_words(std::size_t kind) {
  std::string words(kind_name(kind));
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

// What an id value reads as in a history: the name of the item it points to.
std::string item_name(const Workspace& ws, Id id) {
  const std::size_t kind = ws.kind_of(id);
  if (kind >= kItemKindCount) return "a removed item";
  const std::string name = quoted_name(ws, id);
  return name.empty() ? "an untitled " + kind_words(kind) : name;
}

std::string number_text(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", x);
  return buffer;
}

}  // namespace

std::string label_of_name(std::string_view name) {
  // Names whose words are acronyms, brands or pairs.
  static constexpr std::pair<std::string_view, std::string_view> kSpelled[] = {
      {"ml", "ML"},
      {"mlflow", "MLflow"},
      {"wandb", "W&B"},
      {"dvc", "DVC"},
      {"nlp_llm", "NLP/LLM"},
      {"todo", "To do"},
      {"bias_fairness", "Bias/fairness"},
      {"privacy_compliance", "Privacy/compliance"},
  };
  for (const auto& [from, to] : kSpelled)
    if (name == from) return std::string(to);
  std::string s(name);
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string shortened(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // not inside a character
  return std::string(text.substr(0, end)) + "…";
}

std::string value_text(const Workspace& ws, const Value& value) {
  struct Visitor {
    const Workspace& ws;
    std::string operator()(Null) const { return "none"; }
    std::string operator()(bool b) const { return b ? "yes" : "no"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return number_text(d); }
    std::string operator()(const std::string& s) const { return s.empty() ? "empty" : "“" + shortened(s, kMaxQuoted) + "”"; }
    std::string operator()(Id id) const { return id.nil() ? "none" : item_name(ws, id); }
    std::string operator()(Date d) const { return format_date(d); }
    std::string operator()(Timestamp t) const { return format_timestamp(t); }
    std::string operator()(const StringList& list) const {
      if (list.empty()) return "none";
      std::string joined;
      for (const std::string& s : list) joined += (joined.empty() ? "" : ", ") + s;
      return shortened(joined, kMaxQuoted);
    }
  };
  return std::visit(Visitor{ws}, value);
}

std::vector<HistoryEntry> history_with_children(const Workspace& ws, Id id) {
  std::vector<HistoryEntry> entries;
  const auto add = [&](Id item) {
    const std::size_t kind = ws.kind_of(item);
    for (const Change& change : ws.history(item)) entries.push_back({item, kind, &change});
  };
  add(id);
  for (const Id child : ws.children_of(id)) add(child);
  std::stable_sort(entries.begin(), entries.end(),
                   [](const HistoryEntry& a, const HistoryEntry& b) { return a.change->at < b.change->at; });
  std::reverse(entries.begin(), entries.end());  // newest first; at one time, the last recorded first
  return entries;
}

bool same_heading(const Change& a, const Change& b) {
  constexpr std::int64_t kMinute = 60 * 1000;
  const auto minute = [](Timestamp t) { return t.ms >= 0 ? t.ms / kMinute : (t.ms - kMinute + 1) / kMinute; };
  return a.author == b.author && minute(a.at) == minute(b.at);
}

std::string item_label(const Workspace& ws, Id id) {
  const std::size_t kind = ws.kind_of(id);
  if (kind >= kItemKindCount) return "A removed item";
  // Items without a name of their own are known by what they point to.
  if (const auto* d = ws.find<Dependency>(id)) return "Dependency on " + value_text(ws, Value{d->predecessor});
  if (const auto* c = ws.find<GateCriterion>(id)) return "Criterion on " + value_text(ws, Value{c->metric});
  if (const auto* r = ws.find<ExperimentResult>(id)) return "Result for " + value_text(ws, Value{r->metric});
  if (const auto* m = ws.find<MetricReading>(id)) return "Reading of " + format_date(m->on);
  const std::string name = quoted_name(ws, id);
  if (name.empty()) return "An untitled " + kind_words(kind);
  return label_of_name(kind_name(kind)) + " " + name;
}

namespace {

// Flags whose change reads better as one word than as "no → yes".
struct FlagWords {
  std::string_view kind;  // "" for any kind
  std::string_view field;
  std::string_view on;
  std::string_view off;
};
constexpr FlagWords kFlagWords[] = {
    {ChecklistItem::kKind, "done", "Ticked", "Unticked"},
    {"", "done", "Marked done", "Marked not done"},
    {"", "resolved", "Resolved", "Reopened"},
    {"", "archived", "Archived", "Taken out of the archive"},
};

const FlagWords* flag_words(std::size_t kind_index, std::string_view field) {
  const std::string_view kind = kind_index < kItemKindCount ? kind_name(kind_index) : std::string_view{};
  for (const FlagWords& words : kFlagWords)
    if (words.field == field && (words.kind.empty() || words.kind == kind)) return &words;
  return nullptr;
}

}  // namespace

ChangeText describe_change(const Workspace& ws, std::size_t kind_index, const Change& change) {
  if (change.what == "created" || change.what == "removed" || change.what == "restored")
    return {label_of_name(change.what), {}, {}};
  if (change.what == "child_removed") {  // `before`: the removed item's label then
    const auto* label = std::get_if<std::string>(&change.before);
    std::string what = label ? *label : "an item";
    if (!what.empty() && what[0] >= 'A' && what[0] <= 'Z') what[0] = static_cast<char>(what[0] - 'A' + 'a');
    return {"Removed " + what, {}, {}};
  }
  // A concurrent edit that lost: "Due (lost to a concurrent edit): 12 Dec → 19 Dec".
  const bool lost = change.what.starts_with(kLostEditPrefix);
  const std::string field = lost ? change.what.substr(kLostEditPrefix.size()) : change.what;
  const std::string label = lost ? label_of_name(field) + " (lost to a concurrent edit)" : label_of_name(field);
  const auto* now = std::get_if<bool>(&change.after);
  if (const FlagWords* words = flag_words(kind_index, field); !lost && words && now && std::holds_alternative<bool>(change.before))
    return {std::string(*now ? words->on : words->off), {}, {}};
  // An enumeration's value reads as its label ("In progress"), not as text.
  std::span<const std::string_view> names;
  if (kind_index < kItemKindCount) {
    names = visit_kind(kind_index, [&]<class T>(T*) {
      const FieldDef<T>* def = find_field<T>(field);
      return def ? def->names : std::span<const std::string_view>{};
    });
  }
  const auto text = [&](const Value& value) {
    const auto* name = std::get_if<std::string>(&value);
    if (name && std::find(names.begin(), names.end(), *name) != names.end()) return label_of_name(*name);
    return value_text(ws, value);
  };
  return {label, text(change.before), text(change.after)};
}

}  // namespace cairn
