#include "core/fields.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace cairn {
namespace {

// --- Member value -> Value ---------------------------------------------------

Value to_value(const std::string& v) { return v; }
Value to_value(bool v) { return v; }
Value to_value(double v) { return v; }
Value to_value(std::int64_t v) { return v; }
Value to_value(Id v) { return v; }
Value to_value(Date v) { return v; }
Value to_value(Timestamp v) { return v; }
Value to_value(const StringList& v) { return v; }
template <NamedEnum E>
Value to_value(E v) {
  return std::string(enum_name(v));
}
template <class M>
Value to_value(const std::optional<M>& v) {
  return v ? to_value(*v) : Value{Null{}};
}

// --- Value -> member value; "" on success -----------------------------------

std::string wrong_type(const char* wanted, const Value& got) {
  return std::string("expects ") + wanted + ", got " + value_type_name(got);
}

// Text and lists are moved out of `v`: loading a snapshot copies no string twice.
std::string from_value(Value& v, std::string& out) {
  if (auto* s = std::get_if<std::string>(&v)) {
    out = std::move(*s);
    return {};
  }
  return wrong_type("text", v);
}

std::string from_value(const Value& v, bool& out) {
  if (const auto* b = std::get_if<bool>(&v)) {
    out = *b;
    return {};
  }
  return wrong_type("true or false", v);
}

std::string from_value(const Value& v, double& out) {
  double d = 0.0;
  if (const auto* x = std::get_if<double>(&v)) {
    d = *x;
  } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
    d = static_cast<double>(*i);
  } else {
    return wrong_type("a number", v);
  }
  if (!std::isfinite(d)) return "expects a finite number";
  out = d;
  return {};
}

std::string from_value(const Value& v, std::int64_t& out) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    out = *i;
    return {};
  }
  // JSON numbers may arrive as doubles: accept whole ones.
  if (const auto* d = std::get_if<double>(&v); d && std::isfinite(*d) && std::floor(*d) == *d &&
                                                 std::abs(*d) < 9.0e15) {
    out = static_cast<std::int64_t>(*d);
    return {};
  }
  return wrong_type("a whole number", v);
}

// Ids and dates may arrive as text (JSON, the automation API).
std::string from_value(const Value& v, Id& out) {
  if (const auto* id = std::get_if<Id>(&v)) {
    out = *id;
    return {};
  }
  if (std::holds_alternative<Null>(v)) {
    out = Id{};
    return {};
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (s->empty()) {
      out = Id{};
      return {};
    }
    if (const auto parsed = Id::parse(*s)) {
      out = *parsed;
      return {};
    }
    return "expects an id like 3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0d, got '" + *s + "'";
  }
  return wrong_type("an id", v);
}

std::string from_value(const Value& v, Date& out) {
  if (const auto* d = std::get_if<Date>(&v)) {
    if (*d < kFirstDate || *d > kLastDate)
      return "expects a date between 0000-01-01 and 9999-12-31, got day " + std::to_string(d->days);
    out = *d;
    return {};
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (const auto parsed = parse_date(*s)) {
      out = *parsed;
      return {};
    }
    return "expects a date like 2026-11-26, got '" + *s + "'";
  }
  return wrong_type("a date", v);
}

std::string from_value(const Value& v, Timestamp& out) {
  std::optional<Timestamp> t;
  if (const auto* x = std::get_if<Timestamp>(&v)) t = *x;
  if (const auto* s = std::get_if<std::string>(&v)) {
    t = parse_timestamp(*s);
    if (!t) return "expects a time like 2026-11-26T15:42:07.250Z, got '" + *s + "'";
  }
  if (!t) return wrong_type("a time", v);
  if (*t < kFirstTimestamp || *t > kLastTimestamp) return "expects a time between years 0000 and 9999";
  out = *t;
  return {};
}

std::string from_value(Value& v, StringList& out) {
  if (auto* l = std::get_if<StringList>(&v)) {
    out = std::move(*l);
    return {};
  }
  return wrong_type("a list of text", v);
}

template <NamedEnum E>
std::string from_value(const Value& v, E& out) {
  const auto* s = std::get_if<std::string>(&v);
  if (!s) return wrong_type("a name", v);
  if (const auto e = enum_from_name<E>(*s)) {
    out = *e;
    return {};
  }
  std::string allowed;
  for (const std::string_view name : EnumNames<E>::names) {
    if (!allowed.empty()) allowed += ", ";
    allowed += name;
  }
  return "expects one of " + allowed + ", got '" + *s + "'";
}

template <class M>
std::string from_value(Value& v, std::optional<M>& out) {
  if (std::holds_alternative<Null>(v)) {
    out.reset();
    return {};
  }
  M inner{};
  std::string error = from_value(v, inner);
  if (error.empty()) out = std::move(inner);
  return error;
}

// --- Field definitions from member pointers ------------------------------------

template <class>
struct MemberOf;
template <class T, class M>
struct MemberOf<M T::*> {
  using Object = T;
  using Type = M;
};

template <auto Member>
using ObjectOf = typename MemberOf<decltype(Member)>::Object;

template <class M>
  requires NamedEnum<M>
constexpr std::span<const std::string_view> names_of_optional(const std::optional<M>*) {
  return EnumNames<M>::names;
}
constexpr std::span<const std::string_view> names_of_optional(const void*) { return {}; }

// An enumeration's names, also of an optional one; empty for other types.
template <class M>
constexpr std::span<const std::string_view> enum_names_of() {
  if constexpr (NamedEnum<M>) {
    return EnumNames<M>::names;
  } else {
    return names_of_optional(static_cast<const M*>(nullptr));
  }
}

// A field stored as it is given (checked by type only).
template <auto Member>
constexpr FieldDef<ObjectOf<Member>> member(FieldName<ObjectOf<Member>> name) {
  using T = ObjectOf<Member>;
  return {name.name, [](const T& item) { return to_value(item.*Member); },
          [](T& item, Value value) { return from_value(value, item.*Member); },
          enum_names_of<typename MemberOf<decltype(Member)>::Type>()};
}

template <class M>
double as_double(const M& v) {
  if constexpr (requires { v.has_value(); }) {
    return v ? static_cast<double>(*v) : 0.0;
  } else {
    return static_cast<double>(v);
  }
}

// A numeric field limited to [Min, Max] (unset optionals always pass).
template <auto Member, int Min, int Max>
constexpr FieldDef<ObjectOf<Member>> ranged(FieldName<ObjectOf<Member>> name) {
  using T = ObjectOf<Member>;
  return {name.name, [](const T& item) { return to_value(item.*Member); },
          [](T& item, Value value) -> std::string {
            auto copy = item.*Member;
            std::string error = from_value(value, copy);
            if (!error.empty()) return error;
            const double x = as_double(copy);
            if (!std::holds_alternative<Null>(value) && (x < Min || x > Max))
              return "expects a value from " + std::to_string(Min) + " to " + std::to_string(Max);
            item.*Member = copy;
            return {};
          }};
}

// A list of dates ("YYYY-MM-DD"), each checked; stored sorted without duplicates.
template <auto Member>
constexpr FieldDef<ObjectOf<Member>> dates(FieldName<ObjectOf<Member>> name) {
  using T = ObjectOf<Member>;
  return {name.name, [](const T& item) { return to_value(item.*Member); },
          [](T& item, Value value) -> std::string {
            StringList list;
            std::string error = from_value(value, list);
            if (!error.empty()) return error;
            for (const std::string& text : list)
              if (!parse_date(text)) return "expects dates as YYYY-MM-DD, got '" + text + "'";
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
            item.*Member = std::move(list);
            return {};
          }};
}

constexpr int kMaxDays = 100000;

}  // namespace

// clang-format off
template <> std::span<const FieldDef<Project>> fields_of<Project>() {
  static constexpr FieldDef<Project> f[] = {
    member<&Project::name>(field::project::name), member<&Project::domain>(field::project::domain),
    member<&Project::phase>(field::project::phase), member<&Project::problem>(field::project::problem),
    member<&Project::business_goal>(field::project::business_goal),
    member<&Project::scope_in>(field::project::scope_in), member<&Project::scope_out>(field::project::scope_out),
    ranged<&Project::latency_p95_ms, 0, 3600000>(field::project::latency_p95_ms),
    ranged<&Project::budget, 0, 2000000000>(field::project::budget),
    member<&Project::budget_currency>(field::project::budget_currency),
    member<&Project::compliance>(field::project::compliance),
    ranged<&Project::buffer_data_collection, 1, 10>(field::project::buffer_data_collection),
    ranged<&Project::buffer_labelling, 1, 10>(field::project::buffer_labelling),
    ranged<&Project::buffer_other, 1, 10>(field::project::buffer_other),
    member<&Project::archived>(field::project::archived), dates<&Project::holidays>(field::project::holidays),
    ranged<&Project::wip_todo, 1, 100000>(field::project::wip_todo),
    ranged<&Project::wip_in_progress, 1, 100000>(field::project::wip_in_progress),
    ranged<&Project::wip_blocked, 1, 100000>(field::project::wip_blocked),
    ranged<&Project::wip_stage_data_collection, 1, 100000>(field::project::wip_stage_data_collection),
    ranged<&Project::wip_stage_labelling, 1, 100000>(field::project::wip_stage_labelling),
    ranged<&Project::wip_stage_features, 1, 100000>(field::project::wip_stage_features),
    ranged<&Project::wip_stage_training, 1, 100000>(field::project::wip_stage_training),
    ranged<&Project::wip_stage_evaluation, 1, 100000>(field::project::wip_stage_evaluation),
    ranged<&Project::wip_stage_deployment, 1, 100000>(field::project::wip_stage_deployment),
    ranged<&Project::wip_stage_monitoring, 1, 100000>(field::project::wip_stage_monitoring),
    ranged<&Project::wip_stage_research_spike, 1, 100000>(field::project::wip_stage_research_spike),
    ranged<&Project::wip_stage_other, 1, 100000>(field::project::wip_stage_other),
    ranged<&Project::checkin_weekday, 0, 6>(field::project::checkin_weekday),
    ranged<&Project::checkin_hour_utc, 0, 23>(field::project::checkin_hour_utc)};
  return f;
}
template <> std::span<const FieldDef<Person>> fields_of<Person>() {
  static constexpr FieldDef<Person> f[] = {
    member<&Person::name>(field::person::name), member<&Person::role>(field::person::role),
    member<&Person::time_zone>(field::person::time_zone),
    member<&Person::responsibility>(field::person::responsibility),
    ranged<&Person::capacity_days_per_week, 0, 7>(field::person::capacity_days_per_week)};
  return f;
}
template <> std::span<const FieldDef<Metric>> fields_of<Metric>() {
  static constexpr FieldDef<Metric> f[] = {
    member<&Metric::name>(field::metric::name), member<&Metric::level>(field::metric::level),
    member<&Metric::unit>(field::metric::unit), member<&Metric::direction>(field::metric::direction),
    member<&Metric::baseline>(field::metric::baseline), member<&Metric::target>(field::metric::target),
    ranged<&Metric::value_per_unit, 0, 2000000000>(field::metric::value_per_unit)};
  return f;
}
template <> std::span<const FieldDef<MetricReading>> fields_of<MetricReading>() {
  static constexpr FieldDef<MetricReading> f[] = {
    member<&MetricReading::on>(field::metric_reading::on),
    member<&MetricReading::value>(field::metric_reading::value),
    member<&MetricReading::note>(field::metric_reading::note)};
  return f;
}
template <> std::span<const FieldDef<DataSource>> fields_of<DataSource>() {
  static constexpr FieldDef<DataSource> f[] = {
    member<&DataSource::name>(field::data_source::name), member<&DataSource::owner>(field::data_source::owner),
    member<&DataSource::licence>(field::data_source::licence),
    member<&DataSource::personal_data>(field::data_source::personal_data),
    member<&DataSource::status>(field::data_source::status), member<&DataSource::notes>(field::data_source::notes)};
  return f;
}
template <> std::span<const FieldDef<Task>> fields_of<Task>() {
  static constexpr FieldDef<Task> f[] = {
    member<&Task::title>(field::task::title), member<&Task::description>(field::task::description),
    member<&Task::status>(field::task::status), member<&Task::stage>(field::task::stage),
    member<&Task::assignee>(field::task::assignee),
    ranged<&Task::optimistic_days, 0, kMaxDays>(field::task::optimistic_days),
    ranged<&Task::likely_days, 0, kMaxDays>(field::task::likely_days),
    ranged<&Task::pessimistic_days, 0, kMaxDays>(field::task::pessimistic_days),
    ranged<&Task::buffer_override, 1, 10>(field::task::buffer_override),
    ranged<&Task::actual_days, 0, kMaxDays>(field::task::actual_days), member<&Task::start>(field::task::start),
    member<&Task::due>(field::task::due), member<&Task::tags>(field::task::tags),
    member<&Task::sprint>(field::task::sprint), member<&Task::order>(field::task::order)};
  return f;
}
template <> std::span<const FieldDef<ChecklistItem>> fields_of<ChecklistItem>() {
  static constexpr FieldDef<ChecklistItem> f[] = {
    member<&ChecklistItem::text>(field::checklist_item::text),
    member<&ChecklistItem::done>(field::checklist_item::done),
    member<&ChecklistItem::order>(field::checklist_item::order)};
  return f;
}
template <> std::span<const FieldDef<Dependency>> fields_of<Dependency>() {
  static constexpr FieldDef<Dependency> f[] = {
    member<&Dependency::predecessor>(field::dependency::predecessor),
    member<&Dependency::type>(field::dependency::type),
    ranged<&Dependency::lag_days, -kMaxDays, kMaxDays>(field::dependency::lag_days)};
  return f;
}
template <> std::span<const FieldDef<Blocker>> fields_of<Blocker>() {
  static constexpr FieldDef<Blocker> f[] = {
    member<&Blocker::text>(field::blocker::text), member<&Blocker::since>(field::blocker::since),
    member<&Blocker::blocking_task>(field::blocker::blocking_task),
    member<&Blocker::resolved>(field::blocker::resolved)};
  return f;
}
template <> std::span<const FieldDef<Sprint>> fields_of<Sprint>() {
  static constexpr FieldDef<Sprint> f[] = {
    member<&Sprint::name>(field::sprint::name), member<&Sprint::kind>(field::sprint::kind),
    member<&Sprint::goal>(field::sprint::goal), member<&Sprint::start>(field::sprint::start),
    member<&Sprint::end>(field::sprint::end)};
  return f;
}
template <> std::span<const FieldDef<Gate>> fields_of<Gate>() {
  static constexpr FieldDef<Gate> f[] = {
    member<&Gate::name>(field::gate::name), member<&Gate::due>(field::gate::due),
    member<&Gate::decision>(field::gate::decision), member<&Gate::decided_on>(field::gate::decided_on),
    member<&Gate::rationale>(field::gate::rationale), member<&Gate::evidence>(field::gate::evidence),
    member<&Gate::milestone>(field::gate::milestone)};
  return f;
}
template <> std::span<const FieldDef<GateCriterion>> fields_of<GateCriterion>() {
  static constexpr FieldDef<GateCriterion> f[] = {
    member<&GateCriterion::metric>(field::gate_criterion::metric),
    member<&GateCriterion::comparison>(field::gate_criterion::comparison),
    member<&GateCriterion::threshold>(field::gate_criterion::threshold)};
  return f;
}
template <> std::span<const FieldDef<Risk>> fields_of<Risk>() {
  static constexpr FieldDef<Risk> f[] = {
    member<&Risk::title>(field::risk::title), member<&Risk::category>(field::risk::category),
    ranged<&Risk::likelihood, 1, 5>(field::risk::likelihood), ranged<&Risk::impact, 1, 5>(field::risk::impact),
    member<&Risk::owner>(field::risk::owner), member<&Risk::mitigation>(field::risk::mitigation),
    member<&Risk::status>(field::risk::status),
    ranged<&Risk::review_every_days, 1, 3660>(field::risk::review_every_days),
    member<&Risk::next_review>(field::risk::next_review)};
  return f;
}
template <> std::span<const FieldDef<Experiment>> fields_of<Experiment>() {
  static constexpr FieldDef<Experiment> f[] = {
    member<&Experiment::title>(field::experiment::title),
    member<&Experiment::hypothesis>(field::experiment::hypothesis),
    member<&Experiment::status>(field::experiment::status),
    member<&Experiment::dataset_version>(field::experiment::dataset_version),
    member<&Experiment::model_version>(field::experiment::model_version),
    member<&Experiment::parameters>(field::experiment::parameters),
    ranged<&Experiment::gpu_hours, 0, 100000000>(field::experiment::gpu_hours),
    ranged<&Experiment::cost, 0, 2000000000>(field::experiment::cost),
    member<&Experiment::notes>(field::experiment::notes), member<&Experiment::on>(field::experiment::on)};
  return f;
}
template <> std::span<const FieldDef<ExperimentResult>> fields_of<ExperimentResult>() {
  static constexpr FieldDef<ExperimentResult> f[] = {
    member<&ExperimentResult::metric>(field::experiment_result::metric),
    member<&ExperimentResult::value>(field::experiment_result::value)};
  return f;
}
template <> std::span<const FieldDef<ExternalRun>> fields_of<ExternalRun>() {
  static constexpr FieldDef<ExternalRun> f[] = {
    member<&ExternalRun::system>(field::external_run::system),
    member<&ExternalRun::run_id>(field::external_run::run_id), member<&ExternalRun::url>(field::external_run::url)};
  return f;
}
template <> std::span<const FieldDef<CheckIn>> fields_of<CheckIn>() {
  static constexpr FieldDef<CheckIn> f[] = {
    member<&CheckIn::person>(field::check_in::person), member<&CheckIn::week>(field::check_in::week),
    member<&CheckIn::done>(field::check_in::done), member<&CheckIn::next>(field::check_in::next),
    member<&CheckIn::blockers>(field::check_in::blockers)};
  return f;
}
template <> std::span<const FieldDef<PostMortem>> fields_of<PostMortem>() {
  static constexpr FieldDef<PostMortem> f[] = {
    member<&PostMortem::title>(field::post_mortem::title), member<&PostMortem::subject>(field::post_mortem::subject),
    member<&PostMortem::on>(field::post_mortem::on), member<&PostMortem::went_well>(field::post_mortem::went_well),
    member<&PostMortem::went_wrong>(field::post_mortem::went_wrong),
    member<&PostMortem::root_causes>(field::post_mortem::root_causes)};
  return f;
}
template <> std::span<const FieldDef<ActionItem>> fields_of<ActionItem>() {
  static constexpr FieldDef<ActionItem> f[] = {
    member<&ActionItem::text>(field::action_item::text), member<&ActionItem::owner>(field::action_item::owner),
    member<&ActionItem::task>(field::action_item::task), member<&ActionItem::done>(field::action_item::done)};
  return f;
}
template <> std::span<const FieldDef<Decision>> fields_of<Decision>() {
  static constexpr FieldDef<Decision> f[] = {
    member<&Decision::title>(field::decision::title), member<&Decision::on>(field::decision::on),
    member<&Decision::decision>(field::decision::decision), member<&Decision::rationale>(field::decision::rationale),
    member<&Decision::gate>(field::decision::gate)};
  return f;
}
template <> std::span<const FieldDef<SavedFilter>> fields_of<SavedFilter>() {
  static constexpr FieldDef<SavedFilter> f[] = {
    member<&SavedFilter::name>(field::saved_filter::name), member<&SavedFilter::text>(field::saved_filter::text),
    member<&SavedFilter::status>(field::saved_filter::status),
    member<&SavedFilter::stage>(field::saved_filter::stage),
    member<&SavedFilter::assignee>(field::saved_filter::assignee),
    member<&SavedFilter::sprint>(field::saved_filter::sprint),
    member<&SavedFilter::only_blocked>(field::saved_filter::only_blocked),
    member<&SavedFilter::tag>(field::saved_filter::tag)};
  return f;
}
template <> std::span<const FieldDef<Baseline>> fields_of<Baseline>() {
  static constexpr FieldDef<Baseline> f[] = {
    member<&Baseline::name>(field::baseline::name), member<&Baseline::taken_at>(field::baseline::taken_at),
    member<&Baseline::finish>(field::baseline::finish)};
  return f;
}
template <> std::span<const FieldDef<BaselineTask>> fields_of<BaselineTask>() {
  static constexpr FieldDef<BaselineTask> f[] = {
    member<&BaselineTask::task>(field::baseline_task::task),
    member<&BaselineTask::start>(field::baseline_task::start),
    member<&BaselineTask::finish>(field::baseline_task::finish),
    ranged<&BaselineTask::estimate_days, 0, kMaxDays>(field::baseline_task::estimate_days)};
  return f;
}
template <> std::span<const FieldDef<Report>> fields_of<Report>() {
  static constexpr FieldDef<Report> f[] = {
    member<&Report::taken_at>(field::report::taken_at), member<&Report::audience>(field::report::audience),
    member<&Report::markdown>(field::report::markdown),
    ranged<&Report::tasks_done, 0, 100000000>(field::report::tasks_done),
    ranged<&Report::tasks_total, 0, 100000000>(field::report::tasks_total),
    ranged<&Report::open_blockers, 0, 100000000>(field::report::open_blockers),
    member<&Report::forecast_p80>(field::report::forecast_p80),
    member<&Report::planned_finish>(field::report::planned_finish), member<&Report::health>(field::report::health),
    member<&Report::metric_values>(field::report::metric_values)};
  return f;
}
// clang-format on

}  // namespace cairn
