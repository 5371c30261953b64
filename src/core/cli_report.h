#pragma once
// `cairn report FILE.json [--format md] [--audience executive|team]
//                         [--project ID] [--date YYYY-MM-DD]`:
// the status report of every project in a Cairn export (or of one), as
// CommonMark Markdown on stdout. run_cli (core/cli.h) hands it the
// arguments; docs/cli.md documents it.
#include <span>
#include <string_view>

#include "core/cli.h"

namespace cairn {

// `args` start with "report". Exit codes as every command's (core/cli.h).
CliResult run_report_cli(std::span<const std::string_view> args, const ReadTextFile& read, Date today);

}  // namespace cairn
