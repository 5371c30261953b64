#include "core/templates.h"

#include <array>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/fields.h"
#include "core/json_parse.h"

namespace cairn {
namespace detail {
// Generated from assets/templates/*.json by cmake/EmbedTemplates.cmake: the
// text of <id>.json, or an empty view.
std::string_view embedded_template_json(std::string_view id);
}  // namespace detail

namespace {

struct TemplateEntry {
  std::string_view id, name, summary;
};

constexpr TemplateEntry kTemplates[] = {
    {"computer-vision", "Computer vision",
     "Detection or classification on images (e.g. visual inspection): labelling vendor QA, shadow mode"},
    {"nlp-llm", "NLP / LLM",
     "An assistant over your documents: evaluation set, prompt iteration, fine-tuning, hallucination checks"},
    {"recommender", "Recommender",
     "Personalised recommendations: offline baselines, two-stage model, A/B test, feedback-loop controls"},
    {"tabular", "Tabular prediction",
     "Churn, risk or demand from warehouse tables: leakage-safe features, calibration, controlled pilot"},
    {"blank", "Blank", "An empty project: name it and fill in the charter yourself"},
};

// The template's "anchor" member (the day its dates are relative to).
std::optional<Date> read_anchor(std::string_view json, std::string& error) {
  rapidjson::Document doc;
  std::size_t offset = 0;
  if (std::string e = parse_json(json, doc, offset); !e.empty()) {
    error = "the template is not valid JSON: " + e;
    return std::nullopt;
  }
  if (!doc.IsObject()) {
    error = "the template is not a Cairn export";
    return std::nullopt;
  }
  const auto it = std::as_const(doc).FindMember("anchor");
  if (it == std::as_const(doc).MemberEnd() || !it->value.IsString()) {
    error = "the template has no \"anchor\" date";
    return std::nullopt;
  }
  auto anchor = parse_date(std::string_view(it->value.GetString(), it->value.GetStringLength()));
  if (!anchor) error = "the template's \"anchor\" is not a date like 2026-01-05";
  return anchor;
}

template <class T>
bool is_date_field(const FieldDef<T>& field) {
  T probe{};
  return field.set(probe, Value{Date{}}).empty() && std::holds_alternative<Date>(field.get(probe));
}

template <class T>
bool is_id_field(const FieldDef<T>& field) {
  return std::holds_alternative<Id>(field.get(T{}));
}

// Id references (ids, or ids as text) through `fresh`; anything else unchanged.
Value remap_id(const Value& value, const std::unordered_map<Id, Id>& fresh) {
  std::optional<Id> id;
  if (const auto* v = std::get_if<Id>(&value)) id = *v;
  if (const auto* s = std::get_if<std::string>(&value)) id = Id::parse(*s);
  if (!id) return value;
  const auto it = fresh.find(*id);
  return it == fresh.end() ? value : Value{it->second};
}

}  // namespace

std::span<const TemplateInfo> builtin_templates() {
  static const auto templates = [] {
    std::array<TemplateInfo, std::size(kTemplates)> out{};
    for (std::size_t i = 0; i < out.size(); ++i) {
      const TemplateEntry& e = kTemplates[i];
      out[i] = TemplateInfo{e.id, e.name, e.summary, detail::embedded_template_json(e.id)};
    }
    return out;
  }();
  return templates;
}

Date week_start(Date day) {
  // 1970-01-01 (day 0) was a Thursday: Monday is 0 in (days + 3) mod 7.
  const std::int32_t weekday = ((day.days % 7) + 7 + 3) % 7;
  return Date{day.days - weekday};
}

ImportPlan instantiate_template(std::string_view template_id, const Workspace& current, IdSource& ids, Date today,
                                std::string_view project_name) {
  const TemplateInfo* info = nullptr;
  for (const TemplateInfo& t : builtin_templates())
    if (t.id == template_id) info = &t;
  if (!info || info->json.empty()) {
    ImportPlan failed;
    failed.error = "there is no template '" + std::string(template_id) + "'";
    return failed;
  }

  ImportPlan plan = plan_import(info->json, current, ids);
  if (!plan.ok) return plan;
  std::string error;
  const std::optional<Date> anchor = read_anchor(info->json, error);
  if (!anchor) {
    ImportPlan failed;
    failed.error = error;
    return failed;
  }
  const std::int32_t shift = week_start(today).days - anchor->days;

  // Fresh ids for every item, not only for clashing ones: the template's ids
  // are the same in every copy of Cairn, and two devices instantiating the
  // same template must not create items with the same ids.
  std::unordered_map<Id, Id> fresh;
  for (const Operation& op : plan.command.ops)
    if (const auto* create = std::get_if<CreateItem>(&op)) fresh.emplace(create->id, ids.next());

  for (Operation& op : plan.command.ops) {
    auto* create = std::get_if<CreateItem>(&op);
    if (!create) continue;
    create->id = fresh.at(create->id);
    if (const auto it = fresh.find(create->parent); it != fresh.end()) create->parent = it->second;
    visit_kind(kind_index_of(create->kind), [&]<class T>(T*) {
      for (auto& [name, value] : create->fields) {
        const FieldDef<T>* def = find_field<T>(name);
        if (!def) continue;  // plan_import keeps known fields only
        if (is_id_field(*def)) {
          value = remap_id(value, fresh);
        } else if (is_date_field(*def)) {
          std::optional<Date> date;
          if (const auto* d = std::get_if<Date>(&value)) date = *d;
          if (const auto* s = std::get_if<std::string>(&value)) date = parse_date(*s);
          if (date) value = Date{date->days + shift};
        } else if (auto* list = std::get_if<StringList>(&value);
                   list && std::is_same_v<T, Gate> && name == field::gate::evidence.name) {
          for (std::string& entry : *list)  // a gate's evidence: experiment ids as text
            if (const Value v = remap_id(Value{entry}, fresh); std::holds_alternative<Id>(v))
              entry = std::get<Id>(v).to_string();
        }
      }
      return 0;
    });
    if (create->kind == Project::kKind && !project_name.empty()) {
      bool named = false;
      for (auto& [name, value] : create->fields) {
        if (name == field::project::name.name) {
          value = std::string(project_name);
          named = true;
        }
      }
      if (!named) create->fields.emplace_back(field::project::name, std::string(project_name));
    }
  }
  plan.command.label = "New project from template \xE2\x80\x9C" + std::string(info->name) + "\xE2\x80\x9D";  // “ ”
  return plan;
}

}  // namespace cairn
