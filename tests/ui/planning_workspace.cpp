#include "planning_workspace.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/commands.h"
#include "core/enums.h"
#include "core/templates.h"

namespace cairn::uitest {
namespace {

using Fields = std::vector<std::pair<std::string, Value>>;

constexpr std::array<std::string_view, 10> kTags = {"cv",       "camera",   "vendor",        "gdpr", "night-shift",
                                                    "line-3",   "baseline", "infra",         "quick-win",
                                                    "needs-review"};
constexpr std::array<std::string_view, 6> kClasses = {"scratch", "dent", "missing screw", "misalignment", "stain",
                                                      "crack"};
constexpr std::array<std::string_view, 5> kSites = {"Plant 3", "Plant 7", "Lyon", "Monterrey", "Győr"};
constexpr std::array<std::string_view, 4> kModels = {"ResNet-50", "EfficientNet-B3", "YOLOv8-m", "ViT-S/16"};
constexpr std::array<std::string_view, 5> kSources = {"line cameras", "QA archive", "vendor export",
                                                      "returns database", "field photos"};

class Builder {
 public:
  Builder(std::uint64_t seed, Date today) : rng_(seed), ids_(seed ^ 0x9E3779B97F4A7C15ull), today_(today) {}

  int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p; }
  double half_days(double lo, double hi) {  // a multiple of 0.5 in [lo, hi]
    return std::round(std::uniform_real_distribution<double>(lo, hi)(rng_) * 2.0) / 2.0;
  }
  template <std::size_t N>
  std::string_view any(const std::array<std::string_view, N>& list) {
    return list[static_cast<std::size_t>(pick(static_cast<int>(N)))];
  }
  Date day(int offset) const { return Date{today_.days + offset}; }

  // Applies one command; throws when the model refuses it (a bug in this file).
  void run(Workspace& ws, Command command) {
    ++changes_;
    command.at = Timestamp{1'795'000'000'000 + changes_ * 60'000};
    command.author = changes_ % 4 ? "Ana Lima" : "Kenji Watanabe";
    ApplyResult result = apply(ws, command);
    if (!result.ok) throw std::runtime_error("planning workspace: " + command.label + ": " + result.error);
    for (auto& [id, change] : result.changes) ws.record(id, std::move(change));
  }

  Id create(Command& batch, std::string_view kind, Id parent, Fields fields) {
    const Id id = ids_.next();
    batch.ops.emplace_back(std::in_place_type<CreateItem>, CreateItem{std::string(kind), id, parent, std::move(fields)});
    return id;
  }

  IdSource& ids() { return ids_; }

  std::string title(Stage stage, int n) {
    const std::string cls(any(kClasses)), site(any(kSites)), model(any(kModels)), source(any(kSources));
    const std::string batch = std::to_string(1 + n % 97);
    switch (stage) {
      case Stage::data_collection: {
        const std::string options[] = {"Export " + std::to_string(2 + pick(40)) + "k images from " + source,
                                       "Request access to " + source + " (" + site + ")",
                                       "Sample night-shift frames at " + site,
                                       "Document licence of " + source};
        return options[pick(4)];
      }
      case Stage::labelling: {
        const std::string options[] = {"Label " + cls + " images, vendor batch " + batch,
                                       "QA vendor batch " + batch + ": " + cls,
                                       "Write the labelling guide for \xE2\x80\x9C" + cls + "\xE2\x80\x9D",
                                       "Adjudicate disagreements on " + cls + " (batch " + batch + ")"};
        return options[pick(4)];
      }
      case Stage::features: {
        const std::string options[] = {"Crop and normalise " + cls + " images", "Lighting statistics per camera at " + site,
                                       "Augmentation policy for " + cls, "De-duplicate near-identical frames (" + site + ")"};
        return options[pick(4)];
      }
      case Stage::training: {
        const std::string options[] = {"Train " + model + " baseline on " + cls, "Hyper-parameter sweep for " + model,
                                       "Fine-tune " + model + " with batch " + batch + " labels",
                                       "Distil " + model + " for the edge box"};
        return options[pick(4)];
      }
      case Stage::evaluation: {
        const std::string options[] = {"Recall at 95% precision on " + site, "Subgroup analysis: lighting at " + site,
                                       "Error review of " + cls + " false negatives", "Calibrate thresholds for " + cls};
        return options[pick(4)];
      }
      case Stage::deployment: {
        const std::string options[] = {"Containerise " + model + " for " + site, "Shadow-mode rollout at " + site,
                                       "p95 latency test on the " + site + " edge box", "Runbook for " + site + " operators"};
        return options[pick(4)];
      }
      case Stage::monitoring: {
        const std::string options[] = {"Drift dashboard for " + site, "Alert on recall drop for " + cls,
                                       "Weekly label audit at " + site, "Camera health check (" + site + ")"};
        return options[pick(4)];
      }
      case Stage::research_spike: {
        const std::string options[] = {"Spike: self-supervised pre-training on " + source,
                                       "Spike: synthetic " + cls + " images", "Spike: active learning for " + cls,
                                       "Spike: anomaly detection instead of classes"};
        return options[pick(4)];
      }
      case Stage::other: break;
    }
    const std::string options[] = {"Stakeholder review #" + batch, "Steering-committee deck, week " + std::to_string(1 + n % 52),
                                   "Réunion qualité à " + site, "Budget check-in with finance"};
    return options[pick(4)];
  }

 private:
  std::mt19937_64 rng_;
  IdSource ids_;
  Date today_;
  std::int64_t changes_ = 0;
};

template <class E>
std::string name_of(E value) {
  return std::string(enum_name(value));
}

}  // namespace

Date test_today() { return *parse_date("2026-11-26"); }

PlanningWorkspace make_planning_workspace(int task_count, std::uint64_t seed) {
  PlanningWorkspace out;
  Workspace& ws = out.workspace;
  const Date today = test_today();
  Builder b(seed, today);

  // The project, from the template, exactly as File > New from template does.
  ImportPlan plan = instantiate_template("computer-vision", ws, b.ids(), today, "Surface defects, Plant 3");
  if (!plan.ok) throw std::runtime_error("instantiate_template: " + plan.error);
  out.project = std::get<CreateItem>(plan.command.ops.front()).id;
  b.run(ws, std::move(plan.command));
  const Id project = out.project;

  // People.
  std::vector<Id> people;
  {
    Command c{{}, {}, {}, "Add people"};
    const std::pair<const char*, const char*> team[] = {
        {"Ana Lima", "Project lead"},         {"Kenji Watanabe", "ML engineer"}, {"Zoë Müller", "ML engineer"},
        {"Oluwaseun Adeyemi", "Data engineer"}, {"Marta Kowalczyk", "Labelling lead"},
        {"Diego Hernández", "MLOps"},         {"Priya Natarajan", "Data scientist"}, {"Tom Becker", "Plant liaison"}};
    const char* zones[] = {"Europe/Berlin", "Asia/Tokyo", "Europe/Zurich", "Africa/Lagos", "Europe/Warsaw",
                           "America/Monterrey", "Asia/Kolkata", "Europe/Berlin"};
    int i = 0;
    for (const auto& [name, role] : team)
      people.push_back(b.create(c, "person", project,
                                {{"name", std::string(name)},
                                 {"role", std::string(role)},
                                 {"time_zone", std::string(zones[i++])},
                                 {"capacity_days_per_week", i % 3 == 0 ? 2.5 : 4.0}}));
    b.run(ws, std::move(c));
  }

  // Two-week sprints from 20 weeks ago to a year ahead.
  std::vector<Id> sprints;
  {
    Command c{{}, {}, {}, "Add sprints"};
    for (int s = 0; s < 36; ++s) {
      const int first = -140 + 14 * s;
      sprints.push_back(b.create(c, "sprint", project,
                                 {{"name", "Sprint " + std::to_string(s + 1)},
                                  {"kind", std::string(s < 3 ? "discovery" : "delivery")},
                                  {"goal", "Milestone " + std::to_string(s / 4 + 1) + ": recall up, latency down"},
                                  {"start", b.day(first)},
                                  {"end", b.day(first + 11)}}));
    }
    b.run(ws, std::move(c));
  }

  // Metric readings (trends in the charter, latest values for gates).
  {
    Command c{{}, {}, {}, "Add readings"};
    for (const Id id : ws.children_of(project))
      if (const Metric* m = ws.find<Metric>(id))
        for (int r = 0; r < 8; ++r)
          b.create(c, "metric_reading", m->id,
                   {{"on", b.day(-7 * (8 - r))}, {"value", 40.0 + 5.0 * r + b.half_days(0, 6)}, {"note", std::string("weekly")}});
    b.run(ws, std::move(c));
  }

  // More risks and gates than a template has.
  {
    Command c{{}, {}, {}, "Add risks and gates"};
    for (int r = 0; r < 24; ++r)
      b.create(c, "risk", project,
               {{"title", "Risk " + std::to_string(r + 1) + ": " + std::string(kClasses[static_cast<std::size_t>(r) % kClasses.size()]) + " labels drift at " +
                              std::string(kSites[static_cast<std::size_t>(r) % kSites.size()])},
                {"category", name_of(static_cast<RiskCategory>(r % 7))},
                {"likelihood", static_cast<std::int64_t>(1 + b.pick(5))},
                {"impact", static_cast<std::int64_t>(1 + b.pick(5))},
                {"owner", std::string(r % 2 ? "Ana Lima" : "Zoë Müller")},
                {"mitigation", std::string("Weekly audit of 200 random images; retrain when recall drops 3 points")},
                {"status", name_of(static_cast<RiskStatus>(r % 4))},
                {"next_review", b.day(-20 + 3 * r)}});
    for (int g = 0; g < 3; ++g)
      b.create(c, "gate", project, {{"name", "Milestone gate " + std::to_string(g + 1)}, {"due", b.day(-10 + 30 * g)}});
    b.run(ws, std::move(c));
  }

  // An experiment log: every status, results on the ML metrics, run links.
  {
    std::vector<Id> ml_metrics;
    for (const Id id : ws.children_of(project))
      if (const Metric* m = ws.find<Metric>(id); m && m->level == MetricLevel::ml) ml_metrics.push_back(id);
    Command c{{}, {}, {}, "Add experiments"};
    for (int e = 0; e < 40; ++e) {
      const std::string model(kModels[static_cast<std::size_t>(e) % kModels.size()]);
      const Id id = b.create(c, "experiment", project,
                             {{"title", model + " run " + std::to_string(e + 1)},
                              {"hypothesis", std::string("More night-shift images raise recall at 95% precision by 3 points")},
                              {"status", name_of(static_cast<ExperimentStatus>(e % 5))},
                              {"dataset_version", "images:v" + std::to_string(3 + e / 8)},
                              {"model_version", "detector:v" + std::to_string(1 + e / 5)},
                              {"parameters", std::string("lr=3e-4, epochs=20, batch=64")},
                              {"gpu_hours", b.half_days(2, 60)},
                              {"cost", b.half_days(20, 900)},
                              {"on", b.day(-140 + 3 * e)}});
      for (std::size_t r = 0; r < std::min<std::size_t>(ml_metrics.size(), 1 + static_cast<std::size_t>(e % 3)); ++r)
        b.create(c, "experiment_result", id, {{"metric", ml_metrics[r]}, {"value", 60.0 + e * 0.6 + b.half_days(0, 4)}});
      b.create(c, "external_run", id,
               {{"system", name_of(static_cast<RunSystem>(e % 4))},
                {"run_id", "run-" + std::to_string(1000 + e)},
                {"url", "https://mlflow.example.com/#/experiments/7/runs/" + std::to_string(1000 + e)}});
    }
    b.run(ws, std::move(c));
  }

  // The tasks, in batches of 250 per command.
  std::vector<Id> tasks;
  tasks.reserve(static_cast<std::size_t>(task_count));
  const double status_weights[] = {35, 15, 15, 5, 30};  // backlog, todo, in progress, blocked, done
  std::discrete_distribution<int> status_of(std::begin(status_weights), std::end(status_weights));
  std::mt19937_64 status_rng(seed + 1);
  for (int first = 0; first < task_count; first += 250) {
    Command c{{}, {}, {}, "Add tasks"};
    for (int n = first; n < std::min(task_count, first + 250); ++n) {
      const bool rich = n == 0;
      const auto status = rich ? TaskStatus::in_progress : static_cast<TaskStatus>(status_of(status_rng));
      const auto stage = static_cast<Stage>(rich ? 1 : b.pick(9));
      Fields f{{"title", rich ? std::string("Label scratch images, vendor batch 12 (rich task)") : b.title(stage, n)},
               {"status", name_of(status)},
               {"stage", name_of(stage)},
               {"order", static_cast<double>(n)}};
      if (rich || b.chance(0.85)) {
        const double o = b.half_days(0.5, 5), l = o + b.half_days(0, 4), p = l + b.half_days(0.5, 8);
        f.push_back({"optimistic_days", o});
        f.push_back({"likely_days", l});
        f.push_back({"pessimistic_days", p});
        if (b.chance(0.03)) f.push_back({"buffer_override", 1.0 + b.half_days(0.5, 2)});
        if (status == TaskStatus::done && b.chance(0.7)) f.push_back({"actual_days", l + b.half_days(-0.5, 3)});
      }
      if (rich || b.chance(0.8)) f.push_back({"assignee", people[static_cast<std::size_t>(b.pick(static_cast<int>(people.size())))]});
      if (rich || b.chance(0.6)) f.push_back({"sprint", sprints[static_cast<std::size_t>(b.pick(static_cast<int>(sprints.size())))]});
      if (rich || b.chance(0.6)) {
        const int due = -60 + b.pick(240);
        f.push_back({"due", b.day(due)});
        if (b.chance(0.7)) f.push_back({"start", b.day(due - 3 - b.pick(20))});
      }
      StringList tags;
      for (int t = rich ? 3 : b.pick(4); t > 0; --t) {
        std::string tag(b.any(kTags));
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
      }
      if (!tags.empty()) f.push_back({"tags", tags});
      if (rich || b.chance(0.3))
        f.push_back({"description", std::string("Acceptance: agreement with the gold set above 0.8 kappa; "
                                                "escalate unclear images to the plant QA lead.\nSee the labelling guide, "
                                                "section 3.")});
      tasks.push_back(b.create(c, "task", project, std::move(f)));
    }
    b.run(ws, std::move(c));
  }
  out.rich_task = tasks.front();
  out.tasks = tasks.size();

  // Checklists, blockers and dependencies, in batches.
  const std::string done_texts[] = {"Reviewed by a second person", "Numbers in the experiment log",
                                    "Data card updated", "Tests pass in CI", "Stakeholder signed off"};
  for (std::size_t first = 0; first < tasks.size(); first += 500) {
    Command c{{}, {}, {}, "Add checklists, blockers and dependencies"};
    for (std::size_t i = first; i < std::min(tasks.size(), first + 500); ++i) {
      const Task& t = *ws.find<Task>(tasks[i]);
      const bool rich = i == 0;
      if (rich || b.chance(0.3)) {
        const int items = rich ? 4 : 1 + b.pick(5);
        for (int k = 0; k < items; ++k)
          b.create(c, "checklist_item", t.id,
                   {{"text", done_texts[k]},
                    {"done", t.status == TaskStatus::done || (t.status != TaskStatus::backlog && b.chance(0.4))},
                    {"order", static_cast<double>(k)}});
      }
      if (rich || t.status == TaskStatus::blocked || b.chance(0.02)) {
        const int count = rich ? 2 : 1;
        for (int k = 0; k < count; ++k) {
          Fields f{{"text", std::string(k == 0 ? "Waiting for the vendor's next batch" : "Camera access needs plant sign-off")},
                   {"since", b.day(-b.pick(30))},
                   {"resolved", !rich && t.status != TaskStatus::blocked}};
          if (i > 0 && b.chance(0.5)) f.push_back({"blocking_task", tasks[static_cast<std::size_t>(b.pick(static_cast<int>(i)))]});
          b.create(c, "blocker", t.id, std::move(f));
        }
      }
      if (i > 0 && (rich || b.chance(0.1))) {
        const int count = 1 + b.pick(2);
        for (int k = 0; k < count; ++k)
          b.create(c, "dependency", t.id,
                   {{"predecessor", tasks[static_cast<std::size_t>(b.pick(static_cast<int>(i)))]},
                    {"type", name_of(static_cast<DependencyType>(b.pick(4)))},
                    {"lag_days", static_cast<double>(b.pick(3))}});
      }
    }
    // The rich task depends on two others too.
    if (first == 0 && tasks.size() > 2)
      for (int k = 1; k <= 2; ++k)
        b.create(c, "dependency", tasks[0], {{"predecessor", tasks[static_cast<std::size_t>(k)]}, {"lag_days", 1.0}});
    b.run(ws, std::move(c));
  }
  return out;
}

}  // namespace cairn::uitest
