#include "ui/risks_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/risks.h"
#include "ui/history_list.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

ImVec4 level_color(RiskLevel level, Theme theme) {
  switch (level) {
    case RiskLevel::low: return good_color(theme);
    case RiskLevel::medium: return warning_color(theme);
    default: return bad_color(theme);
  }
}

void draw_heat_map(ViewContext& ctx, RisksState& state, const std::vector<const Risk*>& risks) {
  const float cell = ImGui::GetFontSize() * 2.4f;
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Likelihood \xC3\x97 impact");
  muted_text(ctx.theme, "\xE2\x86\x91 likelihood");  // the rows' axis, as "impact →" names the columns'
  for (int likelihood = 5; likelihood >= 1; --likelihood) {
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d", likelihood);
    for (int impact = 1; impact <= 5; ++impact) {
      ImGui::SameLine();
      int count = 0;
      for (const Risk* r : risks) count += (r->likelihood == likelihood && r->impact == impact) ? 1 : 0;
      Risk probe;
      probe.likelihood = likelihood;
      probe.impact = impact;
      ImVec4 color = level_color(risk_level(probe), ctx.theme);
      color.w = count > 0 ? 0.85f : 0.18f;
      const bool selected = state.likelihood == likelihood && state.impact == impact;
      ImGui::PushStyleColor(ImGuiCol_Button, color);
      // Hovering an empty cell darkens it a little, never to the shade of a
      // cell that holds risks.
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(color.x, color.y, color.z, count > 0 ? 1.0f : 0.32f));
      if (selected) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 3.0f);
      char label[32];
      std::snprintf(label, sizeof label, "%s##%d%d", count > 0 ? std::to_string(count).c_str() : "", likelihood, impact);
      if (ImGui::Button(label, ImVec2(cell, cell))) {
        if (selected) state.likelihood = state.impact = 0;
        else { state.likelihood = likelihood; state.impact = impact; }
      }
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Likelihood %d \xC3\x97 impact %d = %d: %d risk%s%s", likelihood, impact, likelihood * impact, count,
                          count == 1 ? "" : "s", selected ? " (click to show all)" : count > 0 ? " (click to show only these)" : "");
      if (selected) ImGui::PopStyleVar();
      ImGui::PopStyleColor(2);
    }
  }
  ImGui::Dummy(ImVec2(ImGui::CalcTextSize("5").x, 0));
  for (int impact = 1; impact <= 5; ++impact) {
    ImGui::SameLine(ImGui::CalcTextSize("5").x + ImGui::GetStyle().ItemSpacing.x + static_cast<float>(impact - 1) * (cell + ImGui::GetStyle().ItemSpacing.x) + cell * 0.4f);
    ImGui::Text("%d", impact);
  }
  muted_text(ctx.theme, "impact \xE2\x86\x92   (click a cell to filter)");
  ImGui::EndGroup();
}

std::string cadence_text(std::int64_t days) {
  return days == 1 ? "daily" : days == 7 ? "weekly" : "every " + std::to_string(days) + " days";
}

// How often the risk is reviewed: the next review moves by this much when
// one is done (core/risks.h).
void edit_review_cadence(ViewContext& ctx, const Risk& r) {
  static constexpr std::int64_t kChoices[] = {7, 14, 28, 56, 91, 182, 365};
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##cadence", cadence_text(r.review_every_days).c_str())) {
    for (const std::int64_t days : kChoices)
      if (ImGui::Selectable(cadence_text(days).c_str(), days == r.review_every_days) && days != r.review_every_days)
        ctx.out.push(set_field(r, field::risk::review_every_days, days, "Edit review cadence"));
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("How often this risk is reviewed");
}

void draw_register(ViewContext& ctx, const RisksState& state, const std::vector<const Risk*>& risks) {
  const float em = ImGui::GetFontSize();
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("register", 8, kFlags)) return;
  // Two lines a risk: the title over its mitigation, the category over its
  // status. Ten columns on one line left each text ~10 em at 1280 px, too
  // little for a title or a category's name. Columns whose content has a
  // known width get just that; the text columns share the rest.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float digit = ImGui::CalcTextSize("5").x + 2 * style.FramePadding.x + ImGui::GetFrameHeight();
  const float score_width = ImGui::CalcTextSize("25 Critical").x;
  // The date, and under it the widest cadence in its list.
  const float review = std::max(6.5f * em, ImGui::CalcTextSize("every 365 days").x + 2 * style.FramePadding.x +
                                               ImGui::GetFrameHeight());
  ImGui::TableSetupColumn("Risk and mitigation", 0, 3.8f);
  ImGui::TableSetupColumn("Category and status", 0, 1.8f);  // "Privacy/compliance" whole at 1280 px
  ImGui::TableSetupColumn("L", ImGuiTableColumnFlags_WidthFixed, digit);
  ImGui::TableSetupColumn("I", ImGuiTableColumnFlags_WidthFixed, digit);
  ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthFixed, score_width);
  ImGui::TableSetupColumn("Owner", 0, 1.3f);
  ImGui::TableSetupColumn("Next review", ImGuiTableColumnFlags_WidthFixed, review);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (const Risk* r : risks) {
    if (state.likelihood > 0 && (r->likelihood != state.likelihood || r->impact != state.impact)) continue;
    ImGui::PushID(r);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    edit_text("##title", *r, field::risk::title, r->title, ctx.out, "Risk");
    edit_text("##mitigation", *r, field::risk::mitigation, r->mitigation, ctx.out, "Mitigation: how we reduce it");
    ImGui::TableNextColumn();
    edit_enum("##cat", *r, field::risk::category, r->category, ctx.out);
    edit_enum("##status", *r, field::risk::status, r->status, ctx.out);
    ImGui::TableNextColumn();
    edit_integer("##l", *r, field::risk::likelihood, r->likelihood, 1, 5, ctx.out);
    ImGui::TableNextColumn();
    edit_integer("##i", *r, field::risk::impact, r->impact, 1, 5, ctx.out);
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, level_color(risk_level(*r), ctx.theme));
    char score[48];
    std::snprintf(score, sizeof score, "%d %s", risk_score(*r), risk_level_name(risk_level(*r)));
    fitted_text(score);
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    edit_text("##owner", *r, field::risk::owner, r->owner, ctx.out, "owner");
    ImGui::TableNextColumn();
    const bool overdue = review_overdue(*r, ctx.today);
    if (overdue) ImGui::PushStyleColor(ImGuiCol_Text, bad_color(ctx.theme));
    edit_date("##review", *r, field::risk::next_review, r->next_review, ctx.out, -FLT_MIN);
    if (overdue) ImGui::PopStyleColor();
    if (overdue && ImGui::IsItemHovered()) ImGui::SetTooltip("Review overdue");
    edit_review_cadence(ctx, *r);
    ImGui::TableNextColumn();
    history_button(ctx, r->id);
    ImGui::SameLine();
    remove_button(r->id, "risk", ctx.out);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void refresh(const ViewContext& ctx, RisksState& state) {
  if (state.cached_project == ctx.nav.project && state.cached_revision == ctx.revision && state.cached_today == ctx.today)
    return;
  state.cached_project = ctx.nav.project;
  state.cached_revision = ctx.revision;
  state.cached_today = ctx.today;
  std::vector<const Risk*> risks;
  for (const Id id : ctx.ws.children_of(ctx.nav.project))
    if (const Risk* r = ctx.ws.find<Risk>(id)) risks.push_back(r);
  std::sort(risks.begin(), risks.end(), [](const Risk* a, const Risk* b) {
    return risk_score(*a) != risk_score(*b) ? risk_score(*a) > risk_score(*b) : a->id < b->id;
  });
  state.risks.clear();
  for (const Risk* r : risks) state.risks.push_back(r->id);
  IdSource scratch{0};  // only counted here; the ids of the tasks are drawn on click
  state.due_reviews = recurring_review_tasks(ctx.ws, ctx.nav.project, ctx.today, scratch).ops.size();
}

}  // namespace

void draw_risks(ViewContext& ctx, RisksState& state) {
  refresh(ctx, state);
  std::vector<const Risk*> risks;
  for (const Id id : state.risks)
    if (const Risk* r = ctx.ws.find<Risk>(id)) risks.push_back(r);
  if (ImGui::SmallButton("+ Risk"))
    ctx.out.push(create_item<Risk>(
        ctx.ids, ctx.nav.project,
        {{field::risk::title, std::string("New risk")}, {field::risk::next_review, Date{ctx.today.days + 28}}},
        "Add risk"));
  ImGui::SameLine();
  const std::size_t due = state.due_reviews;
  ImGui::BeginDisabled(due == 0);
  if (ImGui::SmallButton("Create due review tasks"))
    ctx.out.push(recurring_review_tasks(ctx.ws, ctx.nav.project, ctx.today, ctx.ids));
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(due == 0 ? "No review is due in the next 7 days without a task" : "Creates a task for each review due within 7 days");
  int overdue = 0;
  for (const Risk* r : risks) overdue += review_overdue(*r, ctx.today) ? 1 : 0;
  if (overdue > 0) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, bad_color(ctx.theme));
    ImGui::Text("%d review%s overdue", overdue, overdue == 1 ? "" : "s");
    ImGui::PopStyleColor();
  }
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::BeginGroup();
  draw_heat_map(ctx, state, risks);
  ImGui::EndGroup();
  // The register needs about 55 em: beside the map when the window has
  // room for both, else below it at full width.
  if (width - ImGui::GetItemRectSize().x >= 55 * ImGui::GetFontSize()) ImGui::SameLine();
  ImGui::BeginGroup();
  draw_register(ctx, state, risks);
  ImGui::EndGroup();
}

}  // namespace cairn::ui
