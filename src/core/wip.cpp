#include "core/wip.h"

#include <iterator>

namespace cairn {
namespace {

struct StageLimit {
  FieldName<Project> field;
  std::optional<std::int64_t> Project::*member;
};
// In the order of Stage.
constexpr StageLimit kStageLimits[] = {
    {field::project::wip_stage_data_collection, &Project::wip_stage_data_collection},
    {field::project::wip_stage_labelling, &Project::wip_stage_labelling},
    {field::project::wip_stage_features, &Project::wip_stage_features},
    {field::project::wip_stage_training, &Project::wip_stage_training},
    {field::project::wip_stage_evaluation, &Project::wip_stage_evaluation},
    {field::project::wip_stage_deployment, &Project::wip_stage_deployment},
    {field::project::wip_stage_monitoring, &Project::wip_stage_monitoring},
    {field::project::wip_stage_research_spike, &Project::wip_stage_research_spike},
    {field::project::wip_stage_other, &Project::wip_stage_other},
};
static_assert(std::size(kStageLimits) == EnumNames<Stage>::names.size());

std::int64_t excess(const std::optional<std::int64_t>& limit, std::size_t count) {
  if (!limit) return 0;
  const auto n = static_cast<std::int64_t>(count);
  return n > *limit ? n - *limit : 0;
}

}  // namespace

std::optional<FieldName<Project>> wip_field(TaskStatus status) {
  switch (status) {
    case TaskStatus::todo: return field::project::wip_todo;
    case TaskStatus::in_progress: return field::project::wip_in_progress;
    case TaskStatus::blocked: return field::project::wip_blocked;
    default: return std::nullopt;
  }
}

std::optional<std::int64_t> wip_limit(const Project& project, TaskStatus status) {
  switch (status) {
    case TaskStatus::todo: return project.wip_todo;
    case TaskStatus::in_progress: return project.wip_in_progress;
    case TaskStatus::blocked: return project.wip_blocked;
    default: return std::nullopt;
  }
}

std::int64_t wip_excess(const Project& project, TaskStatus status, std::size_t count) {
  return excess(wip_limit(project, status), count);
}

FieldName<Project> wip_field(Stage stage) { return kStageLimits[static_cast<std::size_t>(stage)].field; }

std::optional<std::int64_t> wip_limit(const Project& project, Stage stage) {
  return project.*kStageLimits[static_cast<std::size_t>(stage)].member;
}

std::int64_t wip_excess(const Project& project, Stage stage, std::size_t count) {
  return excess(wip_limit(project, stage), count);
}

}  // namespace cairn
