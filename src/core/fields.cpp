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

template <auto Member>
constexpr FieldDef<ObjectOf<Member>> field(std::string_view name) {
  using T = ObjectOf<Member>;
  return {name, [](const T& item) { return to_value(item.*Member); },
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
constexpr FieldDef<ObjectOf<Member>> ranged(std::string_view name) {
  using T = ObjectOf<Member>;
  return {name, [](const T& item) { return to_value(item.*Member); },
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
constexpr FieldDef<ObjectOf<Member>> dates(std::string_view name) {
  using T = ObjectOf<Member>;
  return {name, [](const T& item) { return to_value(item.*Member); },
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
    field<&Project::name>("name"), field<&Project::domain>("domain"), field<&Project::phase>("phase"),
    field<&Project::problem>("problem"), field<&Project::business_goal>("business_goal"),
    field<&Project::scope_in>("scope_in"), field<&Project::scope_out>("scope_out"),
    ranged<&Project::latency_p95_ms, 0, 3600000>("latency_p95_ms"), ranged<&Project::budget, 0, 2000000000>("budget"),
    field<&Project::budget_currency>("budget_currency"), field<&Project::compliance>("compliance"),
    ranged<&Project::buffer_data_collection, 1, 10>("buffer_data_collection"),
    ranged<&Project::buffer_labelling, 1, 10>("buffer_labelling"), ranged<&Project::buffer_other, 1, 10>("buffer_other"),
    field<&Project::archived>("archived"), dates<&Project::holidays>("holidays"), ranged<&Project::wip_todo, 1, 100000>("wip_todo"),
    ranged<&Project::wip_in_progress, 1, 100000>("wip_in_progress"),
    ranged<&Project::wip_blocked, 1, 100000>("wip_blocked"),
    ranged<&Project::wip_stage_data_collection, 1, 100000>("wip_stage_data_collection"),
    ranged<&Project::wip_stage_labelling, 1, 100000>("wip_stage_labelling"),
    ranged<&Project::wip_stage_features, 1, 100000>("wip_stage_features"),
    ranged<&Project::wip_stage_training, 1, 100000>("wip_stage_training"),
    ranged<&Project::wip_stage_evaluation, 1, 100000>("wip_stage_evaluation"),
    ranged<&Project::wip_stage_deployment, 1, 100000>("wip_stage_deployment"),
    ranged<&Project::wip_stage_monitoring, 1, 100000>("wip_stage_monitoring"),
    ranged<&Project::wip_stage_research_spike, 1, 100000>("wip_stage_research_spike"),
    ranged<&Project::wip_stage_other, 1, 100000>("wip_stage_other"),
    ranged<&Project::checkin_weekday, 0, 6>("checkin_weekday"),
    ranged<&Project::checkin_hour_utc, 0, 23>("checkin_hour_utc")};
  return f;
}
template <> std::span<const FieldDef<Person>> fields_of<Person>() {
  static constexpr FieldDef<Person> f[] = {
    field<&Person::name>("name"), field<&Person::role>("role"), field<&Person::time_zone>("time_zone"),
    field<&Person::responsibility>("responsibility"),
    ranged<&Person::capacity_days_per_week, 0, 7>("capacity_days_per_week")};
  return f;
}
template <> std::span<const FieldDef<Metric>> fields_of<Metric>() {
  static constexpr FieldDef<Metric> f[] = {
    field<&Metric::name>("name"), field<&Metric::level>("level"), field<&Metric::unit>("unit"),
    field<&Metric::direction>("direction"), field<&Metric::baseline>("baseline"), field<&Metric::target>("target"),
    ranged<&Metric::value_per_unit, 0, 2000000000>("value_per_unit")};
  return f;
}
template <> std::span<const FieldDef<MetricReading>> fields_of<MetricReading>() {
  static constexpr FieldDef<MetricReading> f[] = {
    field<&MetricReading::on>("on"), field<&MetricReading::value>("value"), field<&MetricReading::note>("note")};
  return f;
}
template <> std::span<const FieldDef<DataSource>> fields_of<DataSource>() {
  static constexpr FieldDef<DataSource> f[] = {
    field<&DataSource::name>("name"), field<&DataSource::owner>("owner"), field<&DataSource::licence>("licence"),
    field<&DataSource::personal_data>("personal_data"), field<&DataSource::status>("status"),
    field<&DataSource::notes>("notes")};
  return f;
}
template <> std::span<const FieldDef<Task>> fields_of<Task>() {
  static constexpr FieldDef<Task> f[] = {
    field<&Task::title>("title"), field<&Task::description>("description"), field<&Task::status>("status"),
    field<&Task::stage>("stage"), field<&Task::assignee>("assignee"),
    ranged<&Task::optimistic_days, 0, kMaxDays>("optimistic_days"),
    ranged<&Task::likely_days, 0, kMaxDays>("likely_days"),
    ranged<&Task::pessimistic_days, 0, kMaxDays>("pessimistic_days"),
    ranged<&Task::buffer_override, 1, 10>("buffer_override"), ranged<&Task::actual_days, 0, kMaxDays>("actual_days"),
    field<&Task::start>("start"), field<&Task::due>("due"), field<&Task::tags>("tags"), field<&Task::sprint>("sprint"),
    field<&Task::order>("order")};
  return f;
}
template <> std::span<const FieldDef<ChecklistItem>> fields_of<ChecklistItem>() {
  static constexpr FieldDef<ChecklistItem> f[] = {
    field<&ChecklistItem::text>("text"), field<&ChecklistItem::done>("done"), field<&ChecklistItem::order>("order")};
  return f;
}
template <> std::span<const FieldDef<Dependency>> fields_of<Dependency>() {
  static constexpr FieldDef<Dependency> f[] = {
    field<&Dependency::predecessor>("predecessor"), field<&Dependency::type>("type"),
    ranged<&Dependency::lag_days, -kMaxDays, kMaxDays>("lag_days")};
  return f;
}
template <> std::span<const FieldDef<Blocker>> fields_of<Blocker>() {
  static constexpr FieldDef<Blocker> f[] = {
    field<&Blocker::text>("text"), field<&Blocker::since>("since"), field<&Blocker::blocking_task>("blocking_task"),
    field<&Blocker::resolved>("resolved")};
  return f;
}
template <> std::span<const FieldDef<Sprint>> fields_of<Sprint>() {
  static constexpr FieldDef<Sprint> f[] = {
    field<&Sprint::name>("name"), field<&Sprint::kind>("kind"), field<&Sprint::goal>("goal"),
    field<&Sprint::start>("start"), field<&Sprint::end>("end")};
  return f;
}
template <> std::span<const FieldDef<Gate>> fields_of<Gate>() {
  static constexpr FieldDef<Gate> f[] = {
    field<&Gate::name>("name"), field<&Gate::due>("due"), field<&Gate::decision>("decision"),
    field<&Gate::decided_on>("decided_on"), field<&Gate::rationale>("rationale"), field<&Gate::evidence>("evidence"),
    field<&Gate::milestone>("milestone")};
  return f;
}
template <> std::span<const FieldDef<GateCriterion>> fields_of<GateCriterion>() {
  static constexpr FieldDef<GateCriterion> f[] = {
    field<&GateCriterion::metric>("metric"), field<&GateCriterion::comparison>("comparison"),
    field<&GateCriterion::threshold>("threshold")};
  return f;
}
template <> std::span<const FieldDef<Risk>> fields_of<Risk>() {
  static constexpr FieldDef<Risk> f[] = {
    field<&Risk::title>("title"), field<&Risk::category>("category"), ranged<&Risk::likelihood, 1, 5>("likelihood"),
    ranged<&Risk::impact, 1, 5>("impact"), field<&Risk::owner>("owner"), field<&Risk::mitigation>("mitigation"),
    field<&Risk::status>("status"), ranged<&Risk::review_every_days, 1, 3660>("review_every_days"),
    field<&Risk::next_review>("next_review")};
  return f;
}
template <> std::span<const FieldDef<Experiment>> fields_of<Experiment>() {
  static constexpr FieldDef<Experiment> f[] = {
    field<&Experiment::title>("title"), field<&Experiment::hypothesis>("hypothesis"),
    field<&Experiment::status>("status"), field<&Experiment::dataset_version>("dataset_version"),
    field<&Experiment::model_version>("model_version"), field<&Experiment::parameters>("parameters"),
    ranged<&Experiment::gpu_hours, 0, 100000000>("gpu_hours"), ranged<&Experiment::cost, 0, 2000000000>("cost"),
    field<&Experiment::notes>("notes"), field<&Experiment::on>("on")};
  return f;
}
template <> std::span<const FieldDef<ExperimentResult>> fields_of<ExperimentResult>() {
  static constexpr FieldDef<ExperimentResult> f[] = {
    field<&ExperimentResult::metric>("metric"), field<&ExperimentResult::value>("value")};
  return f;
}
template <> std::span<const FieldDef<ExternalRun>> fields_of<ExternalRun>() {
  static constexpr FieldDef<ExternalRun> f[] = {
    field<&ExternalRun::system>("system"), field<&ExternalRun::run_id>("run_id"), field<&ExternalRun::url>("url")};
  return f;
}
template <> std::span<const FieldDef<CheckIn>> fields_of<CheckIn>() {
  static constexpr FieldDef<CheckIn> f[] = {
    field<&CheckIn::person>("person"), field<&CheckIn::week>("week"), field<&CheckIn::done>("done"),
    field<&CheckIn::next>("next"), field<&CheckIn::blockers>("blockers")};
  return f;
}
template <> std::span<const FieldDef<PostMortem>> fields_of<PostMortem>() {
  static constexpr FieldDef<PostMortem> f[] = {
    field<&PostMortem::title>("title"), field<&PostMortem::subject>("subject"), field<&PostMortem::on>("on"),
    field<&PostMortem::went_well>("went_well"), field<&PostMortem::went_wrong>("went_wrong"),
    field<&PostMortem::root_causes>("root_causes")};
  return f;
}
template <> std::span<const FieldDef<ActionItem>> fields_of<ActionItem>() {
  static constexpr FieldDef<ActionItem> f[] = {
    field<&ActionItem::text>("text"), field<&ActionItem::owner>("owner"), field<&ActionItem::task>("task"),
    field<&ActionItem::done>("done")};
  return f;
}
template <> std::span<const FieldDef<Decision>> fields_of<Decision>() {
  static constexpr FieldDef<Decision> f[] = {
    field<&Decision::title>("title"), field<&Decision::on>("on"), field<&Decision::decision>("decision"),
    field<&Decision::rationale>("rationale"), field<&Decision::gate>("gate")};
  return f;
}
template <> std::span<const FieldDef<SavedFilter>> fields_of<SavedFilter>() {
  static constexpr FieldDef<SavedFilter> f[] = {
    field<&SavedFilter::name>("name"), field<&SavedFilter::text>("text"), field<&SavedFilter::status>("status"),
    field<&SavedFilter::stage>("stage"), field<&SavedFilter::assignee>("assignee"),
    field<&SavedFilter::sprint>("sprint"), field<&SavedFilter::only_blocked>("only_blocked"),
    field<&SavedFilter::tag>("tag")};
  return f;
}
template <> std::span<const FieldDef<Baseline>> fields_of<Baseline>() {
  static constexpr FieldDef<Baseline> f[] = {
    field<&Baseline::name>("name"), field<&Baseline::taken_at>("taken_at"), field<&Baseline::finish>("finish")};
  return f;
}
template <> std::span<const FieldDef<BaselineTask>> fields_of<BaselineTask>() {
  static constexpr FieldDef<BaselineTask> f[] = {
    field<&BaselineTask::task>("task"), field<&BaselineTask::start>("start"), field<&BaselineTask::finish>("finish"),
    ranged<&BaselineTask::estimate_days, 0, kMaxDays>("estimate_days")};
  return f;
}
template <> std::span<const FieldDef<Report>> fields_of<Report>() {
  static constexpr FieldDef<Report> f[] = {
    field<&Report::taken_at>("taken_at"), field<&Report::audience>("audience"), field<&Report::markdown>("markdown"),
    ranged<&Report::tasks_done, 0, 100000000>("tasks_done"), ranged<&Report::tasks_total, 0, 100000000>("tasks_total"),
    ranged<&Report::open_blockers, 0, 100000000>("open_blockers"), field<&Report::forecast_p80>("forecast_p80"),
    field<&Report::planned_finish>("planned_finish"), field<&Report::health>("health"),
    field<&Report::metric_values>("metric_values")};
  return f;
}
// clang-format on

}  // namespace cairn
