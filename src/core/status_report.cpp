#include "core/status_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "core/gate_forecast.h"
#include "core/schedule_input.h"

namespace cairn {
namespace {

constexpr std::int64_t kMsPerDay = 86400000;
constexpr int kDaysLookedBackWithoutReport = 7;

std::string quoted(const std::string& text) { return "\u201c" + (text.empty() ? std::string("(untitled)") : text) + "\u201d"; }

std::string title_of(const Workspace& ws, Id task) {
  const Task* t = ws.find<Task>(task);
  return t ? t->title : std::string();
}

// Thousands separators on the integer part: "1234567.5" -> "1,234,567.5".
std::string group_thousands(std::string digits) {
  const std::size_t start = digits[0] == '-' ? 1 : 0;
  std::size_t end = digits.find('.');
  if (end == std::string::npos) end = digits.size();
  for (std::size_t i = end; i > start + 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

// A metric value as people write it: at most 4 decimals, no trailing zeros.
std::string number_text(double x) {
  char text[64];
  std::snprintf(text, sizeof text, "%.4f", x);
  std::string s = text;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return group_thousands(s);
}

std::string with_unit(double x, const std::string& unit) {
  if (unit.empty()) return number_text(x);
  if (unit == "%") return number_text(x) + "%";
  return number_text(x) + " " + unit;
}

// A difference in the metric's unit: "4 points" for percentages (a change of
// a percentage is in percentage points), else "0.04" or "120 ms".
std::string amount_text(double x, const std::string& unit) {
  if (unit == "%") return number_text(x) + (std::abs(x) == 1.0 ? " point" : " points");
  return with_unit(x, unit);
}

std::string signed_amount(double x, const std::string& unit) {
  return (x > 0 ? "+" : x < 0 ? "\u2212" : "\u00b1") + amount_text(std::abs(x), unit);
}

std::string percent_text(double share) {
  char text[32];
  const double p = std::abs(share) * 100.0;
  std::snprintf(text, sizeof text, p >= 10 || p == std::floor(p) ? "%.0f%%" : "%.1f%%", p);
  return text;
}

std::string days_text(std::int64_t days, const char* what = "working day") {
  return std::to_string(days) + " " + what + (days == 1 || days == -1 ? "" : "s");
}

// "(+4 points)", "(+0.04, +5.1%)", "(down 12%)", "(up 120 ms)".
std::string change_text(const Metric& m, const BusinessValue& v) {
  const double change = *v.change;
  if (m.direction == Direction::lower_is_better) {
    if (change == 0) return "(unchanged)";
    return std::string(change < 0 ? "(down " : "(up ") + (v.relative ? percent_text(*v.relative) : amount_text(std::abs(change), m.unit)) + ")";
  }
  std::string text = "(" + signed_amount(change, m.unit);
  if (v.relative && m.unit != "%" && change != 0) text += ", " + std::string(change > 0 ? "+" : "\u2212") + percent_text(*v.relative);
  return text + ")";
}

std::string money_text(const Metric& m, const BusinessValue& v, const std::string& currency) {
  if (!v.monthly) return m.value_per_unit ? "" : "; no value per unit set in the charter";
  if (*v.monthly == 0) return ": no change yet, so no value yet";
  const std::string money = " \u2248 " + format_money(std::abs(*v.monthly), currency) + " a month";
  if (*v.monthly < 0) return money + " lost";
  return money + (m.direction == Direction::lower_is_better ? " saved" : "");
}

std::string metric_sentence(const Metric& m, std::optional<double> latest, const BusinessValue& v,
                            const std::string& currency) {
  const std::string name = m.name.empty() ? "(unnamed metric)" : m.name;
  if (!latest)
    return name + ": no measurement yet" + (m.baseline ? " (baseline " + with_unit(*m.baseline, m.unit) + ")" : "");
  if (!m.baseline) return name + " " + with_unit(*latest, m.unit) + ": no baseline to measure the improvement from";
  return name + " " + with_unit(*m.baseline, m.unit) + " \u2192 " + with_unit(*latest, m.unit) + " " + change_text(m, v) +
         money_text(m, v, currency);
}

std::string target_sentence(const Metric& m, std::optional<double> latest, const BusinessValue& v,
                            const std::string& currency) {
  if (!m.target) return "no target set";
  std::string text = "target " + with_unit(*m.target, m.unit);
  if (!latest) return text;
  if (v.target_met) return text + " met";
  text += ": " + amount_text(*v.to_target, m.unit) + " to go";
  if (v.at_target) {
    const double more = *v.at_target - v.monthly.value_or(0);
    if (more > 0) text += ", \u2248 " + format_money(more, currency) + " a month more when reached";
  }
  return text;
}

// "metric-id=value" texts of a kept report, by metric.
std::unordered_map<Id, double> parse_metric_values(const StringList& list) {
  std::unordered_map<Id, double> out;
  for (const std::string& entry : list) {
    const std::size_t eq = entry.rfind('=');
    if (eq == std::string::npos) continue;
    const auto id = Id::parse(std::string_view(entry).substr(0, eq));
    const std::string number = entry.substr(eq + 1);
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (id && !number.empty() && end == number.c_str() + number.size() && std::isfinite(value)) out[*id] = value;
  }
  return out;
}

void fill_counts(const Workspace& ws, const std::vector<const Task*>& tasks, Date today, StatusReport& r) {
  for (const Task* t : tasks) {
    ++r.tasks_total;
    r.tasks_done += t->status == TaskStatus::done ? 1 : 0;
    r.tasks_in_progress += t->status == TaskStatus::in_progress ? 1 : 0;
    r.tasks_blocked += t->status == TaskStatus::blocked ? 1 : 0;
    if (t->status == TaskStatus::done) continue;
    for (const Blocker* b : children_in_id_order<Blocker>(ws, t->id)) {
      if (b->resolved) continue;
      ++r.open_blockers;
      BlockerLine line{b->text, t->title, {}, {}};
      if (!b->blocking_task.nil()) line.blocked_by = title_of(ws, b->blocking_task);
      if (b->since) line.age_days = today.days - b->since->days;
      r.blockers.push_back(std::move(line));
    }
  }
  std::sort(r.blockers.begin(), r.blockers.end(), [](const BlockerLine& a, const BlockerLine& b) {
    if (a.age_days.has_value() != b.age_days.has_value()) return a.age_days.has_value();
    if (a.age_days != b.age_days) return *a.age_days > *b.age_days;
    return a.text != b.text ? a.text < b.text : a.task < b.task;
  });
}

void fill_metrics(const Workspace& ws, Id project, const std::unordered_map<Id, double>& previous, StatusReport& r) {
  std::vector<const Metric*> metrics = children_in_id_order<Metric>(ws, project);
  std::sort(metrics.begin(), metrics.end(),
            [](const Metric* a, const Metric* b) { return a->name != b->name ? a->name < b->name : a->id < b->id; });
  for (const Metric* m : metrics) {
    MetricLine line;
    line.metric = m->id;
    line.name = m->name;
    line.unit = m->unit;
    line.level = m->level;
    line.direction = m->direction;
    line.baseline = m->baseline;
    line.target = m->target;
    line.value_per_unit = m->value_per_unit;
    if (const auto latest = latest_value(ws, m->id)) {
      line.latest = latest->value;
      line.latest_source = latest->source;
    }
    if (const auto it = previous.find(m->id); it != previous.end()) line.previous = it->second;
    line.value = business_value(*m, line.latest);
    line.sentence = metric_sentence(*m, line.latest, line.value, r.currency);
    line.target_text = target_sentence(*m, line.latest, line.value, r.currency);
    if (line.value.monthly) r.total_monthly_value = r.total_monthly_value.value_or(0) + *line.value.monthly;
    if (line.previous && line.latest && *line.previous != *line.latest)
      r.since.metric_changes.push_back((m->name.empty() ? "(unnamed metric)" : m->name) + " " +
                                       with_unit(*line.previous, m->unit) + " \u2192 " + with_unit(*line.latest, m->unit) +
                                       " (" + signed_amount(*line.latest - *line.previous, m->unit) + ")");
    r.metrics.push_back(std::move(line));
  }
  // What is worth most comes first; unpriced metrics keep the name order.
  std::stable_sort(r.metrics.begin(), r.metrics.end(), [](const MetricLine& a, const MetricLine& b) {
    return a.value.monthly.value_or(-1e300) > b.value.monthly.value_or(-1e300);
  });
}

// Tasks done now whose status became done after `since` (their history).
std::vector<std::string> done_since(const Workspace& ws, const std::vector<const Task*>& tasks, Timestamp since) {
  std::vector<std::pair<Timestamp, std::string>> found;
  for (const Task* t : tasks) {
    if (t->status != TaskStatus::done) continue;
    const std::vector<Change>& log = ws.history(t->id);
    for (auto it = log.rbegin(); it != log.rend(); ++it) {
      const auto* after = std::get_if<std::string>(&it->after);
      if (it->what != field::task::status.name || !after || *after != "done") continue;
      if (it->at > since) found.emplace_back(it->at, t->title);
      break;  // the newest time it became done is the one that counts
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [at, title] : found) out.push_back(std::move(title));
  return out;
}

void fill_since(const Workspace& ws, const std::vector<const Task*>& tasks, Date today, const Report* last,
                StatusReport& r) {
  SinceLastReport& s = r.since;
  s.has_last = last != nullptr;
  s.since = last ? last->taken_at : Timestamp{std::int64_t{today.days - kDaysLookedBackWithoutReport} * kMsPerDay};
  s.done = done_since(ws, tasks, s.since);
  if (!last) return;
  s.tasks_done_then = last->tasks_done;
  s.tasks_total_then = last->tasks_total;
  s.open_blockers_then = last->open_blockers;
  s.p80_then = last->forecast_p80;
  s.planned_finish_then = last->planned_finish;
  s.health_then = last->health;
}

void fill_gates(const Workspace& ws, Id project, Date today, const ProjectPlan& plan,
                const MonteCarloForecast* forecast, StatusReport& r) {
  std::unordered_map<Id, GateForecast> linked;
  if (forecast)
    for (const GateForecast& f : gate_forecasts(ws, plan, *forecast)) linked.emplace(f.gate, f);
  for (const GateStatus& status : gates_of(ws, project, today)) {
    const Gate* g = ws.find<Gate>(status.gate);
    if (!g || g->decision != GateDecision::pending) continue;
    GateLine line;
    line.name = g->name;
    line.due = g->due;
    line.days_left = status.days_left;
    line.missed = status.missed;
    for (const CriterionResult& c : status.criteria) {
      line.met += c.state == CriterionState::met ? 1 : 0;
      std::string text = (c.metric_name.empty() ? std::string("(no metric)") : c.metric_name) + " " +
                         comparison_symbol(c.comparison) + " " + number_text(c.threshold) + ": ";
      if (c.state == CriterionState::no_data) text += "no data yet";
      else text += std::string(c.state == CriterionState::met ? "met" : "not met") + " (" +
                   number_text(c.latest->value) + ", " + c.latest->source + ")";
      line.criteria.push_back(std::move(text));
    }
    if (const auto it = linked.find(g->id); it != linked.end()) {
      line.waits_for = title_of(ws, it->second.task);
      if (g->due && *g->due >= today) line.finish_probability = it->second.chance_by_due;
    } else if (forecast && forecast->iterations() > 0 && g->due && *g->due >= today) {
      line.finish_probability = forecast->probability_by(*g->due);
    }
    r.gates.push_back(std::move(line));
  }
}

void fill_risks(const Workspace& ws, Id project, StatusReport& r) {
  std::vector<const Risk*> risks;
  for (const Risk* risk : children_in_id_order<Risk>(ws, project))
    if (risk->status != RiskStatus::closed) risks.push_back(risk);
  std::sort(risks.begin(), risks.end(), [](const Risk* a, const Risk* b) {
    if (risk_score(*a) != risk_score(*b)) return risk_score(*a) > risk_score(*b);
    if (a->impact != b->impact) return a->impact > b->impact;
    return a->title != b->title ? a->title < b->title : a->id < b->id;
  });
  for (const Risk* risk : risks)
    r.risks.push_back({risk->title, risk->owner, risk->mitigation, risk_score(*risk), risk_level(*risk), risk->status});
}

void fill_budget(const Workspace& ws, const Project& project, StatusReport& r) {
  r.budget = project.budget;
  for (const Experiment* e : children_in_id_order<Experiment>(ws, project.id)) {
    ++r.experiments;
    r.spent += e->cost.value_or(0);
    r.gpu_hours += e->gpu_hours.value_or(0);
  }
}

// ", mostly because “A” slipped 4 working days": the task that slipped most;
// among equal slips the one planned to start first, since tasks after it in
// a chain usually slipped because of it.
std::string slip_cause(const Workspace& ws, const BaselineVariance& v) {
  const TaskVariance* cause = nullptr;
  for (const TaskVariance& t : v.tasks) {  // most slip first
    if (t.finish_slip <= 0 || (cause && t.finish_slip < cause->finish_slip)) break;
    if (!cause || t.baseline_start < cause->baseline_start) cause = &t;
  }
  if (cause) return ", mostly because " + quoted(title_of(ws, cause->task)) + " slipped " + days_text(cause->finish_slip);
  if (!v.added.empty())
    return ", mostly because " + days_text(static_cast<std::int64_t>(v.added.size()), "task") + " " +
           (v.added.size() == 1 ? "was" : "were") + " added since";
  return "";
}

void fill_timeline(const Workspace& ws, Id project, const Schedule& schedule, StatusReport& r) {
  const std::vector<const Baseline*> baselines = baselines_of(ws, project);
  if (baselines.empty()) return;
  const Baseline& b = *baselines.front();
  const BaselineVariance v = variance(ws, b.id, planned_dates(ws, project, schedule));
  TimelineLines& t = r.timeline;
  t.has_baseline = true;
  t.baseline_name = b.name;
  t.baseline_taken = date_of(b.taken_at);
  t.baseline_finish = v.baseline_finish;
  t.finish = v.finish;
  t.finish_slip = v.finish_slip;
  if (!v.finish_slip) {
    t.summary = "There is no finish to compare with the baseline " + quoted(b.name) + " of " +
                human_date(t.baseline_taken) + ".";
  } else if (*v.finish_slip > 0) {
    t.summary = "The plan now finishes on " + human_date(*v.finish) + ", " + days_text(*v.finish_slip) +
                " later than the baseline of " + human_date(*v.baseline_finish) + slip_cause(ws, v) + ".";
  } else if (*v.finish_slip < 0) {
    t.summary = "The plan now finishes on " + human_date(*v.finish) + ", " + days_text(-*v.finish_slip) +
                " earlier than the baseline of " + human_date(*v.baseline_finish) + ".";
  } else {
    t.summary = "The plan still finishes on " + human_date(*v.finish) + ", as in the baseline.";
  }
  constexpr std::size_t kSlippedShown = 5;
  for (const TaskVariance& tv : v.tasks) {
    if (tv.finish_slip <= 0 || t.slipped.size() == kSlippedShown) break;
    t.slipped.push_back(quoted(title_of(ws, tv.task)) + ": " + days_text(tv.finish_slip) + " later (finish " +
                        human_date(tv.baseline_finish) + " \u2192 " + human_date(tv.finish) + ")");
  }
  const std::vector<std::string> lines = describe_variance(ws, v);
  if (lines.size() > 1) t.other.assign(lines.begin() + 1, lines.end());
}

}  // namespace

BusinessValue business_value(const Metric& metric, std::optional<double> latest) {
  BusinessValue v;
  const double sign = metric.direction == Direction::higher_is_better ? 1.0 : -1.0;
  if (latest && metric.target) {
    v.to_target = (*metric.target - *latest) * sign;
    v.target_met = *v.to_target <= 0;
  }
  if (metric.baseline && metric.target && metric.value_per_unit)
    v.at_target = (*metric.target - *metric.baseline) * sign * *metric.value_per_unit;
  if (!latest || !metric.baseline) return v;
  v.change = *latest - *metric.baseline;
  v.improvement = *v.change * sign;
  if (*metric.baseline != 0) v.relative = *v.change / std::abs(*metric.baseline);
  if (metric.value_per_unit) v.monthly = *v.improvement * *metric.value_per_unit;
  return v;
}

std::string format_money(double amount, std::string_view currency) {
  const double rounded = std::round(amount);
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.0f", std::abs(rounded));
  const std::string number = group_thousands(digits);
  const std::string minus = rounded < 0 ? "-" : "";
  if (currency == "USD") return minus + "$" + number;
  if (currency == "EUR") return minus + "\u20ac" + number;
  if (currency == "GBP") return minus + "\u00a3" + number;
  if (currency == "JPY") return minus + "\u00a5" + number;
  return minus + number + (currency.empty() ? "" : " " + std::string(currency));
}

std::string human_date(Date date) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::string iso = format_date(date);  // "2026-11-28"
  const int month = std::atoi(iso.substr(5, 2).c_str());
  const int day = std::atoi(iso.substr(8, 2).c_str());
  if (month < 1 || month > 12) return iso;
  return std::to_string(day) + " " + kMonths[month - 1] + " " + iso.substr(0, 4);
}

std::string_view health_key(Health health) {
  switch (health) {
    case Health::on_track: return "on_track";
    case Health::at_risk: return "at_risk";
    case Health::off_track: return "off_track";
  }
  return "";
}

std::vector<const Report*> reports_of(const Workspace& workspace, Id project) {
  std::vector<const Report*> out = children_in_id_order<Report>(workspace, project);
  std::sort(out.begin(), out.end(), [](const Report* a, const Report* b) {
    return a->taken_at != b->taken_at ? a->taken_at > b->taken_at : a->id < b->id;
  });
  return out;
}

std::size_t report_forecast_runs(std::size_t tasks) {
  if (tasks <= 200) return 10000;
  return std::max<std::size_t>(1000, 2000000 / tasks);
}

StatusReport compute_status_report(const Workspace& workspace, Id project_id, Date today, ReportAudience audience,
                                   const Report* last, const ProjectPlan& plan, const Schedule& schedule,
                                   const MonteCarloForecast* forecast) {
  StatusReport r;
  r.project = project_id;
  r.today = today;
  r.audience = audience;
  const Project* project = workspace.find<Project>(project_id);
  if (!project) return r;
  r.project_name = project->name;
  r.currency = project->budget_currency;
  r.health = project_health(workspace, project_id, today);
  const std::vector<const Task*> tasks = children_in_id_order<Task>(workspace, project_id);
  fill_counts(workspace, tasks, today, r);
  r.unestimated = plan.unestimated.size();
  if (r.tasks_done < r.tasks_total) {
    r.planned_finish = schedule.finish_date;
    if (forecast && forecast->iterations() > 0) {
      const FinishForecast f = forecast->project();
      r.forecast = ForecastLine{forecast->iterations(), f.p50, f.p80, f.p95};
    }
  }
  fill_since(workspace, tasks, today, last, r);
  fill_metrics(workspace, project_id, last ? parse_metric_values(last->metric_values) : std::unordered_map<Id, double>{}, r);
  fill_gates(workspace, project_id, today, plan, r.forecast ? forecast : nullptr, r);
  fill_risks(workspace, project_id, r);
  fill_budget(workspace, *project, r);
  fill_timeline(workspace, project_id, schedule, r);
  return r;
}

StatusReport compute_status_report(const Workspace& workspace, Id project, Date today, ReportAudience audience) {
  const ProjectPlan plan = schedule_input_from(workspace, project, CalendarOptions{today, {}});
  const Schedule schedule = compute_schedule(plan.input);
  std::optional<MonteCarloForecast> forecast;
  if (!plan.input.tasks.empty()) {
    forecast.emplace(forecast_input_from(plan, DurationDistribution::pert_beta, kReportForecastSeed));
    forecast->run(report_forecast_runs(plan.input.tasks.size()));
  }
  const std::vector<const Report*> kept = reports_of(workspace, project);
  return compute_status_report(workspace, project, today, audience, kept.empty() ? nullptr : kept.front(), plan,
                               schedule, forecast ? &*forecast : nullptr);
}

Command keep_report_command(const StatusReport& report, std::string markdown, Timestamp now, IdSource& ids,
                            Id* created) {
  StringList metric_values;
  for (const MetricLine& m : report.metrics) {
    if (!m.latest) continue;
    char number[40];
    std::snprintf(number, sizeof number, "%.17g", *m.latest);
    metric_values.push_back(m.metric.to_string() + "=" + number);
  }
  auto date_or_null = [](std::optional<Date> d) -> Value { return d ? Value{*d} : Value{Null{}}; };
  const Id id = ids.next();
  if (created) *created = id;
  Command c;
  c.label = "Keep status report";
  namespace f = field::report;
  c.ops.push_back(create_op<Report>(
      id, report.project,
      {{f::taken_at, now},
       {f::audience, std::string(enum_name(report.audience))},
       {f::markdown, std::move(markdown)},
       {f::tasks_done, report.tasks_done},
       {f::tasks_total, report.tasks_total},
       {f::open_blockers, report.open_blockers},
       {f::forecast_p80, date_or_null(report.forecast ? std::optional<Date>(report.forecast->p80) : std::nullopt)},
       {f::planned_finish, date_or_null(report.planned_finish)},
       {f::health, std::string(health_key(report.health.health))},
       {f::metric_values, std::move(metric_values)}}));
  return c;
}

}  // namespace cairn
