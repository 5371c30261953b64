// libFuzzer target for the foreign imports (core/csv_reader.h,
// core/foreign_import.h): Jira/Linear CSV and Trello JSON come from outside.
// Reading never crashes and either fails with a message or gives a table
// whose rows and line numbers agree; a plan either fails with a message or
// applies all or nothing, and its inverse restores the workspace exactly.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/commands.h"
#include "core/csv_reader.h"
#include "core/foreign_import.h"
#include "fuzz/fuzz_common.h"
#include "support/random_workspace.h"

using namespace cairn;

namespace {

const Workspace& base() {
  static const Workspace ws =
      testing::random_workspace(fuzz::kBaseSeed, fuzz::kBaseProjects, fuzz::kBaseItemsPerKind);
  return ws;
}

void plan_and_apply(const ForeignSource& source, ForeignImportOptions options) {
  IdSource ids(6);
  const ForeignPlan plan = plan_foreign_import(source, options, base(), ids);
  CAIRN_FUZZ_CHECK(plan.ok == plan.error.empty());
  if (!plan.ok) return;
  Workspace ws = base();
  const ApplyResult result = apply(ws, plan.command);
  fuzz::check_indexes(ws);
  if (!result.ok) {
    CAIRN_FUZZ_CHECK(!result.error.empty() && ws == base());
    return;
  }
  CAIRN_FUZZ_CHECK(ws.all<Task>().size() == base().all<Task>().size() + plan.tasks.size());
  Workspace undone = ws;
  CAIRN_FUZZ_CHECK(apply(undone, result.inverse).ok);
  CAIRN_FUZZ_CHECK(undone.same_items(base()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CsvLimits limits;
  limits.max_rows = 2000;  // keeps each run quick; the limit itself is tested too
  const CsvResult csv = read_csv(text, limits);
  CAIRN_FUZZ_CHECK(csv.ok == csv.error.empty());
  if (csv.ok) CAIRN_FUZZ_CHECK(csv.table.rows.size() == csv.table.row_lines.size());

  for (const char* name : {"fuzz.csv", "fuzz.json"}) {
    const ForeignRead read = read_foreign_file(name, text, limits);
    CAIRN_FUZZ_CHECK(read.ok == read.error.empty());
    if (!read.ok) continue;
    ForeignImportOptions options = default_options(read.source);
    plan_and_apply(read.source, options);
    // Into the base's project, every column as the title, points as days.
    options.project = base().all<Project>().begin()->first;
    options.estimate_unit = EstimateUnit::points;
    options.days_per_point = 1.5;
    options.mapping[ImportField::blocks] = options.mapping[ImportField::title];
    plan_and_apply(read.source, options);
  }
  return 0;
}
