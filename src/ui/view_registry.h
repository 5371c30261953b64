#pragma once
#include <span>
#include <string>

#include "ui/file_to_save.h"
#include "ui/view_context.h"

namespace cairn::ui {

struct ViewStates;  // ui/project_view.h

// Where a view sits in the sidebar: the planning views first, then, under a
// heading, the communication views.
enum class ViewSection { planning, communication };
const char* section_title(ViewSection section);  // "Planning", "Communication"

// One view of a project. The sidebar, the digit keys, the command palette,
// the shortcut help, the automation state and the App's downloads all read
// this table: a view added here is wired everywhere.
struct ViewDef {
  View id;
  const char* title;  // sidebar, palette ("Go to …"), automation state
  int digit_key;      // 1-9 opens it; 0: reached through the sidebar and the palette
  ViewSection section;
  // The view reads items' histories (check-in times, what was done since
  // the last report): it waits for stored histories still being decoded.
  bool reads_histories;
  void (*draw)(ViewContext& ctx, ViewStates& states);
  // The file the view offers to save, or null when it offers none.
  FileToSave* (*download)(ViewStates& states);
};

// Every view, in sidebar order.
std::span<const ViewDef> view_registry();
const ViewDef& view_def(View view);
const char* view_title(View view);
// The view the digit key opens, or null.
const ViewDef* view_for_digit(int digit);
// The shortcut help's line for the digit keys: "Dashboard, Charter, …".
std::string digit_key_views();

}  // namespace cairn::ui
