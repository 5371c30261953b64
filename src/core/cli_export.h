#pragma once
// `cairn export FILE.json [--to json|csv|ics|md] [--project ID] [--out PATH]`:
// a Cairn export turned into another format (core/export_formats.h), on
// stdout or into PATH. run_cli (core/cli.h) hands it the arguments;
// docs/cli.md documents it.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/cli.h"
#include "core/export_formats.h"

namespace cairn {

struct ExportOptions {
  std::string file;
  ExportFormat format = ExportFormat::json;
  std::string project;  // an id, or the start of one; "" for every project
  std::string out;      // "" for stdout
};

// Fills `options` from `args` (which start with "export"), or returns why
// they are wrong.
std::string parse_export_arguments(std::span<const std::string_view> args, ExportOptions& options);

// `now` is the export time (the calendar's DTSTAMP); `write` writes --out.
CliResult run_export_cli(std::span<const std::string_view> args, const ReadTextFile& read,
                         const WriteTextFile& write, Timestamp now);

}  // namespace cairn
