// libFuzzer target for the JSON paths: import files (plan_import) and
// automation commands (parse_command_json, window.cairn.exec). Both take
// text from outside; whatever they accept must apply all or nothing and
// leave a workspace whose indexes agree with its items.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/commands.h"
#include "core/json_io.h"
#include "fuzz/fuzz_common.h"
#include "support/random_workspace.h"

using namespace cairn;

namespace {

// Made once: the ids the seed commands name exist here.
const Workspace& base() {
  static const Workspace ws =
      testing::random_workspace(fuzz::kBaseSeed, fuzz::kBaseProjects, fuzz::kBaseItemsPerKind);
  return ws;
}

// Applies `command` to a copy of `start`: on failure nothing changed, on
// success the inverse restores `start` exactly. Returns the result.
Workspace apply_checked(const Workspace& start, const Command& command, bool& ok) {
  Workspace ws = start;
  const ApplyResult result = apply(ws, command);
  ok = result.ok;
  fuzz::check_indexes(ws);
  if (!result.ok) {
    CAIRN_FUZZ_CHECK(!result.error.empty() && ws == start);
    return ws;
  }
  Workspace undone = ws;
  CAIRN_FUZZ_CHECK(apply(undone, result.inverse).ok);
  fuzz::check_indexes(undone);
  CAIRN_FUZZ_CHECK(undone == start);
  return ws;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  bool ok = false;

  // An automation command, against a workspace that has items.
  IdSource command_ids(2);
  const ParsedCommand parsed = parse_command_json(text, command_ids);
  CAIRN_FUZZ_CHECK(parsed.ok == parsed.error.empty());
  if (parsed.ok) apply_checked(base(), parsed.command, ok);

  // An import into a workspace that has items: clashing ids get new ones,
  // so applying never touches what was there.
  IdSource import_ids(3);
  const ImportPlan plan = plan_import(text, base(), import_ids);
  CAIRN_FUZZ_CHECK(plan.ok == plan.error.empty());
  if (plan.ok) {
    const Workspace after = apply_checked(base(), plan.command, ok);
    if (ok) CAIRN_FUZZ_CHECK(after.size() == base().size() + plan.items);
  }

  // An import into an empty workspace: what applies there exports and
  // imports again to the same items with the same ids.
  IdSource fresh_ids(4);
  const ImportPlan fresh = plan_import(text, Workspace{}, fresh_ids);
  if (!fresh.ok) return 0;
  const Workspace imported = apply_checked(Workspace{}, fresh.command, ok);
  if (!ok) return 0;
  IdSource again_ids(5);
  const ImportPlan again = plan_import(export_json(imported), Workspace{}, again_ids);
  CAIRN_FUZZ_CHECK(again.ok && again.warnings.empty());
  const Workspace reimported = apply_checked(Workspace{}, again.command, ok);
  CAIRN_FUZZ_CHECK(ok && fuzz::items_equal(reimported, imported));
  return 0;
}
