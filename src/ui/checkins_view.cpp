#include "ui/checkins_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <string>

#include "core/checkins.h"
#include "ui/history_list.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

constexpr const char* kWeekdayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

const TimeZones& zones_of(const ViewContext& ctx) {
  static const TimeZones utc_only;
  return ctx.zones ? *ctx.zones : utc_only;
}

ImVec4 status_color(CheckInStatus status, Theme theme) {
  switch (status) {
    case CheckInStatus::checked_in: return good_color(theme);
    case CheckInStatus::late: return warning_color(theme);
    case CheckInStatus::missing: return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    case CheckInStatus::overdue: return bad_color(theme);
  }
  return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

void draw_week_selector(ViewContext& ctx, CheckinsState& state, Date week) {
  const Date this_week = week_of(ctx.today);
  if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) state.week = Date{week.days - 7};
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous week");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(ctx.fonts.strong);
  ImGui::Text("Week of Monday %s", format_date(week).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) state.week = Date{week.days + 7};
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next week");
  ImGui::SameLine();
  ImGui::BeginDisabled(week == this_week);
  if (ImGui::SmallButton("This week")) state.week.reset();
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (week < this_week) muted_text(ctx.theme, "(a past week)");
  else if (this_week < week) muted_text(ctx.theme, "(a week ahead)");
}

void draw_deadline_setting(ViewContext& ctx, const Project& project) {
  const float em = ImGui::GetFontSize();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Deadline every");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(7 * em);
  const int weekday = static_cast<int>(project.checkin_weekday);
  if (ImGui::BeginCombo("##weekday", kWeekdayNames[weekday % 7])) {
    for (int d = 0; d < 7; ++d)
      if (ImGui::Selectable(kWeekdayNames[d], d == weekday) && d != weekday)
        ctx.out.push(set_field(project, field::project::checkin_weekday, std::int64_t{d}, "Change check-in day"));
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("at");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(5 * em);
  char hour[16];
  std::snprintf(hour, sizeof hour, "%02d:00", static_cast<int>(project.checkin_hour_utc));
  if (ImGui::BeginCombo("##hour", hour)) {
    for (int h = 0; h < 24; ++h) {
      std::snprintf(hour, sizeof hour, "%02d:00", h);
      if (ImGui::Selectable(hour, h == project.checkin_hour_utc) && h != project.checkin_hour_utc)
        ctx.out.push(set_field(project, field::project::checkin_hour_utc, std::int64_t{h}, "Change check-in hour"));
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("UTC");
}

// One of done / next / blockers. Typing into a person's first check-in of
// the week creates it; the create and the keystrokes that follow share one
// coalescing key, so the whole check-in is one undo step.
void edit_checkin_text(ViewContext& ctx, const char* label, FieldName<CheckIn> which, const std::string& value,
                       Id person, Date week, const CheckIn* checkin) {
  std::string text = value;
  ImGui::TextUnformatted(label);
  const std::string id = std::string("##") + label;
  const bool changed = ImGui::InputTextMultiline(
      id.c_str(), &text, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4 + ImGui::GetStyle().FramePadding.y * 2));
  if (changed) {
    const std::string key = "checkin/" + person.to_string() + "/" + format_date(week) + "/" + std::string(which);
    if (checkin)
      ctx.out.push(set_field(*checkin, which, text, "Edit check-in"), key);
    else
      ctx.out.push(create_item<CheckIn>(
                       ctx.ids, ctx.nav.project,
                       {{field::check_in::person, person}, {field::check_in::week, week}, {which, text}}, "Check in"),
                   key);
  }
  if (ImGui::IsItemDeactivated()) ctx.out.seal = true;
}

void draw_editor(ViewContext& ctx, const CheckInRow& row, Date week) {
  ImGui::Spacing();
  section_heading(("Check-in of " + (row.person->name.empty() ? std::string("(unnamed)") : row.person->name)).c_str());
  if (row.written_at) {
    ImGui::SameLine();
    muted_text(ctx.theme, ("written " + format_deadline(*row.written_at, zones_of(ctx), row.person->time_zone)).c_str());
  }
  if (row.checkin) {
    ImGui::SameLine();
    history_button(ctx, row.checkin->id);
  }
  ImGui::PushID(row.person);
  const CheckIn* c = row.checkin;
  edit_checkin_text(ctx, "Done", field::check_in::done, c ? c->done : std::string(), row.person->id, week, c);
  edit_checkin_text(ctx, "Next", field::check_in::next, c ? c->next : std::string(), row.person->id, week, c);
  edit_checkin_text(ctx, "Blockers", field::check_in::blockers, c ? c->blockers : std::string(), row.person->id, week,
                    c);
  ImGui::PopID();
}

}  // namespace

void draw_checkins(ViewContext& ctx, CheckinsState& state) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  const Date week = state.week ? week_of(*state.week) : week_of(ctx.today);
  draw_week_selector(ctx, state, week);
  draw_deadline_setting(ctx, *project);

  const std::vector<CheckInRow> rows = week_checkins(ctx.ws, project->id, week, ctx.now);
  state.shown.clear();
  if (rows.empty()) {
    muted_text(ctx.theme, "No people in this project yet: add them in the charter (key 2), each with a time zone.");
    return;
  }
  int in = 0;
  for (const CheckInRow& r : rows) in += (r.status == CheckInStatus::checked_in || r.status == CheckInStatus::late) ? 1 : 0;
  const Timestamp deadline = checkin_deadline(*project, week);
  ImGui::Text("%d of %d checked in \xC2\xB7 deadline %s", in, static_cast<int>(rows.size()),
              format_utc_day_time(deadline).c_str());

  const CheckInRow* chosen = &rows.front();
  for (const CheckInRow& r : rows)
    if (r.person->id == state.person) chosen = &r;

  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (ImGui::BeginTable("people", 5, kFlags)) {
    ImGui::TableSetupColumn("Person", 0, 1.4f);
    ImGui::TableSetupColumn("Time zone", 0, 1.6f);
    // The deadline in two zones is the widest text; a long one is cut (the
    // whole shows on hover) and the check-in shows only its first line.
    ImGui::TableSetupColumn("Deadline", 0, 3.8f);
    ImGui::TableSetupColumn("Status", 0, 1.2f);
    ImGui::TableSetupColumn("Check-in", 0, 1.8f);
    ImGui::TableHeadersRow();
    for (const CheckInRow& r : rows) {
      ImGui::PushID(r.person);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string name = r.person->name.empty() ? "(unnamed)" : r.person->name;
      ImGui::AlignTextToFramePadding();  // on the line of the zone field beside it
      if (ImGui::Selectable(name.c_str(), chosen == &r, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
        state.person = r.person->id;
      ImGui::TableNextColumn();
      const bool known = zones_of(ctx).offset(r.person->time_zone, deadline).has_value();
      if (!known) ImGui::PushStyleColor(ImGuiCol_Text, bad_color(ctx.theme));
      edit_text("##zone", *r.person, field::person::time_zone, r.person->time_zone, ctx.out, "Europe/Berlin");
      if (!known) ImGui::PopStyleColor();
      if (!known && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", zones_of(ctx).problem(r.person->time_zone).c_str());
      ImGui::TableNextColumn();
      const std::string deadline_text = format_deadline(deadline, zones_of(ctx), r.person->time_zone);
      fitted_text(deadline_text);
      state.shown.push_back({name, r.person->time_zone, deadline_text, checkin_status_name(r.status)});
      ImGui::TableNextColumn();
      // A button: a click opens that person's check-in in the editor below.
      ImGui::PushStyleColor(ImGuiCol_Text, status_color(r.status, ctx.theme));
      ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
      if (ImGui::SmallButton((std::string(checkin_status_name(r.status)) + "##status").c_str())) state.person = r.person->id;
      ImGui::PopStyleColor(2);
      ImGui::TableNextColumn();
      if (r.checkin && !r.checkin->done.empty()) {
        const std::string& done = r.checkin->done;
        fitted_text(std::string_view(done).substr(0, done.find('\n')));
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  draw_editor(ctx, *chosen, week);
}

}  // namespace cairn::ui
