// Frame times of every view at 10k tasks, CPU only: ImGui::NewFrame, the
// shell and the view (ui::draw_shell), ImGui::Render; no GPU, no backend.
// Built with the production libraries (cairn_ui, imgui). Writes
// bench/results/ui-frames.json and prints Markdown tables.
//
//   cairn_ui_bench [--tasks N] [--frames N] [--warmup N] [--only SCENE] [--out FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/estimate.h"
#include "core/gates.h"
#include "core/glyph_needs.h"
#include "core/health.h"
#include "core/risks.h"
#include "core/sprints.h"
#include "core/timeline_drag.h"
#include "core/timeline_input.h"
#include "planning_workspace.h"
#include "ui/backlog_view.h"
#include "ui/fonts.h"
#include "ui/task_summary.h"
#include "ui/view_registry.h"
#include "ui_harness.h"

using namespace cairn;
using namespace cairn::uitest;

namespace {

constexpr double kGoalMs = 2.0;

using Clock = std::chrono::steady_clock;
double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

struct Scene {
  std::string name;
  std::function<void(ui::ShellState&, const PlanningWorkspace&)> prepare;
  std::function<void(UiHarness&)> input;  // after the first frame, before the warm-up
};


struct SceneResult {
  std::string name;
  double median = 0, p90 = 0, max = 0, new_frame = 0, draw = 0, render = 0;
  UiHarness::DrawStats stats;
};

struct CallResult {
  std::string name, used_by;
  double median = 0;
};

// Median time of `f` over `runs` runs.
double time_call(const std::function<void()>& f, int runs) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    f();
    t.push_back(ms(Clock::now() - start));
  }
  return percentile(t, 0.5);
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int tasks = 10000, frames = 30, warmup = 5;
  std::string only, out_path = std::string(CAIRN_BENCH_RESULTS_DIR) + "/ui-frames.json";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--tasks" && has_value) tasks = std::atoi(argv[++i]);
    else if (a == "--frames" && has_value) frames = std::max(1, std::atoi(argv[++i]));
    else if (a == "--warmup" && has_value) warmup = std::max(0, std::atoi(argv[++i]));
    else if (a == "--only" && has_value) only = argv[++i];
    else if (a == "--out" && has_value) out_path = argv[++i];
    else {
      std::fprintf(stderr, "usage: %s [--tasks N] [--frames N] [--warmup N] [--only SCENE] [--out FILE]\n", argv[0]);
      return 2;
    }
  }
#ifndef NDEBUG
  std::fprintf(stderr, "warning: not an optimised build (NDEBUG unset): use the native-release preset\n");
#endif

  const auto build_start = Clock::now();
  const PlanningWorkspace p = make_planning_workspace(tasks);
  const double build_ms = ms(Clock::now() - build_start);
  std::fprintf(stderr, "workspace: %d tasks, %zu items, built in %.0f ms\n", tasks, p.workspace.size(), build_ms);

  std::vector<Scene> scenes;
  auto add = [&scenes](std::string name, std::function<void(ui::ShellState&, const PlanningWorkspace&)> prepare,
                       std::function<void(UiHarness&)> input = {}) {
    scenes.push_back(Scene{std::move(name), std::move(prepare), std::move(input)});
  };
  add("Home", [](ui::ShellState& s, const PlanningWorkspace&) { s.nav.project = Id{}; });
  for (const ui::ViewDef& def : ui::view_registry())
    add(def.title, [view = def.id](ui::ShellState& s, const PlanningWorkspace& w) {
                        s.nav.project = w.project;
                        s.nav.view = view;
                      });
  add("Board by stage", [](ui::ShellState& s, const PlanningWorkspace& w) {
                      s.nav.project = w.project;
                      s.nav.view = ui::View::board;
                      s.views.board.by_stage = true;
                    });
  add("Backlog sorted by estimate",
                    [](ui::ShellState& s, const PlanningWorkspace& w) {
                      s.nav.project = w.project;
                      s.nav.view = ui::View::backlog;
                    },
                    [](UiHarness& ui) {
                      ui.click_table_header("Estimate (buffered)");
                      if (ui.state().views.backlog.sort_column != 4) std::fprintf(stderr, "warning: backlog not sorted by estimate\n");
                    });
  add("Backlog filtered by text", [](ui::ShellState& s, const PlanningWorkspace& w) {
                      s.nav.project = w.project;
                      s.nav.view = ui::View::backlog;
                      s.views.backlog.filter.text = "vendor";
                    });
  add("Backlog + task editor", [](ui::ShellState& s, const PlanningWorkspace& w) {
                      s.nav.project = w.project;
                      s.nav.view = ui::View::backlog;
                      s.nav.open_task = w.rich_task;
                    });
  add("Sprints, planning open", [](ui::ShellState& s, const PlanningWorkspace& w) {
                      s.nav.project = w.project;
                      s.nav.view = ui::View::sprints;
                      // The first sprint on screen (the view sorts them by start).
                      std::optional<Date> first;
                      for (const auto& [id, sprint] : w.workspace.all<Sprint>())
                        if (sprint.parent == w.project && sprint.start && (!first || *sprint.start < *first)) {
                          first = sprint.start;
                          s.views.sprints.planning = id;
                        }
                    });

  std::vector<SceneResult> results;
  for (const Scene& scene : scenes) {
    if (!only.empty() && scene.name != only) continue;
    UiHarness ui(p.workspace);
    scene.prepare(ui.state(), p);
    ui.frame();
    if (scene.input) scene.input(ui);
    ui.frames(warmup);
    std::vector<double> total, new_frame, draw, render;
    for (int f = 0; f < frames; ++f) {
      ui.frame();
      const auto& t = ui.last_times();
      total.push_back(t.frame());
      new_frame.push_back(t.new_frame);
      draw.push_back(t.draw);
      render.push_back(t.render);
    }
    SceneResult r;
    r.name = scene.name;
    r.median = percentile(total, 0.5);
    r.p90 = percentile(total, 0.9);
    r.max = percentile(total, 1.0);
    r.new_frame = percentile(new_frame, 0.5);
    r.draw = percentile(draw, 0.5);
    r.render = percentile(render, 0.5);
    r.stats = ui.last_draw_stats();
    if (ui.commands_run() || !ui.refused_commands().empty())
      std::fprintf(stderr, "note: %s pushed %zu commands without input\n", scene.name.c_str(), ui.commands_run());
    results.push_back(r);
    std::fprintf(stderr, "%-24s %8.3f ms\n", r.name.c_str(), r.median);
  }

  // What the views compute from the model every frame, timed alone: where a
  // slow view's time goes besides ImGui itself.
  std::vector<CallResult> calls;
  if (only.empty()) {
    const Workspace& ws = p.workspace;
    const Project& project = *ws.find<Project>(p.project);
    const Date today = test_today();
    std::vector<const Task*> all;
    for (const Id id : ws.children_of(p.project))
      if (const Task* t = ws.find<Task>(id)) all.push_back(t);
    const int runs = 15;
    calls.push_back({"children_of(project) + find<Task> for every task", "board, backlog, dashboard, sprints", time_call([&] {
                       std::size_t n = 0;
                       for (const Id id : ws.children_of(p.project)) n += ws.find<Task>(id) ? 1 : 0;
                       if (n == 0) std::abort();
                     }, runs)});
    calls.push_back({"sort tasks by order (board columns)", "board", time_call([&] {
                       std::vector<const Task*> v = all;
                       std::sort(v.begin(), v.end(), [](const Task* a, const Task* b) {
                         return a->order != b->order ? a->order < b->order : a->id < b->id;
                       });
                     }, runs)});
    calls.push_back({"task_matches for every task (empty filter)", "backlog", time_call([&] {
                       ui::BacklogFilter f;
                       std::size_t n = 0;
                       for (const Task* t : all) n += ui::task_matches(ws, *t, f) ? 1 : 0;
                       if (n == 0) std::abort();
                     }, runs)});
    calls.push_back({"stable_sort tasks by title", "backlog", time_call([&] {
                       std::vector<const Task*> v = all;
                       std::stable_sort(v.begin(), v.end(), [](const Task* a, const Task* b) {
                         return a->title != b->title ? a->title < b->title : a->id < b->id;
                       });
                     }, runs)});
    calls.push_back({"estimate_of for every task", "dashboard", time_call([&] {
                       double sum = 0;
                       for (const Task* t : all) sum += estimate_of(project, *t).buffered_days.value_or(0);
                       if (sum < 0) std::abort();
                     }, runs)});
    calls.push_back({"summarize_task for 30 tasks (one screen of cards/rows)", "board, backlog", time_call([&] {
                       for (std::size_t i = 0; i < 30; ++i) (void)ui::summarize_task(ws, project, *all[i]);
                     }, runs)});
    calls.push_back({"project_health", "dashboard", time_call([&] { (void)project_health(ws, p.project, today); }, runs)});
    calls.push_back({"gates_of", "dashboard, gates", time_call([&] { (void)gates_of(ws, p.project, today); }, runs)});
    calls.push_back({"GlyphNeeds::scan_workspace (once on load, not per frame)", "fonts", time_call([&] {
                       GlyphNeeds needs(ui::embedded_glyph_ranges());
                       (void)needs.scan_workspace(ws);
                     }, 5)});
    calls.push_back({"recurring_review_tasks", "risks", time_call([&] {
                       IdSource ids(1);
                       (void)recurring_review_tasks(ws, p.project, today, ids);
                     }, runs)});
    calls.push_back({"timeline rebuild: schedule, layout, links (once per change, not per frame)", "timeline", time_call([&] {
                       const ProjectPlan plan = schedule_input_from(ws, p.project, CalendarOptions{today, {}});
                       const Schedule schedule = compute_schedule(plan.input);
                       const auto items = timeline_tasks_from(ws, p.project);
                       const TimelineLayout layout = layout_timeline(items, schedule, TimelineGrouping::order);
                       const TimelineLinks links = timeline_links(plan.input, layout);
                       if (links.bar_at.size() != plan.input.tasks.size()) std::abort();
                     }, 5)});
    calls.push_back({"sprint_load for every sprint", "sprints", time_call([&] {
                       for (const Id id : ws.children_of(p.project))
                         if (ws.find<Sprint>(id)) (void)sprint_load(ws, id);
                     }, runs)});
  }

  // Markdown.
  std::printf("\n### UI frame time per view, %d tasks (%d frames after %d warm-up, CPU only)\n\n", tasks, frames, warmup);
  std::printf("| view | median ms | p90 ms | max ms | NewFrame | draw_shell | Render | vertices | windows | < %.0f ms |\n",
              kGoalMs);
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
  for (const SceneResult& r : results)
    std::printf("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d | %d | %s |\n", r.name.c_str(), r.median, r.p90, r.max,
                r.new_frame, r.draw, r.render, r.stats.vertices, r.stats.windows, r.median < kGoalMs ? "yes" : "**no**");
  if (!calls.empty()) {
    std::printf("\n### Model work the views do every frame, timed alone (median of 15)\n\n");
    std::printf("| call | used by | ms |\n| --- | --- | ---: |\n");
    for (const CallResult& c : calls) std::printf("| %s | %s | %.3f |\n", c.name.c_str(), c.used_by.c_str(), c.median);
  }

  // JSON (bench/results/ is not in git: made on first use).
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(out_path).parent_path(), ignored);
  if (FILE* f = std::fopen(out_path.c_str(), "w")) {
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    std::fprintf(f, "{\n  \"benchmark\": \"ui-frames\",\n  \"measured_at\": \"%s\",\n", stamp);
    std::fprintf(f, "  \"what\": \"ImGui::NewFrame + ui::draw_shell + ImGui::Render, CPU only, no GPU or backend\",\n");
#ifdef NDEBUG
    std::fprintf(f, "  \"optimised\": true,\n");
#else
    std::fprintf(f, "  \"optimised\": false,\n");
#endif
    std::fprintf(f, "  \"compiler\": \"%s\",\n", json_escape(__VERSION__).c_str());
    std::fprintf(f, "  \"tasks\": %d,\n  \"items\": %zu,\n  \"frames\": %d,\n  \"warmup\": %d,\n", tasks, p.workspace.size(),
                 frames, warmup);
    std::fprintf(f, "  \"display\": [1280, 800],\n  \"font_pixels\": 16,\n  \"goal_ms\": %.1f,\n", kGoalMs);
    std::fprintf(f, "  \"workspace_build_ms\": %.1f,\n  \"views\": [\n", build_ms);
    for (std::size_t i = 0; i < results.size(); ++i) {
      const SceneResult& r = results[i];
      std::fprintf(f,
                   "    {\"view\": \"%s\", \"median_ms\": %.4f, \"p90_ms\": %.4f, \"max_ms\": %.4f, \"new_frame_ms\": %.4f, "
                   "\"draw_ms\": %.4f, \"render_ms\": %.4f, \"vertices\": %d, \"indices\": %d, \"draw_lists\": %d, "
                   "\"windows\": %d, \"meets_goal\": %s}%s\n",
                   json_escape(r.name).c_str(), r.median, r.p90, r.max, r.new_frame, r.draw, r.render, r.stats.vertices,
                   r.stats.indices, r.stats.lists, r.stats.windows, r.median < kGoalMs ? "true" : "false",
                   i + 1 < results.size() ? "," : "");
    }
    std::fprintf(f, "  ],\n  \"model_calls\": [\n");
    for (std::size_t i = 0; i < calls.size(); ++i)
      std::fprintf(f, "    {\"call\": \"%s\", \"used_by\": \"%s\", \"median_ms\": %.4f}%s\n", json_escape(calls[i].name).c_str(),
                   json_escape(calls[i].used_by).c_str(), calls[i].median, i + 1 < calls.size() ? "," : "");
    std::fprintf(f, "  ]\n}\n");
    std::fclose(f);
    std::fprintf(stderr, "written: %s\n", out_path.c_str());
  } else {
    std::fprintf(stderr, "cannot write %s\n", out_path.c_str());
    return 1;
  }
  return 0;
}
