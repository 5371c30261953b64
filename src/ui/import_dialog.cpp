#include "ui/import_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "ui/widgets.h"

namespace cairn::ui {
namespace {

constexpr const char* kPopup = "Import tasks##foreign";

std::string days_text(const std::optional<double>& days) {
  if (!days) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g d", *days);
  return buf;
}

std::string joined(const std::vector<std::string>& parts, std::size_t most = 6) {
  std::string out;
  for (std::size_t i = 0; i < parts.size() && i < most; ++i) out += (i ? ", " : "") + parts[i];
  if (parts.size() > most) out += ", \xE2\x80\xA6";
  return out;
}

// The combo of one Cairn field: "(none)" or a column of the file. A name
// that repeats (Jira's "Labels") is listed once; list fields read every copy.
bool column_combo(const char* label, int& column, const std::vector<std::string>& header) {
  const auto count_of = [&](int c) {
    return static_cast<int>(std::count(header.begin(), header.end(), header[static_cast<std::size_t>(c)]));
  };
  const auto shown = [&](int c) {
    if (c < 0) return std::string("(none)");
    const int n = count_of(c);
    return header[static_cast<std::size_t>(c)] + (n > 1 ? " \xC3\x97" + std::to_string(n) : "");
  };
  bool changed = false;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo(label, shown(column).c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable("(none)", column < 0)) {
      column = -1;
      changed = true;
    }
    for (int c = 0; c < static_cast<int>(header.size()); ++c) {
      const auto first = std::find(header.begin(), header.end(), header[static_cast<std::size_t>(c)]);
      if (first - header.begin() != c) continue;  // a repeated name: its first column stands for all
      ImGui::PushID(c);
      if (ImGui::Selectable(shown(c).c_str(), column == c)) {
        column = c;
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

void draw_mapping(ImportDialogState& s) {
  const auto& header = s.source.table.header;
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("mapping", 6, flags)) return;
  for (int k = 0; k < 3; ++k) {
    ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6.5f);
    ImGui::TableSetupColumn("column", ImGuiTableColumnFlags_WidthStretch);
  }
  for (std::size_t f = 0; f < kImportFieldCount; ++f) {
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    const std::string_view label = import_field_label(static_cast<ImportField>(f));
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::TableNextColumn();
    const std::string id = "##map_" + std::string(label);
    if (column_combo(id.c_str(), s.options.mapping.column[f], header)) s.stale = true;
  }
  ImGui::EndTable();
}

void draw_estimate_options(ImportDialogState& s) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Estimates are in");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  const std::string current(estimate_unit_label(s.options.estimate_unit));
  if (ImGui::BeginCombo("##unit", current.c_str())) {
    for (EstimateUnit u : {EstimateUnit::seconds, EstimateUnit::hours, EstimateUnit::days, EstimateUnit::points}) {
      const std::string name(estimate_unit_label(u));
      if (ImGui::Selectable(name.c_str(), u == s.options.estimate_unit)) {
        s.options.estimate_unit = u;
        s.stale = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (s.options.estimate_unit == EstimateUnit::seconds || s.options.estimate_unit == EstimateUnit::hours) {
    ImGui::TextUnformatted("with working days of");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    if (ImGui::InputDouble("hours##hpd", &s.options.hours_per_day, 0.0, 0.0, "%.1f")) {
      s.options.hours_per_day = std::clamp(s.options.hours_per_day, 1.0, 24.0);
      s.stale = true;
    }
  } else if (s.options.estimate_unit == EstimateUnit::points) {
    ImGui::TextUnformatted("worth");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    if (ImGui::InputDouble("days a point (0: keep points as a tag)##dpp", &s.options.days_per_point, 0.0, 0.0,
                           "%.2f")) {
      s.options.days_per_point = std::clamp(s.options.days_per_point, 0.0, 100.0);
      s.stale = true;
    }
  }
}

void draw_target(ImportDialogState& s, const Workspace& ws) {
  s.targets.clear();
  for (const auto& [id, p] : ws.all<Project>())
    if (!p.archived) s.targets.push_back(id);
  if (s.target > static_cast<int>(s.targets.size())) s.target = 0;
  const auto name_of = [&](int k) {
    return k == 0 ? std::string("New project") : ws.find<Project>(s.targets[static_cast<std::size_t>(k - 1)])->name;
  };
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Into");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (ImGui::BeginCombo("##target", name_of(s.target).c_str())) {
    for (int k = 0; k <= static_cast<int>(s.targets.size()); ++k) {
      ImGui::PushID(k);
      if (ImGui::Selectable(name_of(k).c_str(), k == s.target)) {
        s.target = k;
        s.stale = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  const Id wanted = s.target == 0 ? Id{} : s.targets[static_cast<std::size_t>(s.target - 1)];
  if (wanted != s.options.project) {
    s.options.project = wanted;
    s.stale = true;
  }
  if (s.target == 0) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::InputTextWithHint("##project_name", "name of the new project", &s.options.new_project_name))
      s.stale = true;
  }
}

void draw_preview(const ImportDialogState& s, float height) {
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                    ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("preview", 9, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
  ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Key", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Assignee", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Estimate", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn("Dates", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn("Tags", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Blocked by", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;  // 10k rows: only the visible ones are drawn
  clipper.Begin(static_cast<int>(s.plan.tasks.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const PreviewTask& t = s.plan.tasks[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%zu", t.line);
      ImGui::TableNextColumn();
      // The first line only: a row stays one line high, the clipper needs that.
      const std::string title = t.title.substr(0, t.title.find('\n'));
      ImGui::TextUnformatted(title.c_str());
      if (!t.description.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
        ImGui::SetTooltip("%.*s", 600, t.description.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(t.key.c_str());
      ImGui::TableNextColumn();
      const std::string status = enum_label(enum_name(t.status));
      if (!t.status_text.empty() && !status_from_name(t.status_text))
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1.0f), "%s (%s?)", status.c_str(), t.status_text.c_str());
      else
        ImGui::TextUnformatted(status.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(t.assignee.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(days_text(t.likely_days).c_str());
      ImGui::TableNextColumn();
      const std::string dates = (t.start ? format_date(*t.start) : std::string()) +
                                (t.start || t.due ? " \xE2\x86\x92 " : "") + (t.due ? format_date(*t.due) : "");
      ImGui::TextUnformatted(dates.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(joined(t.tags).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(joined(t.blocked_by, 3).c_str());
    }
  }
  ImGui::EndTable();
}

void draw_skipped(const ImportDialogState& s, float height) {
  ImGui::BeginChild("skipped", ImVec2(0, height), true);
  if (s.plan.skipped.empty()) ImGui::TextDisabled("Nothing is skipped.");
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(s.plan.skipped.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      ImGui::TextUnformatted(s.plan.skipped[static_cast<std::size_t>(i)].c_str());
  ImGui::EndChild();
}

std::string outcome(const ImportDialogState& s, const std::string& project) {
  const std::size_t n = s.plan.tasks.size();
  std::string body = "Imported " + std::to_string(n) + (n == 1 ? " task" : " tasks") + " from " +
                     s.source.file_name + " into \xE2\x80\x9C" + project + "\xE2\x80\x9D";
  if (!s.plan.new_people.empty()) body += ", with " + std::to_string(s.plan.new_people.size()) + " new people";
  if (s.plan.dependencies) body += " and " + std::to_string(s.plan.dependencies) + " dependencies";
  body += ". Undo with Ctrl+Z.";
  const std::size_t shown = std::min<std::size_t>(s.plan.skipped.size(), 8);
  for (std::size_t i = 0; i < shown; ++i) body += "\n\xE2\x80\xA2 " + s.plan.skipped[i];
  if (s.plan.skipped.size() > shown)
    body += "\n\xE2\x80\xA2 and " + std::to_string(s.plan.skipped.size() - shown) + " more skipped";
  return body;
}

}  // namespace

void draw_import_dialog(ImportDialogState& s, const Workspace& ws, IdSource& ids, CommandSink& out, Notice& notice,
                        Navigation& nav) {
  if (s.open_requested) {
    ImGui::OpenPopup(kPopup);
    s.open_requested = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.92f, viewport->WorkSize.y * 0.88f), ImGuiCond_Appearing);
  s.visible = ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoSavedSettings);
  if (!s.visible) return;
  if (s.stale) {
    s.plan = plan_foreign_import(s.source, s.options, ws, ids);
    s.stale = false;
  }

  ImGui::Text("%s: %s export, %zu rows, %zu columns", s.source.file_name.c_str(), tool_name(s.source.tool).data(),
              s.source.table.rows.size(), s.source.table.header.size());
  draw_target(s, ws);
  ImGui::SeparatorText("Columns");
  draw_mapping(s);
  draw_estimate_options(s);

  const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 3;
  if (s.plan.ok) {
    ImGui::SeparatorText("Preview");
    ImGui::Text("%zu tasks, %zu new people, %zu dependencies", s.plan.tasks.size(), s.plan.new_people.size(),
                s.plan.dependencies);
    // What is left between here and the buttons: the preview, then the
    // skipped list with at least four lines (it is what the user must read),
    // or one line saying nothing is skipped.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float rest = std::max(ImGui::GetContentRegionAvail().y - footer - line, line * 8);
    const float skipped_height = s.plan.skipped.empty() ? line + ImGui::GetStyle().WindowPadding.y * 2
                                                         : std::max(rest * 0.3f, line * 4.5f);
    draw_preview(s, rest - skipped_height);
    ImGui::Text("Skipped or changed (%zu)", s.plan.skipped.size());
    draw_skipped(s, skipped_height);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1.0f));
    ImGui::TextWrapped("Cannot import: %s.", s.plan.error.c_str());
    ImGui::PopStyleColor();
  }

  ImGui::Separator();
  ImGui::BeginDisabled(!s.plan.ok || s.plan.tasks.empty());
  const std::string button = "Import " + std::to_string(s.plan.tasks.size()) + " tasks";
  bool import = ImGui::Button(button.c_str());
  ImGui::EndDisabled();
  // Enter imports too, unless a text field has the keys.
  if (s.plan.ok && !s.plan.tasks.empty() && !ImGui::IsAnyItemActive() && ImGui::IsKeyPressed(ImGuiKey_Enter, false))
    import = true;
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
  if (import) {
    // Planned again against the workspace as it is now, so the command fits it.
    s.plan = plan_foreign_import(s.source, s.options, ws, ids);
    if (s.plan.ok) {
      Id project = s.options.project;
      if (project.nil())
        if (const auto* create = std::get_if<CreateItem>(&s.plan.command.ops.front())) project = create->id;
      const std::string name = s.options.project.nil() ? s.options.new_project_name
                                                       : ws.find<Project>(s.options.project)->name;
      s.plan.command.label = "Import " + s.source.file_name;
      notice.show("Imported", outcome(s, name), false);
      out.push(std::move(s.plan.command));
      out.seal = true;
      nav.project = project;
      nav.view = View::backlog;
      nav.open_task = Id{};
      s.plan = {};
      s.source = {};
      ImGui::CloseCurrentPopup();
    }
  } else if (cancel) {
    s.plan = {};
    s.source = {};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace cairn::ui
