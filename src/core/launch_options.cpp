#include "core/launch_options.h"

#include <charconv>

namespace cairn {
namespace {

bool parse_count(std::string_view text, int& out) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return false;
  out = value;
  return true;
}

}  // namespace

std::string_view launch_usage() {
  return "usage: cairn [options]\n"
         "  --theme light|dark     colour theme (default: light)\n"
         "  --exit-after-frames N  quit after drawing N frames (tests)\n"
         "  --exit-after-ms MS     quit after MS milliseconds (tests)\n"
         "  --version              print the version and exit\n"
         "  --help                 print this help and exit\n"
         "headless, no window:\n"
         "  cairn schedule FILE.json [--json] [--start DATE] [--iterations N] [--seed N]\n"
         "  cairn validate FILE.json [--json]\n";
}

LaunchOptions parse_launch_options(const std::vector<std::string_view>& args) {
  LaunchOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    const bool takes_value = arg == "--theme" || arg == "--exit-after-frames" || arg == "--exit-after-ms";
    if (takes_value && i + 1 >= args.size()) {
      o.error = std::string(arg) + " needs a value";
      return o;
    }
    if (arg == "--help" || arg == "-h") {
      o.show_help = true;
    } else if (arg == "--version") {
      o.show_version = true;
    } else if (arg == "--theme") {
      const std::string_view value = args[++i];
      if (value != "light" && value != "dark") {
        o.error = "--theme takes light or dark, not '" + std::string(value) + "'";
        return o;
      }
      o.dark_theme = value == "dark";
      o.theme_given = true;
    } else if (arg == "--exit-after-frames" || arg == "--exit-after-ms") {
      int& target = arg == "--exit-after-frames" ? o.exit_after_frames : o.exit_after_ms;
      if (!parse_count(args[++i], target)) {
        o.error = std::string(arg) + " takes a whole number, not '" + std::string(args[i]) + "'";
        return o;
      }
    } else {
      o.error = "unknown option '" + std::string(arg) + "'";
      return o;
    }
  }
  return o;
}

}  // namespace cairn
