// Desktop main loop: blocks in SDL_WaitEventTimeout while idle (0 % CPU).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <SDL.h>

#include "app/app.h"
#include "core/build_info.h"
#include "core/cli.h"
#include "core/json_io.h"
#include "core/launch_options.h"
#include "platform/runner.h"
#include "store/file_store.h"
#include "store/text_file.h"
#include "store/zoneinfo_files.h"

namespace {
// Upper bound on one blocking wait: nothing depends on it, it only keeps
// the loop from sleeping past an exit deadline set by a test flag.
constexpr int kMaxWaitMs = 1000;

// Where export paths start: the home folder, else the working folder.
std::string default_export_folder() {
  if (const char* home = std::getenv("HOME"); home && *home) return home;
  return std::filesystem::current_path().string();
}

// This computer's preferences: $XDG_CONFIG_HOME/cairn (else ~/.config/cairn).
std::filesystem::path preferences_file() {
  namespace fs = std::filesystem;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "cairn/preferences.json";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config/cairn/preferences.json";
  return fs::current_path() / "cairn-data/preferences.json";
}

cairn::Preferences load_preferences() {
  const auto path = preferences_file();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  const cairn::store::TextFile file = cairn::store::read_text_file(path, 64 * 1024);
  if (!file.ok) {
    std::fprintf(stderr, "cairn: %s; default preferences used\n", file.error.c_str());
    return {};
  }
  std::vector<std::string> problems;
  const cairn::Preferences preferences = cairn::preferences_from_json(file.text, &problems);
  for (const std::string& problem : problems) std::fprintf(stderr, "cairn: %s: %s\n", path.c_str(), problem.c_str());
  return preferences;
}

void save_preferences(const std::string& json) {
  const auto path = preferences_file();
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (const std::string error = cairn::store::write_text_file(path, json); !error.empty())
    std::fprintf(stderr, "cairn: the preferences were not saved: %s\n", error.c_str());
}

// `cairn schedule|validate FILE.json ...`: headless, no window (core/cli.h).
int run_headless(const std::vector<std::string_view>& args) {
  const auto read = [](std::string_view path, std::string& text, std::string& error) {
    const cairn::store::TextFile file = cairn::store::read_text_file(std::filesystem::path(path), cairn::kMaxJsonBytes);
    if (!file.ok) {
      error = file.error;
      return false;
    }
    text = file.text;
    return true;
  };
  const auto write = [](std::string_view path, const std::string& text, std::string& error) {
    error = cairn::store::write_text_file(std::filesystem::path(path), text);
    return error.empty();
  };
  const auto clock = std::chrono::system_clock::now();
  const auto days = std::chrono::floor<std::chrono::days>(clock).time_since_epoch().count();
  const auto ms = std::chrono::floor<std::chrono::milliseconds>(clock).time_since_epoch().count();
  const cairn::CliResult result = cairn::run_cli(args, read, cairn::Date{static_cast<std::int32_t>(days)},
                                                 cairn::Timestamp{static_cast<std::int64_t>(ms)}, write);
  std::fwrite(result.out.data(), 1, result.out.size(), stdout);
  std::fwrite(result.err.data(), 1, result.err.size(), stderr);
  return result.exit_code;
}

// The fallback fonts for characters beyond the embedded Latin subset (set by
// the build: Inter in full, then Droid Sans Fallback for Chinese and
// Japanese), read when the workspace first needs one.
void read_fallback_fonts(cairn::Runner& runner) {
  constexpr std::size_t kMaxFontBytes = 32 * 1024 * 1024;
  std::vector<std::vector<unsigned char>> files;
  std::string errors;
  for (const char* path : {CAIRN_FALLBACK_FONT_LATIN, CAIRN_FALLBACK_FONT_CJK}) {
    const cairn::store::TextFile file = cairn::store::read_text_file(path, kMaxFontBytes);
    if (!file.ok) errors += (errors.empty() ? "" : "; ") + file.error;
    files.emplace_back(file.text.begin(), file.text.end());
  }
  runner.fallback_fonts_arrived(std::move(files), errors);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cairn;
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (!args.empty() && is_cli_command(args[0])) return run_headless(args);
  const LaunchOptions launch = parse_launch_options(args);
  if (!launch.error.empty()) {
    std::fprintf(stderr, "cairn: %s\n%.*s", launch.error.c_str(), static_cast<int>(launch_usage().size()),
                 launch_usage().data());
    return 2;
  }
  if (launch.show_help) {
    std::printf("%.*s", static_cast<int>(launch_usage().size()), launch_usage().data());
    return 0;
  }
  if (launch.show_version) {
    std::printf("cairn %.*s\n", static_cast<int>(version().size()), version().data());
    return 0;
  }

  App app({.theme = launch.dark_theme ? ui::Theme::Dark : ui::Theme::Light,
           .platform = "desktop",
           .can_quit = true,
           .storage = std::make_unique<store::FileStore>(store::default_data_folder()),
           .read_only_reason = {},
           .author = "local",
           .download = {},  // the desktop asks for a path instead
           .pick_file = {},
           .open_url = [](const std::string& url) { SDL_OpenURL(url.c_str()); },
           .export_folder = default_export_folder(),
           .preferences = load_preferences(),
           .save_preferences = save_preferences,
           .theme_from_command_line = launch.theme_given,
           .time_zones = TimeZones::from_tzif([](std::string_view name) { return store::read_zoneinfo(name); }),
           .device_zone = store::local_zone_name(std::getenv("TZ"))});
  Runner runner(app);
  std::string error;
  RunnerOptions options;
  options.request_fallback_fonts = read_fallback_fonts;
  if (!runner.init(options, error)) {
    std::fprintf(stderr, "cairn: %s\n", error.c_str());
    return 1;
  }

  const double started = Runner::now();
  const double exit_at = launch.exit_after_ms > 0 ? started + launch.exit_after_ms / 1000.0 : FramePolicy::kNever;
  FramePolicy& policy = runner.frame_policy();
  while (!runner.quit_requested()) {
    const double now = Runner::now();
    if (now >= exit_at) break;
    const double wait = std::min(policy.seconds_until_due(now), exit_at - now);
    if (wait > 0) {
      runner.wait_events(static_cast<int>(std::min<double>(kMaxWaitMs, std::ceil(wait * 1000.0))));
    } else {
      runner.poll_events();
    }
    runner.draw_frame_if_due();
    if (launch.exit_after_frames > 0 && runner.frames_drawn() >= static_cast<std::uint64_t>(launch.exit_after_frames))
      break;
  }
  app.save_now(Runner::now());  // nothing unsaved is left behind on quit
  std::printf("cairn: drew %llu frames\n", static_cast<unsigned long long>(runner.frames_drawn()));
  std::printf("cairn: %zu projects, %zu items; %s\n", app.workspace().all<Project>().size(), app.workspace().size(),
              app.save_status().c_str());
  std::printf("cairn: %zu characters beyond the embedded font, %zu not drawable; fallback fonts %s\n",
              app.glyph_needs().needed().size(), app.font_status().missing, App::name_of(app.font_status().fallback));
  return 0;
}
