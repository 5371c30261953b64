#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cairn {

// Command-line options shared by the desktop binary and the web build (the
// page passes `--theme` from the browser's colour-scheme preference).
struct LaunchOptions {
  bool dark_theme = false;
  bool theme_given = false;
  int exit_after_frames = 0;  // 0 = run until the user quits
  int exit_after_ms = 0;      // 0 = no time limit
  bool show_help = false;
  bool show_version = false;
  std::string error;          // set when an argument is not understood
};

LaunchOptions parse_launch_options(const std::vector<std::string_view>& args);

// The text printed for --help.
std::string_view launch_usage();

}  // namespace cairn
