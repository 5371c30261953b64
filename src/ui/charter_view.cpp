#include "ui/charter_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/gates.h"
#include "ui/history_list.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

void draw_goal(ViewContext& ctx, const Project& p) {
  const float em = ImGui::GetFontSize();
  section_heading("Project");
  edit_text("Name", p, field::project::name, p.name, ctx.out, "Project name", 24 * em);
  edit_enum("Domain", p, field::project::domain, p.domain, ctx.out, 12 * em);
  ImGui::SameLine();
  edit_enum("Phase", p, field::project::phase, p.phase, ctx.out, 10 * em);
  ImGui::TextUnformatted("Problem statement");
  edit_multiline("##problem", p, field::project::problem, p.problem, ctx.out, 2.5f);
  ImGui::TextUnformatted("Business goal");
  edit_multiline("##goal", p, field::project::business_goal, p.business_goal, ctx.out, 2.5f);
  if (ImGui::BeginTable("scope", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("In scope");
    edit_multiline("##in", p, field::project::scope_in, p.scope_in, ctx.out, 3);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("Out of scope");
    edit_multiline("##out", p, field::project::scope_out, p.scope_out, ctx.out, 3);
    ImGui::EndTable();
  }
}

void draw_people(ViewContext& ctx, const Project& p) {
  section_heading("People");
  const auto people = children_in_id_order<Person>(ctx.ws, p.id);
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!people.empty() && ImGui::BeginTable("people", 6, kFlags)) {
    ImGui::TableSetupColumn("Name", 0, 2);
    ImGui::TableSetupColumn("Role", 0, 2);
    ImGui::TableSetupColumn("Time zone", 0, 2);
    ImGui::TableSetupColumn("Responsibility", 0, 3);
    ImGui::TableSetupColumn("Days/week", 0, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const Person* person : people) {
      ImGui::PushID(person);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      edit_text("##name", *person, field::person::name, person->name, ctx.out, "Name");
      ImGui::TableNextColumn();
      edit_text("##role", *person, field::person::role, person->role, ctx.out, "e.g. ML engineer");
      ImGui::TableNextColumn();
      edit_text("##tz", *person, field::person::time_zone, person->time_zone, ctx.out, "Europe/Berlin");
      ImGui::TableNextColumn();
      edit_text("##resp", *person, field::person::responsibility, person->responsibility, ctx.out, "Owns ...");
      ImGui::TableNextColumn();
      edit_number("##cap", *person, field::person::capacity_days_per_week, person->capacity_days_per_week, ctx.out);
      ImGui::TableNextColumn();
      history_button(ctx, person->id);
      ImGui::SameLine();
      remove_button(person->id, "person", ctx.out);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::SmallButton("+ Person"))
    ctx.out.push(create_item<Person>(ctx.ids, p.id, {{field::person::name, std::string("New person")}}, "Add person"));
}

// Baseline -> current -> target, coloured by whether the latest value meets the target.
void draw_metric_values(ViewContext& ctx, const Metric& m) {
  const auto latest = latest_value(ctx.ws, m.id);
  char text[128];
  auto fmt = [](std::optional<double> v) {
    char b[32];
    if (v) std::snprintf(b, sizeof b, "%g", *v);
    else std::snprintf(b, sizeof b, "\xE2\x80\x94");  // —
    return std::string(b);
  };
  std::snprintf(text, sizeof text, "%s \xE2\x86\x92 ", fmt(m.baseline).c_str());
  ImGui::TextUnformatted(text);
  ImGui::SameLine(0, 0);
  ImVec4 color = muted_text_color(ctx.theme);
  if (latest && m.target) {
    const bool higher = m.direction == Direction::higher_is_better;
    const bool on_target = higher ? latest->value >= *m.target : latest->value <= *m.target;
    color = on_target ? good_color(ctx.theme) : bad_color(ctx.theme);
  }
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(fmt(latest ? std::optional<double>(latest->value) : std::nullopt).c_str());
  ImGui::PopStyleColor();
  if (latest && ImGui::IsItemHovered()) ImGui::SetTooltip("Latest: %s", latest->source.c_str());
  ImGui::SameLine(0, 0);
  std::snprintf(text, sizeof text, " \xE2\x86\x92 %s %s", fmt(m.target).c_str(), m.unit.c_str());
  ImGui::TextUnformatted(text);
}

void draw_trend(ViewContext& ctx, const Metric& m) {
  std::vector<const MetricReading*> readings = children_in_id_order<MetricReading>(ctx.ws, m.id);
  std::sort(readings.begin(), readings.end(), [](auto* a, auto* b) { return a->on < b->on; });
  std::vector<float> values;
  for (const MetricReading* r : readings) values.push_back(static_cast<float>(r->value));
  if (values.size() >= 2)
    ImGui::PlotLines("##trend", values.data(), static_cast<int>(values.size()), 0, nullptr, FLT_MAX, FLT_MAX,
                     ImVec2(-FLT_MIN, ImGui::GetFrameHeight()));
  else
    muted_text(ctx.theme, values.empty() ? "no readings" : "1 reading");
}

void draw_metrics(ViewContext& ctx, const Project& p) {
  section_heading("Success metrics");
  const auto metrics = children_in_id_order<Metric>(ctx.ws, p.id);
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  static char reading_value[32];
  if (!metrics.empty() && ImGui::BeginTable("metrics", 10, kFlags)) {
    ImGui::TableSetupColumn("Metric", 0, 3);
    ImGui::TableSetupColumn("Level", 0, 1.3f);
    ImGui::TableSetupColumn("Unit", 0, 0.8f);
    ImGui::TableSetupColumn("Direction", 0, 1.5f);
    ImGui::TableSetupColumn("Baseline", 0, 1);
    ImGui::TableSetupColumn("Target", 0, 1);
    ImGui::TableSetupColumn("Worth per unit / month", 0, 1.2f);  // the status report's value model
    ImGui::TableSetupColumn("Baseline \xE2\x86\x92 now \xE2\x86\x92 target", 0, 2.2f);
    ImGui::TableSetupColumn("Trend", 0, 1.5f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const Metric* m : metrics) {
      ImGui::PushID(m);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      edit_text("##name", *m, field::metric::name, m->name, ctx.out, "e.g. Precision at 95% recall");
      ImGui::TableNextColumn();
      edit_enum("##level", *m, field::metric::level, m->level, ctx.out);
      ImGui::TableNextColumn();
      edit_text("##unit", *m, field::metric::unit, m->unit, ctx.out, "%");
      ImGui::TableNextColumn();
      edit_enum("##dir", *m, field::metric::direction, m->direction, ctx.out);
      ImGui::TableNextColumn();
      edit_number("##base", *m, field::metric::baseline, m->baseline, ctx.out, "\xE2\x80\x94");
      ImGui::TableNextColumn();
      edit_number("##target", *m, field::metric::target, m->target, ctx.out, "\xE2\x80\x94");
      ImGui::TableNextColumn();
      edit_number("##worth", *m, field::metric::value_per_unit, m->value_per_unit, ctx.out, p.budget_currency.c_str());
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
        ImGui::SetTooltip("Money per month (%s) that one unit of improvement in the metric's direction is worth,\n"
                          "e.g. 4000 when each point of precision is worth 4,000 a month. Status reports turn\n"
                          "the change since the baseline into money with it.", p.budget_currency.c_str());
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      draw_metric_values(ctx, *m);
      ImGui::TableNextColumn();
      draw_trend(ctx, *m);
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("+ reading")) ImGui::OpenPopup("reading");
      ImGui::SameLine();
      history_button(ctx, m->id);
      ImGui::SameLine();
      remove_button(m->id, "metric", ctx.out);
      if (ImGui::BeginPopup("reading")) {
        ImGui::Text("New reading of %s, dated today (%s)", m->name.c_str(), format_date(ctx.today).c_str());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        const bool enter = ImGui::InputText("Value", reading_value, sizeof reading_value,
                                            ImGuiInputTextFlags_CharsScientific | ImGuiInputTextFlags_EnterReturnsTrue);
        char* end = nullptr;
        const double v = std::strtod(reading_value, &end);
        const bool valid = end != reading_value && *end == '\0';
        ImGui::BeginDisabled(!valid);
        if (ImGui::Button("Add") || (enter && valid)) {
          ctx.out.push(create_item<MetricReading>(
              ctx.ids, m->id, {{field::metric_reading::on, ctx.today}, {field::metric_reading::value, v}},
              "Add metric reading"));
          reading_value[0] = '\0';
          ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::EndPopup();
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  for (const auto level : {MetricLevel::business, MetricLevel::ml, MetricLevel::cost}) {
    const std::string label = "+ " + enum_label(enum_name(level)) + " metric";
    if (ImGui::SmallButton(label.c_str()))
      ctx.out.push(create_item<Metric>(
          ctx.ids, p.id,
          {{field::metric::name, std::string("New metric")}, {field::metric::level, std::string(enum_name(level))}},
          "Add metric"));
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

void draw_data_sources(ViewContext& ctx, const Project& p) {
  section_heading("Data sources");
  const auto sources = children_in_id_order<DataSource>(ctx.ws, p.id);
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!sources.empty() && ImGui::BeginTable("sources", 7, kFlags)) {
    ImGui::TableSetupColumn("Name", 0, 2);
    ImGui::TableSetupColumn("Owner", 0, 1.5f);
    ImGui::TableSetupColumn("Licence / permissions", 0, 2);
    ImGui::TableSetupColumn("Personal data", 0, 1);
    ImGui::TableSetupColumn("Status", 0, 1.2f);
    ImGui::TableSetupColumn("Flags", 0, 2.2f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const DataSource* d : sources) {
      ImGui::PushID(d);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      edit_text("##name", *d, field::data_source::name, d->name, ctx.out, "Source name");
      ImGui::TableNextColumn();
      edit_text("##owner", *d, field::data_source::owner, d->owner, ctx.out, "Who owns it?");
      ImGui::TableNextColumn();
      edit_text("##licence", *d, field::data_source::licence, d->licence, ctx.out, "Licence or permission");
      ImGui::TableNextColumn();
      edit_bool("##pii", *d, field::data_source::personal_data, d->personal_data, ctx.out);
      ImGui::TableNextColumn();
      edit_enum("##status", *d, field::data_source::status, d->status, ctx.out);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      std::string flags;
      if (d->owner.empty()) flags += "no owner  ";
      if (d->licence.empty()) flags += "no licence  ";
      if (d->personal_data) flags += "personal data";
      ImGui::PushStyleColor(ImGuiCol_Text, d->owner.empty() || d->licence.empty() ? bad_color(ctx.theme) : warning_color(ctx.theme));
      ImGui::TextUnformatted(flags.c_str());
      ImGui::PopStyleColor();
      if (d->personal_data && ImGui::IsItemHovered())
        ImGui::SetTooltip("Personal data: record the lawful basis and check the project's compliance regimes.");
      ImGui::TableNextColumn();
      history_button(ctx, d->id);
      ImGui::SameLine();
      remove_button(d->id, "data source", ctx.out);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::SmallButton("+ Data source"))
    ctx.out.push(create_item<DataSource>(ctx.ids, p.id, {{field::data_source::name, std::string("New data source")}},
                                         "Add data source"));
}

void draw_constraints(ViewContext& ctx, const Project& p) {
  const float em = ImGui::GetFontSize();
  section_heading("Constraints");
  edit_number("p95 latency (ms)", p, field::project::latency_p95_ms, p.latency_p95_ms, ctx.out, "none", 8 * em);
  edit_number("Budget", p, field::project::budget, p.budget, ctx.out, "none", 8 * em);
  ImGui::SameLine();
  edit_text("Currency", p, field::project::budget_currency, p.budget_currency, ctx.out, "USD", 4 * em);
  edit_list("Compliance", p, field::project::compliance, p.compliance, ctx.out, "GDPR, CCPA, HIPAA", 24 * em);
  section_heading("Buffer rule");
  muted_text(ctx.theme, "Estimates are multiplied by these factors; the buffered figure is shown beside the raw one.");
  edit_number("Data collection", p, field::project::buffer_data_collection, p.buffer_data_collection, ctx.out, "1.5",
              5 * em);
  ImGui::SameLine();
  edit_number("Labelling", p, field::project::buffer_labelling, p.buffer_labelling, ctx.out, "1.5", 5 * em);
  ImGui::SameLine();
  edit_number("Other stages", p, field::project::buffer_other, p.buffer_other, ctx.out, "1.0", 5 * em);
}

}  // namespace

void draw_charter(ViewContext& ctx) {
  const Project* p = ctx.ws.find<Project>(ctx.nav.project);
  if (!p) return;
  draw_goal(ctx, *p);
  draw_metrics(ctx, *p);
  draw_people(ctx, *p);
  draw_data_sources(ctx, *p);
  draw_constraints(ctx, *p);
}

}  // namespace cairn::ui
