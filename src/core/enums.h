#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace cairn {

// Every enumeration of the model, with the names used in commands, JSON and
// the automation API. Names are stable: they are part of the file format.

enum class Domain { computer_vision, nlp_llm, recommender, tabular, other };
enum class Phase { discovery, data, modelling, evaluation, deployment, monitoring, closed };
enum class MetricLevel { business, ml, cost };
enum class Direction { higher_is_better, lower_is_better };
enum class DataSourceStatus { proposed, requested, available, blocked, retired };
enum class TaskStatus { backlog, todo, in_progress, blocked, done };
enum class Stage { data_collection, labelling, features, training, evaluation, deployment, monitoring, research_spike, other };
enum class DependencyType { finish_to_start, start_to_start, finish_to_finish, start_to_finish };
enum class SprintKind { discovery, delivery };
enum class Comparison { at_least, at_most, above, below };
enum class GateDecision { pending, go, pivot, kill };
enum class RiskCategory { bias_fairness, privacy_compliance, model_drift, data_quality, cost, schedule, other };
enum class RiskStatus { open, mitigating, accepted, closed };
enum class ExperimentStatus { planned, running, succeeded, failed, abandoned };
enum class RunSystem { mlflow, wandb, dvc, other };
enum class ReportAudience { executive, team };  // a status report's reader: short summary or every detail

template <class E>
struct EnumNames;  // specialised below: `static constexpr std::array names`

#define CAIRN_ENUM_NAMES(E, ...)                                                   \
  template <>                                                                      \
  struct EnumNames<E> {                                                            \
    static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__});  \
  }

CAIRN_ENUM_NAMES(Domain, "computer_vision", "nlp_llm", "recommender", "tabular", "other");
CAIRN_ENUM_NAMES(Phase, "discovery", "data", "modelling", "evaluation", "deployment", "monitoring", "closed");
CAIRN_ENUM_NAMES(MetricLevel, "business", "ml", "cost");
CAIRN_ENUM_NAMES(Direction, "higher_is_better", "lower_is_better");
CAIRN_ENUM_NAMES(DataSourceStatus, "proposed", "requested", "available", "blocked", "retired");
CAIRN_ENUM_NAMES(TaskStatus, "backlog", "todo", "in_progress", "blocked", "done");
CAIRN_ENUM_NAMES(Stage, "data_collection", "labelling", "features", "training", "evaluation", "deployment",
                 "monitoring", "research_spike", "other");
CAIRN_ENUM_NAMES(DependencyType, "finish_to_start", "start_to_start", "finish_to_finish", "start_to_finish");
CAIRN_ENUM_NAMES(SprintKind, "discovery", "delivery");
CAIRN_ENUM_NAMES(Comparison, "at_least", "at_most", "above", "below");
CAIRN_ENUM_NAMES(GateDecision, "pending", "go", "pivot", "kill");
CAIRN_ENUM_NAMES(RiskCategory, "bias_fairness", "privacy_compliance", "model_drift", "data_quality", "cost",
                 "schedule", "other");
CAIRN_ENUM_NAMES(RiskStatus, "open", "mitigating", "accepted", "closed");
CAIRN_ENUM_NAMES(ExperimentStatus, "planned", "running", "succeeded", "failed", "abandoned");
CAIRN_ENUM_NAMES(RunSystem, "mlflow", "wandb", "dvc", "other");
CAIRN_ENUM_NAMES(ReportAudience, "executive", "team");

#undef CAIRN_ENUM_NAMES

template <class E>
constexpr std::string_view enum_name(E value) {
  const auto i = static_cast<std::size_t>(value);
  return i < EnumNames<E>::names.size() ? EnumNames<E>::names[i] : std::string_view{};
}

template <class E>
constexpr std::optional<E> enum_from_name(std::string_view name) {
  for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i)
    if (EnumNames<E>::names[i] == name) return static_cast<E>(i);
  return std::nullopt;
}

template <class E>
concept NamedEnum = requires { EnumNames<E>::names; };

}  // namespace cairn
