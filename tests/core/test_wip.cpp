#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/commands.h"
#include "core/fields.h"
#include "core/wip.h"

using namespace cairn;

TEST_CASE("WIP limits: only todo, in progress and blocked columns take one; the excess is what is over it") {
  Project p;
  CHECK_FALSE(wip_field(TaskStatus::backlog).has_value());
  CHECK_FALSE(wip_field(TaskStatus::done).has_value());
  CHECK(std::string(*wip_field(TaskStatus::in_progress)) == "wip_in_progress");
  CHECK_FALSE(wip_limit(p, TaskStatus::in_progress).has_value());
  CHECK(wip_excess(p, TaskStatus::in_progress, 50) == 0);  // no limit, never over

  p.wip_in_progress = 3;
  p.wip_blocked = 1;
  CHECK(wip_excess(p, TaskStatus::in_progress, 3) == 0);
  CHECK(wip_excess(p, TaskStatus::in_progress, 5) == 2);
  CHECK(wip_excess(p, TaskStatus::blocked, 2) == 1);
  CHECK(wip_excess(p, TaskStatus::todo, 2) == 0);
  CHECK(wip_excess(p, TaskStatus::done, 100) == 0);
}

TEST_CASE("WIP limits of stage columns: every stage takes one, each in its own field") {
  Project p;
  std::set<std::string> fields;
  for (std::size_t i = 0; i < EnumNames<Stage>::names.size(); ++i) {
    const auto stage = static_cast<Stage>(i);
    CHECK(std::string(wip_field(stage)) == "wip_stage_" + std::string(EnumNames<Stage>::names[i]));
    fields.insert(std::string(wip_field(stage)));
    CHECK(find_field<Project>(wip_field(stage)) != nullptr);  // a real, persisted field
    CHECK(wip_excess(p, stage, 100) == 0);
  }
  CHECK(fields.size() == EnumNames<Stage>::names.size());
  p.wip_stage_labelling = 2;
  CHECK(wip_limit(p, Stage::labelling) == 2);
  CHECK(wip_excess(p, Stage::labelling, 5) == 3);
  CHECK(wip_excess(p, Stage::labelling, 2) == 0);
  CHECK(wip_excess(p, Stage::training, 5) == 0);
  CHECK(wip_excess(p, TaskStatus::in_progress, 5) == 0);  // stage limits do not touch status columns
}

TEST_CASE("WIP limits are set, refused and cleared through commands like any field") {
  Workspace ws;
  IdSource ids(3);
  const Id project = ids.next();
  REQUIRE(apply(ws, Command{{CreateItem{"project", project, {}, {{"name", std::string("Churn")}}}}}).ok);
  auto set = [&](Value v) { return apply(ws, Command{{SetField{project, "wip_in_progress", std::move(v)}}}); };
  CHECK(set(std::int64_t{4}).ok);
  CHECK(ws.find<Project>(project)->wip_in_progress == 4);
  CHECK(set(2.0).ok);  // whole numbers may arrive as doubles (JSON, the number field)
  CHECK(ws.find<Project>(project)->wip_in_progress == 2);
  CHECK_FALSE(set(2.5).ok);
  CHECK_FALSE(set(std::int64_t{0}).ok);
  CHECK_FALSE(set(std::string("three")).ok);
  CHECK(ws.find<Project>(project)->wip_in_progress == 2);  // refused changes change nothing
  CHECK(set(Null{}).ok);
  CHECK_FALSE(ws.find<Project>(project)->wip_in_progress.has_value());
}
