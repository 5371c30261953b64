#include "ui/experiments_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "ui/history_list.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

// Experiments by date (undated last), then title.
std::vector<const Experiment*> experiments_of(const Workspace& ws, Id project) {
  auto list = children_in_id_order<Experiment>(ws, project);
  std::stable_sort(list.begin(), list.end(), [](const Experiment* a, const Experiment* b) {
    return a->on.value_or(kLastDate) < b->on.value_or(kLastDate);
  });
  return list;
}

void draw_results(ViewContext& ctx, const Experiment& e) {
  const float em = ImGui::GetFontSize();
  for (const ExperimentResult* r : children_in_id_order<ExperimentResult>(ctx.ws, e.id)) {
    ImGui::PushID(r);
    const Metric* m = ctx.ws.find<Metric>(r->metric);
    ImGui::SetNextItemWidth(14 * em);
    if (ImGui::BeginCombo("##metric", m ? m->name.c_str() : "(choose a metric)")) {
      for (const Metric* option : children_in_id_order<Metric>(ctx.ws, e.parent)) {
        ImGui::PushID(option);
        if (ImGui::Selectable(option->name.c_str(), option->id == r->metric))
          ctx.out.push(set_field(*r, field::experiment_result::metric, option->id, "Change result metric"));
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    edit_number("##value", *r, field::experiment_result::value, r->value, ctx.out, "value", 6 * em);
    ImGui::SameLine();
    remove_button(r->id, "result", ctx.out);
    ImGui::PopID();
  }
  if (ImGui::SmallButton("+ Result"))
    ctx.out.push(create_item<ExperimentResult>(ctx.ids, e.id, {}, "Add experiment result"));
}

void draw_runs(ViewContext& ctx, const Experiment& e) {
  const float em = ImGui::GetFontSize();
  for (const ExternalRun* run : children_in_id_order<ExternalRun>(ctx.ws, e.id)) {
    ImGui::PushID(run);
    edit_enum("##system", *run, field::external_run::system, run->system, ctx.out, 6 * em);
    ImGui::SameLine();
    edit_text("##run", *run, field::external_run::run_id, run->run_id, ctx.out, "run id / name:version / lock hash",
              14 * em);
    ImGui::SameLine();
    edit_text("##url", *run, field::external_run::url, run->url, ctx.out, "https://...", 16 * em);
    ImGui::SameLine();
    const bool linkable = run->url.rfind("https://", 0) == 0 || run->url.rfind("http://", 0) == 0;
    ImGui::BeginDisabled(!linkable);
    if (ImGui::SmallButton("Open")) ctx.open_url = run->url;
    ImGui::EndDisabled();
    ImGui::SameLine();
    remove_button(run->id, "run link", ctx.out);
    ImGui::PopID();
  }
  if (ImGui::SmallButton("+ Run link")) ctx.out.push(create_item<ExternalRun>(ctx.ids, e.id, {}, "Add run link"));
}

void draw_log(ViewContext& ctx, const std::vector<const Experiment*>& experiments) {
  const float em = ImGui::GetFontSize();
  for (const Experiment* e : experiments) {
    ImGui::PushID(e);
    const std::string header = (e->title.empty() ? std::string("(untitled)") : e->title) + "  \xC2\xB7  " +
                               enum_label(enum_name(e->status)) + (e->on ? "  \xC2\xB7  " + format_date(*e->on) : "") + "###exp";
    if (ImGui::CollapsingHeader(header.c_str())) {
      ImGui::Indent();
      edit_text("Title", *e, field::experiment::title, e->title, ctx.out, "", 24 * em);
      edit_enum("Status", *e, field::experiment::status, e->status, ctx.out, 8 * em);
      ImGui::SameLine();
      edit_date("Date", *e, field::experiment::on, e->on, ctx.out, 7 * em);
      ImGui::TextUnformatted("Hypothesis");
      edit_multiline("##hypothesis", *e, field::experiment::hypothesis, e->hypothesis, ctx.out, 2);
      edit_text("Dataset version", *e, field::experiment::dataset_version, e->dataset_version, ctx.out,
                "e.g. images:v7", 12 * em);
      ImGui::SameLine();
      edit_text("Model version", *e, field::experiment::model_version, e->model_version, ctx.out, "e.g. detector:v3",
                12 * em);
      edit_text("Parameters", *e, field::experiment::parameters, e->parameters, ctx.out, "lr=3e-4, epochs=20", 30 * em);
      edit_number("GPU hours", *e, field::experiment::gpu_hours, e->gpu_hours, ctx.out, "\xE2\x80\x94", 6 * em);
      ImGui::SameLine();
      edit_number("Cost", *e, field::experiment::cost, e->cost, ctx.out, "\xE2\x80\x94", 6 * em);
      section_heading("Results");
      draw_results(ctx, *e);
      section_heading("Runs (MLflow, W&B, DVC)");
      draw_runs(ctx, *e);
      ImGui::TextUnformatted("Notes");
      edit_multiline("##notes", *e, field::experiment::notes, e->notes, ctx.out, 2);
      draw_history(ctx, e->id);
      if (ImGui::SmallButton("Delete experiment")) ctx.out.push(remove_item(e->id, "Delete experiment"));
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
}

// The chosen metric's results over experiments, with its target as a line.
void draw_trend(ViewContext& ctx, ExperimentsState& state, const std::vector<const Experiment*>& experiments) {
  const auto metrics = children_in_id_order<Metric>(ctx.ws, ctx.nav.project);
  if (metrics.empty()) return;
  auto results_of = [&](const Metric& m) {
    std::vector<double> values;
    for (const Experiment* e : experiments)
      for (const ExperimentResult* r : children_in_id_order<ExperimentResult>(ctx.ws, e->id))
        if (r->metric == m.id) values.push_back(r->value);
    return values;
  };
  // Until one is chosen: the first metric that experiments have results for.
  const Metric* metric = ctx.ws.find<Metric>(state.chart_metric);
  for (std::size_t i = 0; !metric && i < metrics.size(); ++i)
    if (!results_of(*metrics[i]).empty()) metric = metrics[i];
  if (!metric) metric = metrics.front();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo("Trend of", metric->name.c_str())) {
    for (const Metric* m : metrics) {
      ImGui::PushID(m);
      if (ImGui::Selectable(m->name.c_str(), m == metric)) state.chart_metric = m->id;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  const std::vector<double> values = results_of(*metric);
  const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 7);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), ImGui::GetColorU32(ImGuiCol_Border));
  if (values.empty()) {
    draw->AddText(ImVec2(p0.x + 8, p0.y + 8), ImGui::GetColorU32(muted_text_color(ctx.theme)), "No results for this metric yet");
    return;
  }
  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  if (metric->target) {
    lo = std::min(lo, *metric->target);
    hi = std::max(hi, *metric->target);
  }
  if (hi - lo < 1e-12) { hi += 1; lo -= 1; }
  const float pad = 8;
  auto to_screen = [&](std::size_t i, double v) {
    const float x = values.size() == 1 ? p0.x + size.x / 2
                                       : p0.x + pad + (size.x - 2 * pad) * static_cast<float>(i) / static_cast<float>(values.size() - 1);
    const float y = p0.y + size.y - pad - (size.y - 2 * pad) * static_cast<float>((v - lo) / (hi - lo));
    return ImVec2(x, y);
  };
  if (metric->target) {
    const float y = to_screen(0, *metric->target).y;
    draw->AddLine(ImVec2(p0.x, y), ImVec2(p0.x + size.x, y), ImGui::GetColorU32(good_color(ctx.theme)), 1.5f);
    char text[48];
    std::snprintf(text, sizeof text, "target %g", *metric->target);
    draw->AddText(ImVec2(p0.x + 4, y - ImGui::GetFontSize()), ImGui::GetColorU32(good_color(ctx.theme)), text);
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    const ImVec2 p = to_screen(i, values[i]);
    if (i > 0) draw->AddLine(to_screen(i - 1, values[i - 1]), p, ImGui::GetColorU32(accent_color(ctx.theme)), 2.0f);
    draw->AddCircleFilled(p, 3.5f, ImGui::GetColorU32(accent_color(ctx.theme)));
  }
}

// Dataset versions (left) -> experiments (middle) -> model versions (right).
void draw_lineage(ViewContext& ctx, const std::vector<const Experiment*>& experiments) {
  // Each version's label: where its line attaches (x at the label's near end, y at its middle).
  std::map<std::string, ImVec2> datasets, models;
  for (const Experiment* e : experiments) {
    if (!e->dataset_version.empty()) datasets[e->dataset_version] = {};
    if (!e->model_version.empty()) models[e->model_version] = {};
  }
  const float row = ImGui::GetTextLineHeightWithSpacing() * 1.4f;
  const std::size_t rows = std::max({datasets.size(), models.size(), experiments.size(), std::size_t{1}});
  const ImVec2 size(ImGui::GetContentRegionAvail().x, row * static_cast<float>(rows) + row);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float columns[3] = {p0.x + 8, p0.x + size.x * 0.36f, p0.x + size.x * 0.70f};
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 line = ImGui::GetColorU32(muted_text_color(ctx.theme));
  const char* headers[3] = {"Dataset versions", "Experiments", "Model versions"};
  for (int c = 0; c < 3; ++c) draw->AddText(ctx.fonts.strong, ImGui::GetFontSize(), ImVec2(columns[c], p0.y), text, headers[c]);
  const float gap = ImGui::GetFontSize() * 0.5f;
  const float half = ImGui::GetFontSize() * 0.5f;
  // A line runs from just after the left label's text to just before the right one's.
  auto link = [&](ImVec2 from, ImVec2 to) { draw->AddLine(ImVec2(std::min(from.x, to.x - gap), from.y), to, line, 1.5f); };
  float y = p0.y + row;
  for (auto& [name, at] : datasets) {
    at = ImVec2(columns[0] + ImGui::CalcTextSize(name.c_str()).x + gap, y + half);
    draw->AddText(ImVec2(columns[0], y), text, name.c_str());
    y += row;
  }
  y = p0.y + row;
  for (auto& [name, at] : models) {
    at = ImVec2(columns[2] - gap, y + half);
    draw->AddText(ImVec2(columns[2], y), text, name.c_str());
    y += row;
  }
  y = p0.y + row;
  for (const Experiment* e : experiments) {
    draw->AddText(ImVec2(columns[1], y), text, e->title.c_str());
    if (auto it = datasets.find(e->dataset_version); it != datasets.end()) link(it->second, ImVec2(columns[1] - gap, y + half));
    if (auto it = models.find(e->model_version); it != models.end())
      link(ImVec2(columns[1] + ImGui::CalcTextSize(e->title.c_str()).x + gap, y + half), it->second);
    y += row;
  }
}

}  // namespace

void draw_experiments(ViewContext& ctx, ExperimentsState& state) {
  if (ImGui::SmallButton("+ Experiment"))
    ctx.out.push(create_item<Experiment>(
        ctx.ids, ctx.nav.project,
        {{field::experiment::title, std::string("New experiment")}, {field::experiment::on, ctx.today}},
        "Add experiment"));
  const auto experiments = experiments_of(ctx.ws, ctx.nav.project);
  draw_log(ctx, experiments);
  section_heading("Metric trend");
  draw_trend(ctx, state, experiments);
  section_heading("Lineage: which data made which model");
  draw_lineage(ctx, experiments);
}

}  // namespace cairn::ui
