#include "core/risks.h"

#include <algorithm>

namespace cairn {

int risk_score(const Risk& risk) { return static_cast<int>(risk.likelihood * risk.impact); }

RiskLevel risk_level(const Risk& risk) {
  const int score = risk_score(risk);
  if (score <= 4) return RiskLevel::low;
  if (score <= 9) return RiskLevel::medium;
  if (score <= 14) return RiskLevel::high;
  return RiskLevel::critical;
}

const char* risk_level_name(RiskLevel level) {
  switch (level) {
    case RiskLevel::low: return "Low";
    case RiskLevel::medium: return "Medium";
    case RiskLevel::high: return "High";
    case RiskLevel::critical: return "Critical";
  }
  return "";
}

bool review_overdue(const Risk& risk, Date today) {
  return risk.status != RiskStatus::closed && risk.next_review && *risk.next_review < today;
}

std::string review_tag(Id risk) { return "risk:" + risk.to_string(); }

Command recurring_review_tasks(const Workspace& workspace, Id project, Date today, IdSource& ids) {
  Command command;
  command.label = "Create risk review tasks";

  std::vector<const Risk*> due;
  std::vector<const Task*> tasks;
  const Date horizon{today.days + kReviewLeadDays};
  for (const Id child : workspace.children_of(project)) {
    if (const Risk* risk = workspace.find<Risk>(child)) {
      if (risk->status != RiskStatus::closed && risk->next_review && *risk->next_review <= horizon)
        due.push_back(risk);
    } else if (const Task* task = workspace.find<Task>(child)) {
      tasks.push_back(task);
    }
  }
  // A stable order of operations, whatever the order of children.
  std::sort(due.begin(), due.end(), [](const Risk* a, const Risk* b) {
    if (a->next_review != b->next_review) return *a->next_review < *b->next_review;
    return a->id < b->id;
  });

  for (const Risk* risk : due) {
    const std::string tag = review_tag(risk->id);
    const bool open_task = std::any_of(tasks.begin(), tasks.end(), [&](const Task* t) {
      return t->status != TaskStatus::done && std::find(t->tags.begin(), t->tags.end(), tag) != t->tags.end();
    });
    if (open_task) continue;

    const Stage stage = risk->category == RiskCategory::bias_fairness ? Stage::evaluation : Stage::other;
    command.ops.push_back(create_op<Task>(ids.next(), project,
                                          {{field::task::title, "Review risk: " + risk->title},
                                           {field::task::stage, std::string(enum_name(stage))},
                                           {field::task::status, std::string("todo")},
                                           {field::task::due, *risk->next_review},
                                           {field::task::tags, StringList{"risk-review", tag}}}));
    // The first date after today on the risk's rhythm (at least one step).
    const std::int64_t from = risk->next_review->days;
    const std::int64_t every = std::max<std::int64_t>(risk->review_every_days, 1);
    const std::int64_t steps = from > today.days ? 1 : (today.days - from) / every + 1;
    const std::int64_t next = std::min<std::int64_t>(from + steps * every, kLastDate.days);
    command.ops.push_back(SetField{risk->id, field::risk::next_review, Date{static_cast<std::int32_t>(next)}});
  }
  return command;
}

}  // namespace cairn
