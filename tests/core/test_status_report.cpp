// Status reports (core/status_report.h, core/report_markdown.h): the value
// model's arithmetic in both directions, what is said when a figure is
// missing, timeline changes against a baseline in plain words, progress
// since a kept report, and how the executive and team versions differ.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/baseline.h"
#include "core/command_stack.h"
#include "core/json_io.h"
#include "core/report_markdown.h"
#include "core/status_report.h"

using namespace cairn;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }
Timestamp at(const char* iso) { return parse_timestamp(iso).value(); }
Id id_of(int name) { return Id{0x5E9047, static_cast<std::uint64_t>(name)}; }

Metric metric(const char* name, Direction direction, std::optional<double> baseline, std::optional<double> target,
              std::optional<double> value_per_unit, const char* unit = "") {
  Metric m;
  m.name = name;
  m.direction = direction;
  m.baseline = baseline;
  m.target = target;
  m.value_per_unit = value_per_unit;
  m.unit = unit;
  return m;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Monday 2026-11-02 is day 0 of every schedule here (weekends off). The
// stack's clock is set by each step, so histories have known times.
const Date kMonday = day("2026-11-02");

struct Fixture {
  Workspace ws;
  Timestamp now = at("2026-11-02T09:00:00Z");
  CommandStack stack{ws, "ada", [this] { return now; }};
  IdSource ids{11};
  const Id project = id_of(100);

  Fixture() {
    run(CreateItem{"project", project, {}, {{"name", std::string("Defect detection")}, {"budget", 100000.0}}});
  }
  void run(Operation op) {
    Command c;
    c.ops.push_back(std::move(op));
    c.label = "test";
    run(std::move(c));
  }
  void run(Command c) {
    const ApplyResult r = stack.exec(std::move(c));
    REQUIRE_MESSAGE(r.ok, r.error);
  }
  void task(int n, const char* title, double likely) {
    run(CreateItem{"task", id_of(n), project, {{"title", std::string(title)}, {"likely_days", likely}, {"order", double(n)}}});
  }
  void depends(int successor, int predecessor) {
    run(CreateItem{"dependency", ids.next(), id_of(successor), {{"predecessor", id_of(predecessor)}}});
  }
  void set(int n, const char* field, Value value) { run(SetField{id_of(n), field, std::move(value)}); }
  void precision(double baseline, double target, double value_per_unit) {
    run(CreateItem{"metric", id_of(50), project,
                   {{"name", std::string("Precision")}, {"unit", std::string("%")}, {"baseline", baseline},
                    {"target", target}, {"value_per_unit", value_per_unit}}});
  }
  void reading(Date on, double value) {
    run(CreateItem{"metric_reading", ids.next(), id_of(50), {{"on", on}, {"value", value}}});
  }
  Id save_baseline(Date today) {
    Id created;
    run(save_baseline_command(project, planned_dates(ws, project, today), "Kick-off", now, ids, &created));
    return created;
  }
  StatusReport report(Date today, ReportAudience audience = ReportAudience::team) {
    return compute_status_report(ws, project, today, audience);
  }
  Id keep(Date today) {
    const StatusReport r = report(today);
    Id created;
    run(keep_report_command(r, render_markdown(r), now, ids, &created));
    return created;
  }
};

}  // namespace

TEST_SUITE("status report") {

TEST_CASE("higher is better: the improvement over the baseline times the value per unit") {
  const Metric m = metric("Precision", Direction::higher_is_better, 78.0, 85.0, 4000.0, "%");
  const BusinessValue v = business_value(m, 82.0);
  REQUIRE(v.monthly.has_value());
  CHECK(*v.change == doctest::Approx(4.0));
  CHECK(*v.improvement == doctest::Approx(4.0));
  CHECK(*v.monthly == doctest::Approx(16000.0));
  CHECK(*v.relative == doctest::Approx(4.0 / 78.0));
  CHECK(*v.at_target == doctest::Approx(7 * 4000.0));  // 78 -> 85
  CHECK(*v.to_target == doctest::Approx(3.0));
  CHECK_FALSE(v.target_met);

  Fixture f;
  f.precision(78, 85, 4000);
  f.reading(kMonday, 82);
  const StatusReport r = f.report(kMonday);
  REQUIRE(r.metrics.size() == 1);
  CHECK(r.metrics[0].sentence == "Precision 78% \u2192 82% (+4 points) \u2248 $16,000 a month");
  CHECK(r.metrics[0].target_text == "target 85%: 3 points to go, \u2248 $12,000 a month more when reached");
  REQUIRE(r.total_monthly_value.has_value());
  CHECK(*r.total_monthly_value == doctest::Approx(16000));
}

TEST_CASE("a metric kept as a fraction: one unit is the whole scale") {
  // 0.78 -> 0.82 is +0.04 units; at 400,000 a unit that is 16,000 a month.
  const Metric m = metric("Precision", Direction::higher_is_better, 0.78, 0.9, 400000.0);
  const BusinessValue v = business_value(m, 0.82);
  CHECK(*v.monthly == doctest::Approx(16000.0));
  CHECK(format_money(*v.monthly, "USD") == "$16,000");
}

TEST_CASE("lower is better: a fall is an improvement, worth money saved") {
  // False positives per day 1,000 -> 880: down 12 %, 120 fewer at 416.67 each.
  const Metric m = metric("False positives", Direction::lower_is_better, 1000.0, 800.0, 416.67, "a day");
  const BusinessValue v = business_value(m, 880.0);
  CHECK(*v.change == doctest::Approx(-120.0));
  CHECK(*v.improvement == doctest::Approx(120.0));
  CHECK(*v.relative == doctest::Approx(-0.12));
  CHECK(*v.monthly == doctest::Approx(120 * 416.67));
  CHECK(*v.to_target == doctest::Approx(80.0));  // 880 -> 800 still to go
  CHECK(*v.at_target == doctest::Approx(200 * 416.67));

  Fixture f;
  f.run(CreateItem{"metric", id_of(51), f.project,
                   {{"name", std::string("False positives")}, {"direction", std::string("lower_is_better")},
                    {"baseline", 1000.0}, {"value_per_unit", 416.67}}});
  f.run(CreateItem{"metric_reading", f.ids.next(), id_of(51), {{"on", kMonday}, {"value", 880.0}}});
  const StatusReport r = f.report(kMonday);
  REQUIRE(r.metrics.size() == 1);
  CHECK(r.metrics[0].sentence == "False positives 1,000 \u2192 880 (down 12%) \u2248 $50,000 a month saved");
  CHECK(r.metrics[0].target_text == "no target set");
}

TEST_CASE("a metric worse than its baseline loses money, in either direction") {
  const BusinessValue lower = business_value(metric("Latency", Direction::lower_is_better, 100.0, 80.0, 50.0, "ms"), 110.0);
  CHECK(*lower.improvement == doctest::Approx(-10.0));
  CHECK(*lower.monthly == doctest::Approx(-500.0));
  const BusinessValue higher = business_value(metric("Recall", Direction::higher_is_better, 90.0, 95.0, 1000.0, "%"), 88.5);
  CHECK(*higher.monthly == doctest::Approx(-1500.0));

  Fixture f;
  f.run(CreateItem{"metric", id_of(52), f.project,
                   {{"name", std::string("Latency")}, {"unit", std::string("ms")},
                    {"direction", std::string("lower_is_better")}, {"baseline", 100.0}, {"value_per_unit", 50.0}}});
  f.run(CreateItem{"metric_reading", f.ids.next(), id_of(52), {{"on", kMonday}, {"value", 110.0}}});
  CHECK(f.report(kMonday).metrics[0].sentence == "Latency 100 ms \u2192 110 ms (up 10%) \u2248 $500 a month lost");
}

TEST_CASE("missing baseline, value per unit, measurement or target: said plainly, nothing invented") {
  const BusinessValue no_baseline = business_value(metric("F1", Direction::higher_is_better, {}, 0.9, 1000.0), 0.8);
  CHECK_FALSE(no_baseline.change.has_value());
  CHECK_FALSE(no_baseline.monthly.has_value());
  CHECK_FALSE(no_baseline.at_target.has_value());
  CHECK(*no_baseline.to_target == doctest::Approx(0.1));

  const BusinessValue no_value = business_value(metric("F1", Direction::higher_is_better, 0.7, 0.9, {}), 0.8);
  CHECK(*no_value.change == doctest::Approx(0.1));
  CHECK_FALSE(no_value.monthly.has_value());

  const BusinessValue no_latest = business_value(metric("F1", Direction::higher_is_better, 0.7, 0.9, 1000.0), {});
  CHECK_FALSE(no_latest.change.has_value());
  CHECK_FALSE(no_latest.monthly.has_value());
  CHECK(*no_latest.at_target == doctest::Approx(200.0));

  Fixture f;
  f.run(CreateItem{"metric", id_of(60), f.project, {{"name", std::string("A no baseline")}, {"value_per_unit", 10.0}}});
  f.run(CreateItem{"metric_reading", f.ids.next(), id_of(60), {{"on", kMonday}, {"value", 5.0}}});
  f.run(CreateItem{"metric", id_of(61), f.project, {{"name", std::string("B no value")}, {"baseline", 3.0}, {"target", 4.0}}});
  f.run(CreateItem{"metric_reading", f.ids.next(), id_of(61), {{"on", kMonday}, {"value", 4.5}}});
  f.run(CreateItem{"metric", id_of(62), f.project, {{"name", std::string("C no reading")}, {"baseline", 3.0}}});
  const StatusReport r = f.report(kMonday);
  REQUIRE(r.metrics.size() == 3);
  CHECK(r.metrics[0].sentence == "A no baseline 5: no baseline to measure the improvement from");
  CHECK(r.metrics[1].sentence == "B no value 3 \u2192 4.5 (+1.5, +50%); no value per unit set in the charter");
  CHECK(r.metrics[1].target_text == "target 4 met");
  CHECK(r.metrics[2].sentence == "C no reading: no measurement yet (baseline 3)");
  CHECK_FALSE(r.total_monthly_value.has_value());
  const std::string md = render_markdown(r);
  CHECK(contains(md, "none is priced"));
}

TEST_CASE("money: currency symbols, thousands, rounding") {
  CHECK(format_money(16000, "USD") == "$16,000");
  CHECK(format_money(1234567.5, "USD") == "$1,234,568");
  CHECK(format_money(999.4, "EUR") == "\u20ac999");
  CHECK(format_money(-2500, "GBP") == "-\u00a32,500");
  CHECK(format_money(1200, "CHF") == "1,200 CHF");
  CHECK(format_money(0, "") == "0");
  CHECK(human_date(day("2026-11-28")) == "28 Nov 2026");
  CHECK(human_date(day("2027-01-05")) == "5 Jan 2027");
}

TEST_CASE("timeline: the finish against the baseline in plain words, naming the task that slipped") {
  Fixture f;
  f.task(1, "Label 10k images", 3);  // Mon 2 - Wed 4
  f.task(2, "Train v1", 2);          // Thu 5 - Fri 6, after the labels
  f.depends(2, 1);
  f.task(3, "Write docs", 1);        // Mon 2
  f.save_baseline(kMonday);

  SUBCASE("later, because the labels slipped (and the training after them)") {
    f.set(1, "likely_days", 7.0);  // Mon 2 - Tue 10; training Wed 11 - Thu 12
    const StatusReport r = f.report(kMonday);
    REQUIRE(r.timeline.has_baseline);
    CHECK(*r.timeline.finish_slip == 4);
    CHECK(r.timeline.summary ==
          "The plan now finishes on 12 Nov 2026, 4 working days later than the baseline of 6 Nov 2026, "
          "mostly because \u201cLabel 10k images\u201d slipped 4 working days.");
    REQUIRE(r.timeline.slipped.size() == 2);
    CHECK(r.timeline.slipped[0] ==
          "\u201cLabel 10k images\u201d: 4 working days later (finish 4 Nov 2026 \u2192 10 Nov 2026)");
    CHECK(contains(render_markdown(r), "mostly because \u201cLabel 10k images\u201d slipped 4 working days."));
  }
  SUBCASE("later, because a task was added") {
    f.task(4, "Security review", 8);  // Mon 2 - Wed 11
    const StatusReport r = f.report(kMonday);
    CHECK(r.timeline.summary ==
          "The plan now finishes on 11 Nov 2026, 3 working days later than the baseline of 6 Nov 2026, "
          "mostly because 1 task was added since.");
    REQUIRE(r.timeline.other.size() == 1);
    CHECK(contains(r.timeline.other[0], "Security review"));
  }
  SUBCASE("earlier") {
    f.set(1, "likely_days", 1.0);  // Mon 2; training Tue 3 - Wed 4
    CHECK(f.report(kMonday).timeline.summary ==
          "The plan now finishes on 4 Nov 2026, 2 working days earlier than the baseline of 6 Nov 2026.");
  }
  SUBCASE("unchanged") {
    CHECK(f.report(kMonday).timeline.summary == "The plan still finishes on 6 Nov 2026, as in the baseline.");
  }
}

TEST_CASE("timeline without a baseline says so") {
  Fixture f;
  f.task(1, "Label", 2);
  const StatusReport r = f.report(kMonday);
  CHECK_FALSE(r.timeline.has_baseline);
  CHECK(contains(render_markdown(r), "No baseline saved yet"));
}

TEST_CASE("progress since a kept report: tasks done since, figures then and now, metric changes") {
  Fixture f;
  f.task(1, "Collect images", 2);
  f.task(2, "Label images", 3);
  f.task(3, "Train", 4);
  f.depends(3, 2);
  f.precision(78, 85, 4000);
  f.reading(kMonday, 80);
  f.now = at("2026-11-02T10:00:00Z");
  f.set(1, "status", std::string("done"));  // before the report: not "since"

  f.now = at("2026-11-03T09:00:00Z");
  const Id kept = f.keep(day("2026-11-03"));
  const Report* report = f.ws.find<Report>(kept);
  REQUIRE(report != nullptr);
  CHECK(report->tasks_done == 1);
  CHECK(report->tasks_total == 3);
  CHECK(report->health == "on_track");
  REQUIRE(report->metric_values.size() == 1);
  CHECK(report->metric_values[0] == id_of(50).to_string() + "=80");
  CHECK(report->forecast_p80.has_value());

  f.now = at("2026-11-05T15:00:00Z");
  f.set(2, "status", std::string("done"));
  f.reading(day("2026-11-05"), 82);

  const StatusReport r = f.report(day("2026-11-06"));
  CHECK(r.since.has_last);
  CHECK(r.since.since == at("2026-11-03T09:00:00Z"));
  REQUIRE(r.since.done.size() == 1);
  CHECK(r.since.done[0] == "Label images");
  CHECK(r.since.tasks_done_then == 1);
  REQUIRE(r.since.metric_changes.size() == 1);
  CHECK(r.since.metric_changes[0] == "Precision 80% \u2192 82% (+2 points)");
  const std::string md = render_markdown(r);
  CHECK(contains(md, "Compared with the report of 3 Nov 2026:"));
  CHECK(contains(md, "- 1 task done since (1 \u2192 2 of 3 done)."));
  CHECK(contains(md, "- Done: \u201cLabel images\u201d"));
  CHECK_FALSE(contains(md, "Done: \u201cCollect images\u201d"));
  CHECK(contains(md, "- Precision 80% \u2192 82% (+2 points)."));
}

TEST_CASE("the first report has nothing to compare with and says so") {
  Fixture f;
  f.task(1, "Collect images", 2);
  f.now = at("2026-11-04T10:00:00Z");
  f.set(1, "status", std::string("done"));
  const StatusReport r = f.report(day("2026-11-06"));
  CHECK_FALSE(r.since.has_last);
  CHECK(r.since.done.size() == 1);  // within the last 7 days
  CHECK(contains(render_markdown(r), "No earlier report was kept"));
}

TEST_CASE("keeping a report is one undoable step and survives JSON export and import") {
  Fixture f;
  f.task(1, "Collect images", 2);
  f.precision(78, 85, 4000);
  f.reading(kMonday, 81.5);
  const std::size_t before = f.ws.size();
  const Id kept = f.keep(kMonday);
  CHECK(f.ws.size() == before + 1);
  CHECK(f.stack.undo_label() == "Keep status report");
  const Report copy = *f.ws.find<Report>(kept);
  CHECK(copy.audience == ReportAudience::team);
  CHECK(contains(copy.markdown, "# Status report: Defect detection"));
  CHECK(copy.taken_at == f.now);

  Workspace imported;
  IdSource ids(5);
  const ImportPlan plan = plan_import(export_json(f.ws), imported, ids);
  REQUIRE_MESSAGE(plan.ok, plan.error);
  CHECK(plan.warnings.empty());
  REQUIRE(apply(imported, plan.command).ok);
  const Report* back = imported.find<Report>(kept);
  REQUIRE(back != nullptr);
  CHECK(*back == copy);
  CHECK(imported.find<Metric>(id_of(50))->value_per_unit == 4000.0);

  REQUIRE(f.stack.undo().ok);
  CHECK(f.ws.find<Report>(kept) == nullptr);
  CHECK(f.ws.size() == before);
}

TEST_CASE("the next report compares with the newest kept one") {
  Fixture f;
  f.task(1, "Collect images", 2);
  const Id older = f.keep(kMonday);
  f.now = at("2026-11-09T09:00:00Z");
  const Id newer = f.keep(day("2026-11-09"));
  const std::vector<const Report*> kept = reports_of(f.ws, f.project);
  REQUIRE(kept.size() == 2);
  CHECK(kept[0]->id == newer);
  CHECK(kept[1]->id == older);
  CHECK(f.report(day("2026-11-10")).since.since == at("2026-11-09T09:00:00Z"));
}

TEST_CASE("gates: countdown, criteria and the chance the remaining work is done by their date") {
  Fixture f;
  f.task(1, "Label", 5);  // Mon 2 - Fri 6 (no range: every run the same)
  f.precision(78, 85, 4000);
  f.reading(kMonday, 82);
  f.run(CreateItem{"gate", id_of(70), f.project, {{"name", std::string("Pilot")}, {"due", day("2026-11-04")}}});
  f.run(CreateItem{"gate_criterion", f.ids.next(), id_of(70), {{"metric", id_of(50)}, {"threshold", 80.0}}});
  f.run(CreateItem{"gate", id_of(71), f.project, {{"name", std::string("Launch")}, {"due", day("2026-11-20")}}});
  const StatusReport r = f.report(kMonday);
  REQUIRE(r.gates.size() == 2);
  CHECK(r.gates[0].name == "Pilot");
  CHECK(*r.gates[0].days_left == 2);
  CHECK(r.gates[0].met == 1);
  CHECK(r.gates[0].criteria[0] == "Precision \u2265 80: met (82, reading of 2026-11-02)");
  CHECK(*r.gates[0].finish_probability == doctest::Approx(0.0));
  CHECK(*r.gates[1].finish_probability == doctest::Approx(1.0));
  const std::string md = render_markdown(r);
  CHECK(contains(md, "- **Pilot**: in 2 days (4 Nov 2026); 1 of 1 criterion met; 0% chance that all remaining work is done by then."));
  CHECK(contains(md, "A gate without a task to wait for gets the chance that the whole remaining plan"));
}

TEST_CASE("a gate that waits for a task gets that task's chance, not the whole plan's") {
  Fixture f;
  f.task(1, "Label", 5);    // Mon 2 - Fri 6
  f.task(2, "Collect", 2);  // Mon 2 - Tue 3
  f.run(CreateItem{"gate", id_of(72), f.project,
                   {{"name", std::string("Data ready")}, {"due", day("2026-11-04")}, {"milestone", id_of(2)}}});
  f.run(CreateItem{"gate", id_of(73), f.project, {{"name", std::string("Whole plan")}, {"due", day("2026-11-04")}}});
  const StatusReport r = f.report(kMonday);
  REQUIRE(r.gates.size() == 2);
  const GateLine& linked = r.gates[0].name == "Data ready" ? r.gates[0] : r.gates[1];
  const GateLine& unlinked = r.gates[0].name == "Data ready" ? r.gates[1] : r.gates[0];
  CHECK(linked.waits_for == "Collect");
  CHECK(*linked.finish_probability == doctest::Approx(1.0));
  CHECK(unlinked.waits_for.empty());
  CHECK(*unlinked.finish_probability == doctest::Approx(0.0));
  const std::string md = render_markdown(r);
  CHECK(contains(md, "100% chance that \u201cCollect\u201d, the work it waits for, is done by then."));
  CHECK(contains(md, "0% chance that all remaining work is done by then."));
}

TEST_CASE("executive and team versions differ as documented") {
  Fixture f;
  f.task(1, "Collect images", 2);
  f.task(2, "Label images", 3);
  f.precision(78, 85, 4000);
  f.reading(kMonday, 82);
  for (int i = 0; i < 5; ++i)
    f.run(CreateItem{"blocker", f.ids.next(), id_of(2),
                     {{"text", "Blocker " + std::to_string(i)}, {"since", Date{kMonday.days - 10 - i}}}});
  for (int i = 0; i < 6; ++i)
    f.run(CreateItem{"risk", f.ids.next(), f.project,
                     {{"title", "Risk " + std::to_string(i)}, {"likelihood", std::int64_t{1 + i % 5}},
                      {"owner", std::string("Grace")}, {"mitigation", std::string("Weekly check")}}});
  const std::string exec = render_markdown(f.report(kMonday, ReportAudience::executive));
  const std::string team = render_markdown(f.report(kMonday, ReportAudience::team));
  CHECK(exec != team);
  CHECK(exec.size() < team.size());
  CHECK(contains(exec, "*Executive summary, 2 Nov 2026*"));
  CHECK(contains(team, "*Team detail, 2 Nov 2026*"));
  // Sections.
  CHECK(contains(exec, "\n## Business value\n"));
  CHECK_FALSE(contains(exec, "\n## Forecast\n"));
  CHECK_FALSE(contains(exec, "\n## Health\n"));
  CHECK(contains(team, "\n## Success metrics\n"));
  CHECK(contains(team, "\n## Forecast\n"));
  CHECK(contains(team, "\n## Health\n"));
  // Money in both.
  CHECK(contains(exec, "$16,000 a month"));
  CHECK(contains(team, "$16,000 a month"));
  // The executive version names the 3 oldest blockers, the team every one.
  CHECK(contains(exec, "Blocker 4"));
  CHECK(contains(exec, "- and 2 more."));
  CHECK_FALSE(contains(exec, "Blocker 0"));
  for (int i = 0; i < 5; ++i) CHECK(contains(team, "\u201cBlocker " + std::to_string(i) + "\u201d on \u201cLabel images\u201d: " +
                                                       std::to_string(10 + i) + " days old."));
  // Risks: 3 without owners for executives, 5 with owner and mitigation for the team.
  CHECK_FALSE(contains(exec, "owner:"));
  CHECK(contains(team, "owner: Grace; mitigation: Weekly check"));
  CHECK(contains(exec, "- and 3 more open."));
  CHECK(contains(team, "- and 1 more open."));
}

TEST_CASE("text from the workspace cannot break the Markdown") {
  CHECK(markdown_escape("*draft* #2 [link](x) <b>") == "\\*draft\\* \\#2 \\[link\\](x) \\<b\\>");
  CHECK(markdown_escape("1. first") == "1\\. first");
  CHECK(markdown_escape("- item") == "\\- item");
  CHECK(markdown_escape("two\nlines") == "two lines");
  CHECK(markdown_escape("snake_case & co") == "snake\\_case \\& co");

  Fixture f;
  f.run(SetField{f.project, "name", std::string("# *Churn*")});
  const std::string md = render_markdown(f.report(kMonday, ReportAudience::executive));
  CHECK(md.rfind("# Status report: \\# \\*Churn\\*\n", 0) == 0);
}

TEST_CASE("budget against what experiments cost") {
  Fixture f;
  f.run(CreateItem{"experiment", f.ids.next(), f.project, {{"title", std::string("Baseline CNN")}, {"cost", 30000.0}, {"gpu_hours", 120.5}}});
  f.run(CreateItem{"experiment", f.ids.next(), f.project, {{"title", std::string("ViT")}, {"cost", 85000.0}, {"gpu_hours", 300.0}}});
  const StatusReport r = f.report(kMonday);
  CHECK(r.spent == doctest::Approx(115000));
  CHECK(r.gpu_hours == doctest::Approx(420.5));
  CHECK(contains(render_markdown(r), "Experiments have cost $115,000 of the $100,000 budget (115%), **$15,000 over**; "
                                     "420.5 GPU hours over 2 experiments."));
}

TEST_CASE("status_report_markdown: a project that does not exist gives an empty report, not a crash") {
  Workspace ws;
  const std::string md = status_report_markdown(ws, id_of(999), kMonday, ReportAudience::executive);
  CHECK(contains(md, "# Status report: (unnamed project)"));
}

}  // TEST_SUITE
