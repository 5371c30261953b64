#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/display_time.h"
#include "core/id.h"
#include "core/time.h"
#include "core/time_zone.h"
#include "core/workspace.h"
#include "ui/commands_out.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace cairn::ui {

class BarRenderer;     // ui/bar_renderer.h
struct ForecastRunner;  // ui/forecast_runner.h

// The views of one project. What each is (title, key, section, how it is
// drawn) is in ui/view_registry.h, in this order.
enum class View { dashboard, charter, board, backlog, sprints, gates, risks, experiments, timeline,
                  report, checkins, postmortems, decisions };

// Where the user is: the home screen (no project) or a view of one project,
// with an optional task open in the task editor. Kept between frames.
struct Navigation {
  Id project;  // nil: home
  View view = View::dashboard;
  Id open_task;  // the task editor shows it; nil: closed
  bool show_archived = false;  // home lists the archived projects instead
};

// What every view receives. Views read the workspace and describe changes
// in `out`; they never change the model themselves.
struct ViewContext {
  const Workspace& ws;
  IdSource& ids;
  CommandSink& out;
  Navigation& nav;
  Theme theme;
  const Fonts& fonts;
  Date today;
  std::string& open_url;  // set to open a link in a new browser tab / the system browser
  std::uint64_t revision = 0;  // grows with every change of the workspace: views cache by it
  bool* busy = nullptr;        // a view sets *busy to get another frame soon (work spread over frames)
  bool* wants_histories = nullptr;  // set by histories_ready(): the App decodes the pending ones
  int first_weekday = 0;        // 0 = Monday ... 6 = Sunday: where weeks start (a preference)
  BarRenderer* bars = nullptr;  // the GPU draws the timeline's bars; null: ImDrawList does (headless tests)
  ForecastRunner* forecast = nullptr;  // the open project's Monte Carlo forecast (gates, timeline)
  Timestamp now{};                     // this frame's time (UTC): check-in deadlines passed or not
  const TimeZones* zones = nullptr;    // UTC offsets of IANA zones; null: only UTC is known
  std::string_view display_zone{};     // times are shown in it ("": UTC), a preference
};

// Stored histories may still be decoding after a load (between frames).
// True when all are there; otherwise asks the App for them (they are there
// from the next frame on) and the caller draws without them this frame.
inline bool histories_ready(ViewContext& ctx) {
  if (!ctx.ws.histories_pending()) return true;
  if (ctx.wants_histories) *ctx.wants_histories = true;
  return false;
}

// An instant as the reader asked to see it: "2026-11-28 03:30 UTC+09:00".
inline std::string shown_time(const ViewContext& ctx, Timestamp t) {
  static const TimeZones utc_only;
  return format_shown_time(t, ctx.display_zone, ctx.zones ? *ctx.zones : utc_only);
}

}  // namespace cairn::ui
