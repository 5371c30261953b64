#include <doctest/doctest.h>

#include "core/commands.h"
#include "core/gates.h"

using namespace cairn;
using namespace std::string_literals;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }

struct GateFixture {
  Workspace ws;
  IdSource ids{21};
  Id project = make("project", {}, {{"name", "Churn model"s}});
  Id recall = make("metric", project, {{"name", "Recall"s}});
  Id latency = make("metric", project, {{"name", "Latency p95"s}});

  Id make(const char* kind, Id parent, std::vector<std::pair<std::string, Value>> fields) {
    const Id id = ids.next();
    Command c;
    c.ops.push_back(CreateItem{kind, id, parent, std::move(fields)});
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
    return id;
  }
  Id reading(Id metric, const char* on, double value) {
    return make("metric_reading", metric, {{"on", day(on)}, {"value", value}});
  }
  // An experiment (dated, or not when `on` is null) with one result.
  Id experiment(const char* title, const char* on, Id metric, double value) {
    std::vector<std::pair<std::string, Value>> fields{{"title", std::string(title)}};
    if (on) fields.emplace_back("on", day(on));
    const Id e = make("experiment", project, std::move(fields));
    make("experiment_result", e, {{"metric", metric}, {"value", value}});
    return e;
  }
  Id gate(const char* name, const char* due = nullptr) {
    std::vector<std::pair<std::string, Value>> fields{{"name", std::string(name)}};
    if (due) fields.emplace_back("due", day(due));
    return make("gate", project, std::move(fields));
  }
  Id criterion(Id gate, Id metric, const char* comparison, double threshold) {
    return make("gate_criterion", gate,
                {{"metric", metric}, {"comparison", std::string(comparison)}, {"threshold", threshold}});
  }
};

}  // namespace

TEST_CASE_FIXTURE(GateFixture, "gates: the latest value is the newest reading or dated experiment result") {
  CHECK_FALSE(latest_value(ws, recall));

  reading(recall, "2026-11-10", 0.70);
  reading(recall, "2026-11-20", 0.80);
  reading(recall, "2026-11-15", 0.90);
  auto v = latest_value(ws, recall);
  REQUIRE(v);
  CHECK(v->value == 0.80);
  CHECK(v->on == day("2026-11-20"));
  CHECK(v->source == "reading of 2026-11-20");

  // An undated experiment never counts, however high; results of other metrics neither.
  experiment("Undated run", nullptr, recall, 0.99);
  experiment("Latency run", "2026-11-30", latency, 120.0);
  CHECK(latest_value(ws, recall)->value == 0.80);

  experiment("Bigger model", "2026-11-25", recall, 0.85);
  v = latest_value(ws, recall);
  CHECK(v->value == 0.85);
  CHECK(v->on == day("2026-11-25"));
  CHECK(v->source == "experiment \u201c" "Bigger model\u201d");

  CHECK(latest_value(ws, latency)->source == "experiment \u201cLatency run\u201d");
  CHECK_FALSE(latest_value(ws, Id{}));
}

TEST_CASE_FIXTURE(GateFixture, "gates: on the same day a reading wins over an experiment; equal kinds take the larger") {
  experiment("Same-day run", "2026-11-20", recall, 0.95);
  reading(recall, "2026-11-20", 0.80);
  auto v = latest_value(ws, recall);
  CHECK(v->value == 0.80);
  CHECK(v->source == "reading of 2026-11-20");

  reading(recall, "2026-11-20", 0.82);
  CHECK(latest_value(ws, recall)->value == 0.82);
  reading(recall, "2026-11-20", 0.81);
  CHECK(latest_value(ws, recall)->value == 0.82);

  experiment("Run A", "2026-11-21", latency, 140.0);
  experiment("Run B", "2026-11-21", latency, 150.0);
  CHECK(latest_value(ws, latency)->source == "experiment \u201cRun B\u201d");
}

TEST_CASE("gates: each comparison at, below and above the threshold") {
  CHECK(compare(0.80, Comparison::at_least, 0.80));
  CHECK(compare(0.81, Comparison::at_least, 0.80));
  CHECK_FALSE(compare(0.79, Comparison::at_least, 0.80));

  CHECK(compare(0.80, Comparison::at_most, 0.80));
  CHECK(compare(0.79, Comparison::at_most, 0.80));
  CHECK_FALSE(compare(0.81, Comparison::at_most, 0.80));

  CHECK_FALSE(compare(0.80, Comparison::above, 0.80));
  CHECK(compare(0.81, Comparison::above, 0.80));
  CHECK_FALSE(compare(0.79, Comparison::above, 0.80));

  CHECK_FALSE(compare(0.80, Comparison::below, 0.80));
  CHECK(compare(0.79, Comparison::below, 0.80));
  CHECK_FALSE(compare(0.81, Comparison::below, 0.80));

  CHECK(std::string(comparison_symbol(Comparison::at_least)) == "\u2265");
  CHECK(std::string(comparison_symbol(Comparison::below)) == "<");
}

TEST_CASE_FIXTURE(GateFixture, "gates: criteria are met, not met, or without data") {
  const Id g = gate("Model feasibility", "2026-12-01");
  const Id c_recall = criterion(g, recall, "at_least", 0.8);
  const Id c_latency = criterion(g, latency, "below", 200.0);

  GateStatus s = evaluate_gate(ws, g, day("2026-11-26"));
  CHECK(s.gate == g);
  REQUIRE(s.criteria.size() == 2);
  // Sorted by metric name: "Latency p95" before "Recall".
  CHECK(s.criteria[0].criterion == c_latency);
  CHECK(s.criteria[0].metric_name == "Latency p95");
  CHECK(s.criteria[0].state == CriterionState::no_data);
  CHECK_FALSE(s.criteria[0].latest);
  CHECK(s.criteria[1].criterion == c_recall);
  CHECK(s.criteria[1].metric == recall);
  CHECK(s.criteria[1].comparison == Comparison::at_least);
  CHECK(s.criteria[1].threshold == 0.8);
  CHECK(s.criteria[1].state == CriterionState::no_data);
  CHECK_FALSE(s.all_met);
  CHECK(s.days_left == 5);
  CHECK_FALSE(s.missed);

  reading(recall, "2026-11-20", 0.8);  // exactly the threshold: at_least is met
  reading(latency, "2026-11-20", 200.0);  // exactly the threshold: below is not
  s = evaluate_gate(ws, g, day("2026-11-26"));
  CHECK(s.criteria[1].state == CriterionState::met);
  CHECK(s.criteria[1].latest->value == 0.8);
  CHECK(s.criteria[0].state == CriterionState::not_met);
  CHECK_FALSE(s.all_met);

  experiment("Distilled", "2026-11-22", latency, 180.0);
  s = evaluate_gate(ws, g, day("2026-11-26"));
  CHECK(s.criteria[0].state == CriterionState::met);
  CHECK(s.criteria[0].latest->source == "experiment \u201c" "Distilled\u201d");
  CHECK(s.all_met);
}

TEST_CASE_FIXTURE(GateFixture, "gates: no criteria is not all met; a missing metric has no data") {
  const Id empty = gate("Empty");
  GateStatus s = evaluate_gate(ws, empty, day("2026-11-26"));
  CHECK(s.criteria.empty());
  CHECK_FALSE(s.all_met);
  CHECK_FALSE(s.days_left);
  CHECK_FALSE(s.missed);

  const Id g = gate("Unfinished");
  criterion(g, Id{}, "at_least", 1.0);
  s = evaluate_gate(ws, g, day("2026-11-26"));
  REQUIRE(s.criteria.size() == 1);
  CHECK(s.criteria[0].metric_name.empty());
  CHECK(s.criteria[0].state == CriterionState::no_data);

  const GateStatus unknown = evaluate_gate(ws, ids.next(), day("2026-11-26"));
  CHECK(unknown.criteria.empty());
  CHECK_FALSE(unknown.all_met);
}

TEST_CASE_FIXTURE(GateFixture, "gates: missed only when past due and still pending") {
  const Id g = gate("Data feasibility", "2026-11-20");
  GateStatus s = evaluate_gate(ws, g, day("2026-11-20"));
  CHECK(s.days_left == 0);
  CHECK_FALSE(s.missed);  // due today is not missed yet

  s = evaluate_gate(ws, g, day("2026-11-21"));
  CHECK(s.days_left == -1);
  CHECK(s.missed);

  for (const char* decision : {"go", "pivot", "kill"}) {
    Command c;
    c.ops.push_back(SetField{g, "decision", std::string(decision)});
    REQUIRE(apply(ws, c).ok);
    CHECK_FALSE(evaluate_gate(ws, g, day("2026-12-30")).missed);
  }
}

TEST_CASE_FIXTURE(GateFixture, "gates: a project's gates sorted by due date, unset last") {
  const Id b = gate("B", "2026-12-01");
  const Id c = gate("C");
  const Id z = gate("Z", "2026-11-20");
  const Id a = gate("A", "2026-11-20");
  const Id other = make("project", {}, {{"name", "Other"s}});
  make("gate", other, {{"name", "Elsewhere"s}});

  const auto gates = gates_of(ws, project, day("2026-11-26"));
  REQUIRE(gates.size() == 4);
  CHECK(gates[0].gate == a);
  CHECK(gates[1].gate == z);
  CHECK(gates[2].gate == b);
  CHECK(gates[3].gate == c);
  CHECK(gates[0].missed);
  CHECK(gates[2].days_left == 5);
  CHECK(gates_of(ws, other, day("2026-11-26")).size() == 1);
}

TEST_CASE_FIXTURE(GateFixture, "gates: recording a decision sets the gate and logs it, in one undoable command") {
  const Id g = gate("Data feasibility", "2026-11-20");
  const Date today = day("2026-11-26");
  const Command cmd = record_decision(ws, g, GateDecision::pivot, "Labels too noisy", today, ids);
  CHECK(cmd.label == "Record gate decision");
  CHECK(cmd.ops.size() == 4);
  const std::size_t before = ws.size();
  const ApplyResult r = apply(ws, cmd);
  REQUIRE_MESSAGE(r.ok, r.error);

  const Gate& gate_after = *ws.find<Gate>(g);
  CHECK(gate_after.decision == GateDecision::pivot);
  CHECK(gate_after.decided_on == today);
  CHECK(gate_after.rationale == "Labels too noisy");
  CHECK_FALSE(evaluate_gate(ws, g, today).missed);

  REQUIRE(ws.all<Decision>().size() == 1);
  const Decision& d = ws.all<Decision>().begin()->second;
  CHECK(d.parent == project);
  CHECK(d.gate == g);
  CHECK(d.title == "Gate \u201c" "Data feasibility\u201d: pivot");
  CHECK(d.on == today);
  CHECK(d.decision == "pivot");
  CHECK(d.rationale == "Labels too noisy");
  CHECK(ws.size() == before + 1);

  REQUIRE(apply(ws, r.inverse).ok);
  CHECK(ws.find<Gate>(g)->decision == GateDecision::pending);
  CHECK_FALSE(ws.find<Gate>(g)->decided_on);
  CHECK(ws.all<Decision>().empty());
}

TEST_CASE_FIXTURE(GateFixture, "gates: recording pending reopens; an unknown gate gives no ops") {
  const Id g = gate("Launch", "2026-11-20");
  REQUIRE(apply(ws, record_decision(ws, g, GateDecision::go, "Ship it", day("2026-11-19"), ids)).ok);
  REQUIRE(apply(ws, record_decision(ws, g, GateDecision::pending, "New data arrived", day("2026-11-24"), ids)).ok);
  const Gate& after = *ws.find<Gate>(g);
  CHECK(after.decision == GateDecision::pending);
  CHECK_FALSE(after.decided_on);
  CHECK(after.rationale == "New data arrived");
  CHECK(ws.all<Decision>().size() == 2);
  bool reopened = false;
  for (const auto& [id, d] : ws.all<Decision>()) reopened |= d.title == "Gate \u201cLaunch\u201d: reopened";
  CHECK(reopened);
  CHECK(evaluate_gate(ws, g, day("2026-11-24")).missed);

  const Command none = record_decision(ws, ids.next(), GateDecision::kill, "", day("2026-11-24"), ids);
  CHECK(none.ops.empty());
}
