#include "core/wip.h"

namespace cairn {

const char* wip_field(TaskStatus status) {
  switch (status) {
    case TaskStatus::todo: return "wip_todo";
    case TaskStatus::in_progress: return "wip_in_progress";
    case TaskStatus::blocked: return "wip_blocked";
    default: return nullptr;
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
  const auto limit = wip_limit(project, status);
  if (!limit) return 0;
  const auto n = static_cast<std::int64_t>(count);
  return n > *limit ? n - *limit : 0;
}

}  // namespace cairn
