#include <doctest/doctest.h>

#include "core/launch_options.h"

using cairn::parse_launch_options;

TEST_CASE("no arguments: light theme, no limits") {
  const auto o = parse_launch_options({});
  CHECK(o.error.empty());
  CHECK_FALSE(o.dark_theme);
  CHECK(o.exit_after_frames == 0);
  CHECK(o.exit_after_ms == 0);
}

TEST_CASE("theme and test limits are parsed") {
  const auto o = parse_launch_options({"--theme", "dark", "--exit-after-frames", "12", "--exit-after-ms", "3000"});
  CHECK(o.error.empty());
  CHECK(o.dark_theme);
  CHECK(o.theme_given);
  CHECK(o.exit_after_frames == 12);
  CHECK(o.exit_after_ms == 3000);
}

TEST_CASE("bad arguments are explained") {
  CHECK(parse_launch_options({"--theme", "blue"}).error == "--theme takes light or dark, not 'blue'");
  CHECK(parse_launch_options({"--theme"}).error == "--theme needs a value");
  CHECK(parse_launch_options({"--exit-after-frames", "-3"}).error ==
        "--exit-after-frames takes a whole number, not '-3'");
  CHECK(parse_launch_options({"--exit-after-ms", "12x"}).error == "--exit-after-ms takes a whole number, not '12x'");
  CHECK(parse_launch_options({"--bogus"}).error == "unknown option '--bogus'");
}

TEST_CASE("help and version flags") {
  CHECK(parse_launch_options({"--help"}).show_help);
  CHECK(parse_launch_options({"-h"}).show_help);
  CHECK(parse_launch_options({"--version"}).show_version);
}
