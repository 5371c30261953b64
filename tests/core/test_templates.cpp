#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/fields.h"
#include "core/json_parse.h"
#include "core/templates.h"

using namespace cairn;

namespace {

Date date(const char* text) {
  const auto d = parse_date(text);
  REQUIRE(d);
  return *d;
}

// Instantiates a template into `ws` and applies it; returns the new project.
Id instantiate(Workspace& ws, std::string_view id, IdSource& ids, Date today = date("2026-11-26"),
               std::string_view name = {}) {
  const ImportPlan plan = instantiate_template(id, ws, ids, today, name);
  REQUIRE_MESSAGE(plan.ok, plan.error);
  const std::set<Id> before = [&] {
    std::set<Id> s;
    for (const auto& [pid, p] : ws.all<Project>()) s.insert(pid);
    return s;
  }();
  const ApplyResult r = apply(ws, plan.command);
  REQUIRE_MESSAGE(r.ok, r.error);
  for (const auto& [pid, p] : ws.all<Project>())
    if (!before.count(pid)) return pid;
  FAIL("no new project");
  return {};
}

// Every id under `root`, `root` included.
std::set<Id> subtree(const Workspace& ws, Id root) {
  std::set<Id> out;
  std::vector<Id> stack{root};
  while (!stack.empty()) {
    const Id id = stack.back();
    stack.pop_back();
    out.insert(id);
    for (const Id c : ws.children_of(id)) stack.push_back(c);
  }
  return out;
}

template <class T>
std::vector<const T*> items_of(const Workspace& ws, Id project) {
  std::vector<const T*> out;
  for (const auto& [id, item] : ws.all<T>())
    if (item.parent == project) out.push_back(&item);
  return out;
}

template <class T>
std::vector<const T*> children(const Workspace& ws, Id parent) {
  std::vector<const T*> out;
  for (const Id c : ws.children_of(parent))
    if (const T* item = ws.find<T>(c)) out.push_back(item);
  return out;
}

constexpr std::string_view kFilled[] = {"computer-vision", "nlp-llm", "recommender", "tabular"};

// Decodes UTF-8 strictly (no overlongs, surrogates or values past U+10FFFF).
bool decode_utf8(std::string_view text, std::vector<char32_t>& out) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    const std::size_t n = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size()) return false;
    char32_t c = n == 1 ? b0 : n == 2 ? (b0 & 0x1Fu) : n == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b >> 6) != 0x2) return false;
      c = (c << 6) | (b & 0x3Fu);
    }
    constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < kMin[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    out.push_back(c);
    i += n;
  }
  return true;
}

// The code points the UI font holds (CAIRN_GLYPH_RANGES in src/CMakeLists.txt):
// a template character outside them would be drawn as a missing glyph.
bool ui_font_has(char32_t c) {
  constexpr std::pair<char32_t, char32_t> kRanges[] = {{0x0020, 0x007E}, {0x00A0, 0x017F}, {0x2000, 0x206F},
                                                       {0x20A0, 0x20BF}, {0x2190, 0x21FF}, {0x2212, 0x2212},
                                                       {0x2264, 0x2265}, {0x25A0, 0x25FF}};
  if (c == '\n' || c == '\t') return true;
  for (const auto& [lo, hi] : kRanges)
    if (c >= lo && c <= hi) return true;
  return false;
}

// A field whose text values are enumeration names ("todo" is a task status, not a placeholder).
bool is_enum_field(std::string_view kind, std::string_view field) {
  return visit_kind(kind_index_of(kind), [&]<class T>(T*) -> bool {
    const FieldDef<T>* def = find_field<T>(field);
    T probe{};
    return def && std::holds_alternative<std::string>(def->get(probe)) &&
           !def->set(probe, Value{std::string("no such name")}).empty();
  });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

TEST_CASE("the built-in templates come in a fixed order, each with a name, a summary and its JSON") {
  const auto templates = builtin_templates();
  REQUIRE(templates.size() == 5);
  const char* order[] = {"computer-vision", "nlp-llm", "recommender", "tabular", "blank"};
  for (std::size_t i = 0; i < templates.size(); ++i) {
    CAPTURE(templates[i].id);
    CHECK(templates[i].id == order[i]);
    CHECK(!templates[i].name.empty());
    CHECK(!templates[i].summary.empty());
    CHECK(templates[i].summary.size() <= 110);  // one line on the welcome screen
    CHECK(templates[i].json.find("\"format\": \"cairn\"") != std::string_view::npos);
  }
  CHECK(templates[0].name == "Computer vision");
}

TEST_CASE("every template instantiates without warnings and applies as one command") {
  for (const TemplateInfo& t : builtin_templates()) {
    CAPTURE(t.id);
    Workspace ws;
    IdSource ids(1);
    const ImportPlan plan = instantiate_template(t.id, ws, ids, date("2026-11-26"));
    REQUIRE_MESSAGE(plan.ok, plan.error);
    CHECK(plan.warnings.empty());
    CHECK(plan.projects == 1);
    CHECK(plan.items == plan.command.ops.size());
    CHECK(plan.command.label == "New project from template \xE2\x80\x9C" + std::string(t.name) + "\xE2\x80\x9D");
    const ApplyResult r = apply(ws, plan.command);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(ws.size() == plan.items);
    CHECK(ws.all<Project>().size() == 1);
  }
  Workspace ws;
  IdSource ids(1);
  CHECK(instantiate_template("computer-vision", ws, ids, date("2026-11-26")).command.label ==
        "New project from template \xE2\x80\x9C" "Computer vision\xE2\x80\x9D");
}

TEST_CASE("the non-blank templates are complete starter plans") {
  for (const std::string_view tid : kFilled) {
    CAPTURE(tid);
    Workspace ws;
    IdSource ids(2);
    const Id p = instantiate(ws, tid, ids);
    const Project& project = *ws.find<Project>(p);
    CHECK(project.domain != Domain::other);
    CHECK(project.phase == Phase::discovery);
    CHECK(!project.problem.empty());
    CHECK(!project.business_goal.empty());
    CHECK(!project.scope_in.empty());
    CHECK(!project.scope_out.empty());
    CHECK(!project.compliance.empty());

    // Success metrics at all three levels.
    std::set<MetricLevel> levels;
    for (const Metric* m : items_of<Metric>(ws, p)) {
      levels.insert(m->level);
      CHECK(!m->unit.empty());
    }
    CHECK(levels.size() == 3);

    const auto sources = items_of<DataSource>(ws, p);
    CHECK(!sources.empty());
    CHECK(sources.size() <= 3);
    for (const DataSource* s : sources) {
      CHECK(s->owner == "to assign");
      CHECK(!s->licence.empty());
    }

    // Tasks: stages, definitions of done, three-point estimates.
    const auto tasks = items_of<Task>(ws, p);
    std::set<Stage> stages;
    std::size_t dependencies = 0;
    for (const Task* t : tasks) {
      CAPTURE(t->title);
      stages.insert(t->stage);
      CHECK(children<ChecklistItem>(ws, t->id).size() >= 2);
      REQUIRE(t->optimistic_days);
      REQUIRE(t->likely_days);
      REQUIRE(t->pessimistic_days);
      CHECK(*t->optimistic_days > 0);
      CHECK(*t->optimistic_days <= *t->likely_days);
      CHECK(*t->likely_days <= *t->pessimistic_days);
      for (const Dependency* d : children<Dependency>(ws, t->id)) {
        ++dependencies;
        CHECK(d->type == DependencyType::finish_to_start);
        const Task* pred = ws.find<Task>(d->predecessor);
        REQUIRE(pred);
        CHECK(pred->parent == p);
      }
      if (!t->sprint.nil()) {
        const Sprint* s = ws.find<Sprint>(t->sprint);
        REQUIRE(s);
        CHECK(s->parent == p);
      }
    }
    CHECK(stages.size() >= 6);
    CHECK(dependencies >= 1);

    // The dependencies form no cycle.
    std::map<Id, int> state;  // 1 visiting, 2 done
    std::function<bool(Id)> acyclic = [&](Id id) {
      if (state[id] == 1) return false;
      if (state[id] == 2) return true;
      state[id] = 1;
      for (const Dependency* d : children<Dependency>(ws, id))
        if (!acyclic(d->predecessor)) return false;
      state[id] = 2;
      return true;
    };
    for (const Task* t : tasks) CHECK(acyclic(t->id));

    // Sprints: one discovery sprint holding the first phase's tasks.
    const Sprint* discovery = nullptr;
    for (const Sprint* s : items_of<Sprint>(ws, p)) {
      REQUIRE(s->start);
      REQUIRE(s->end);
      CHECK(*s->start <= *s->end);
      if (s->kind == SprintKind::discovery) discovery = s;
    }
    REQUIRE(discovery);
    std::size_t in_discovery = 0;
    for (const Task* t : tasks)
      if (t->sprint == discovery->id) ++in_discovery;
    CHECK(in_discovery >= 2);

    // Gates, each with a criterion on one of this project's metrics.
    const auto gates = items_of<Gate>(ws, p);
    CHECK(gates.size() >= 2);
    for (const Gate* g : gates) {
      CAPTURE(g->name);
      CHECK(g->due);
      CHECK(g->decision == GateDecision::pending);
      const auto criteria = children<GateCriterion>(ws, g->id);
      CHECK(!criteria.empty());
      for (const GateCriterion* c : criteria) {
        const Metric* m = ws.find<Metric>(c->metric);
        REQUIRE(m);
        CHECK(m->parent == p);
      }
    }

    // Risks: the standard three categories plus a domain-specific one.
    std::set<RiskCategory> categories;
    const auto risks = items_of<Risk>(ws, p);
    for (const Risk* r : risks) {
      CAPTURE(r->title);
      categories.insert(r->category);
      CHECK(!r->mitigation.empty());
      CHECK(r->next_review);
      if (r->category == RiskCategory::bias_fairness) CHECK(r->review_every_days == 28);
    }
    CHECK(categories.count(RiskCategory::bias_fairness) == 1);
    CHECK(categories.count(RiskCategory::privacy_compliance) == 1);
    CHECK(categories.count(RiskCategory::model_drift) == 1);
    CHECK(risks.size() >= 4);
  }
}

TEST_CASE("template dates move to the week of today") {
  CHECK(week_start(date("2027-03-10")) == date("2027-03-08"));  // Wednesday
  CHECK(week_start(date("2027-03-08")) == date("2027-03-08"));  // Monday
  CHECK(week_start(date("2027-03-14")) == date("2027-03-08"));  // Sunday
  CHECK(week_start(date("1970-01-01")) == date("1969-12-29"));
  CHECK(week_start(date("1969-12-28")) == date("1969-12-22"));

  for (const std::string_view tid : kFilled) {
    CAPTURE(tid);
    Workspace ws;
    IdSource ids(3);
    const Id p = instantiate(ws, tid, ids, date("2027-03-10"));
    const Sprint* discovery = nullptr;
    for (const Sprint* s : items_of<Sprint>(ws, p))
      if (s->kind == SprintKind::discovery) discovery = s;
    REQUIRE(discovery);
    REQUIRE(discovery->start);
    CHECK(week_start(*discovery->start) == date("2027-03-08"));
    // Nothing lies before this week, and the first gate falls within the discovery sprint's reach.
    for (const Sprint* s : items_of<Sprint>(ws, p)) CHECK(*s->start >= date("2027-03-08"));
    for (const Gate* g : items_of<Gate>(ws, p)) CHECK(*g->due >= *discovery->start);
    for (const Risk* r : items_of<Risk>(ws, p)) CHECK(*r->next_review > date("2027-03-10"));

    // The same template a week later is the same plan, a week later.
    Workspace later;
    IdSource ids2(3);
    const Id q = instantiate(later, tid, ids2, date("2027-03-17"));
    std::vector<Date> a, b;
    for (const Gate* g : items_of<Gate>(ws, p)) a.push_back(Date{g->due->days + 7});
    for (const Gate* g : items_of<Gate>(later, q)) b.push_back(*g->due);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    CHECK(a == b);
  }
}

TEST_CASE("instantiating a template twice gives two independent projects") {
  for (const TemplateInfo& t : builtin_templates()) {
    CAPTURE(t.id);
    Workspace ws;
    IdSource ids(4);
    const Id first = instantiate(ws, t.id, ids);
    const Id second = instantiate(ws, t.id, ids);
    CHECK(ws.all<Project>().size() == 2);
    const std::set<Id> a = subtree(ws, first), b = subtree(ws, second);
    CHECK(a.size() == b.size());
    CHECK(a.size() + b.size() == ws.size());
    std::vector<Id> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    CHECK(common.empty());
    // References stay inside each copy.
    for (const auto& [id, task] : ws.all<Task>()) {
      const bool in_a = a.count(id) != 0;
      if (!task.sprint.nil()) CHECK((a.count(task.sprint) != 0) == in_a);
      for (const Dependency* d : children<Dependency>(ws, id)) CHECK((a.count(d->predecessor) != 0) == in_a);
    }
    for (const auto& [id, c] : ws.all<GateCriterion>()) CHECK((a.count(c.metric) != 0) == (a.count(id) != 0));
    // Fresh ids even the first time: no id of the template file is used.
    for (const Id id : a) CHECK(t.json.find(id.to_string()) == std::string_view::npos);
  }
}

TEST_CASE("a template takes the project name it is given") {
  Workspace ws;
  IdSource ids(5);
  const Id named = instantiate(ws, "tabular", ids, date("2026-11-26"), "Churn 2027");
  CHECK(ws.find<Project>(named)->name == "Churn 2027");
  const Id unnamed = instantiate(ws, "blank", ids, date("2026-11-26"), "Notes");
  CHECK(ws.find<Project>(unnamed)->name == "Notes");
  const Id plain = instantiate(ws, "tabular", ids);
  CHECK(ws.find<Project>(plain)->name == "Tabular prediction project");
}

TEST_CASE("the blank template is one project with default fields and nothing else") {
  Workspace ws;
  IdSource ids(6);
  const Id p = instantiate(ws, "blank", ids);
  CHECK(ws.size() == 1);
  Project expected;
  expected.id = p;
  expected.name = "Untitled project";
  CHECK(*ws.find<Project>(p) == expected);
}

TEST_CASE("an unknown template id is an error") {
  Workspace ws;
  IdSource ids(7);
  const ImportPlan plan = instantiate_template("quantum", ws, ids, date("2026-11-26"));
  CHECK(!plan.ok);
  CHECK(plan.error.find("'quantum'") != std::string::npos);
  CHECK(plan.command.ops.empty());
  CHECK(!instantiate_template("", ws, ids, date("2026-11-26")).ok);
}

TEST_CASE("template files: valid UTF-8, a Monday anchor, well-formed unique ids, no placeholder text") {
  std::set<std::string> all_ids;
  for (const TemplateInfo& t : builtin_templates()) {
    CAPTURE(t.id);
    std::vector<char32_t> chars;
    REQUIRE(decode_utf8(t.json, chars));
    for (const char32_t c : chars) {
      CAPTURE(static_cast<std::uint32_t>(c));
      CHECK(ui_font_has(c));
    }

    rapidjson::Document doc;
    std::size_t offset = 0;
    REQUIRE(parse_json(t.json, doc, offset).empty());
    REQUIRE(doc.IsObject());
    REQUIRE(doc.HasMember("anchor"));
    const auto anchor = parse_date(doc["anchor"].GetString());
    REQUIRE(anchor);
    CHECK(week_start(*anchor) == *anchor);

    for (const auto& item : doc["items"].GetArray()) {
      const std::string id = item["id"].GetString();
      CAPTURE(id);
      const auto parsed = Id::parse(id);
      REQUIRE(parsed);
      CHECK(parsed->to_string() == id);                      // lowercase
      CHECK(id[14] == '4');                                  // version 4
      CHECK(std::string_view("89ab").find(id[19]) != std::string_view::npos);  // RFC 4122 variant
      CHECK(all_ids.insert(id).second);                      // unique across all templates

      // Every text is real content: not empty, not a placeholder.
      std::function<void(const rapidjson::Value&)> check_text = [&](const rapidjson::Value& v) {
        if (v.IsArray()) {
          for (const auto& e : v.GetArray()) check_text(e);
          return;
        }
        if (!v.IsString()) return;
        const std::string text = lower(v.GetString());
        CAPTURE(text);
        CHECK(text.find_first_not_of(" \t\n") != std::string::npos);
        for (const char* bad : {"todo", "tbd", "fixme", "xxx", "lorem", "placeholder", "...", "???", "<", "["})
          CHECK(text.find(bad) == std::string::npos);
      };
      for (const auto& field : item["fields"].GetObject())
        if (!is_enum_field(item["kind"].GetString(), field.name.GetString())) check_text(field.value);
    }
  }
}
