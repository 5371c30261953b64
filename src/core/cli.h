#pragma once
// The desktop binary's headless commands, for teams that keep a plan in git
// and check it in their own CI:
//
//   cairn schedule FILE.json [--json] [--start YYYY-MM-DD] [--iterations N] [--seed N]
//   cairn validate FILE.json [--json]
//   cairn report FILE.json [--format md] [--audience executive|team] [--project ID] [--date YYYY-MM-DD]
//   cairn export FILE.json [--to json|csv|ics|md] [--project ID] [--out PATH]
//
// Pure: the caller hands in a way to read files and today's date, and
// prints what comes back. docs/cli.md documents the output and exit codes.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/time.h"

namespace cairn {

inline constexpr int kExitOk = 0;          // done; validate: no problem found
inline constexpr int kExitProblems = 1;    // the file has problems (listed); schedule still printed when possible
inline constexpr int kExitUsage = 2;       // unknown command or option
inline constexpr int kExitUnreadable = 3;  // the file could not be read (missing, unreadable, too large)

struct CliResult {
  int exit_code = kExitOk;
  std::string out;  // for stdout
  std::string err;  // for stderr
};

// Reads a whole file into `text`; false with a reason in `error`.
using ReadTextFile = std::function<bool(std::string_view path, std::string& text, std::string& error)>;
// Writes `text` to a file (export --out); false with a reason in `error`.
using WriteTextFile = std::function<bool(std::string_view path, const std::string& text, std::string& error)>;

// True when the first argument names a headless command.
bool is_cli_command(std::string_view first_argument);

std::string_view cli_usage();

// `args` are the arguments after the program name, starting with the command.
// `now` (export time) defaults to the start of `today`; without `write`,
// export --out fails.
CliResult run_cli(std::span<const std::string_view> args, const ReadTextFile& read, Date today,
                  std::optional<Timestamp> now = std::nullopt, const WriteTextFile& write = {});

}  // namespace cairn
