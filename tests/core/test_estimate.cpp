#include <doctest/doctest.h>

#include "core/commands.h"
#include "core/estimate.h"

using namespace cairn;
using namespace std::string_literals;

namespace {

struct EstimateFixture {
  Workspace ws;
  IdSource ids{11};
  Id project = ids.next();

  EstimateFixture() { make("project", {}, {{"name", "Churn model"s}}, project); }

  Id make(const char* kind, Id parent, std::vector<std::pair<std::string, Value>> fields, Id id = {}) {
    if (id.nil()) id = ids.next();
    Command c;
    c.ops.push_back(CreateItem{kind, id, parent, std::move(fields)});
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
    return id;
  }
  Id task(const char* stage, std::vector<std::pair<std::string, Value>> fields = {}) {
    fields.emplace_back("stage", std::string(stage));
    return make("task", project, std::move(fields));
  }
  const Task& t(Id id) const { return *ws.find<Task>(id); }
  const Project& p() const { return *ws.find<Project>(project); }
};

}  // namespace

TEST_CASE_FIXTURE(EstimateFixture, "estimate: the buffer factor follows the stage, and the override replaces it") {
  const Id collect = task("data_collection");
  const Id label = task("labelling");
  const Id train = task("training");
  const Id spike = task("research_spike");
  const Id pinned = task("labelling", {{"buffer_override", 2.0}});
  CHECK(buffer_factor(p(), t(collect)) == 1.5);
  CHECK(buffer_factor(p(), t(label)) == 1.5);
  CHECK(buffer_factor(p(), t(train)) == 1.0);
  CHECK(buffer_factor(p(), t(spike)) == 1.0);
  CHECK(buffer_factor(p(), t(pinned)) == 2.0);

  Command c;
  c.ops.push_back(SetField{project, "buffer_data_collection", 2.5});
  c.ops.push_back(SetField{project, "buffer_labelling", 1.75});
  c.ops.push_back(SetField{project, "buffer_other", 1.2});
  REQUIRE(apply(ws, c).ok);
  CHECK(buffer_factor(p(), t(collect)) == 2.5);
  CHECK(buffer_factor(p(), t(label)) == 1.75);
  CHECK(buffer_factor(p(), t(train)) == 1.2);
  CHECK(buffer_factor(p(), t(pinned)) == 2.0);  // the override still wins
}

TEST_CASE_FIXTURE(EstimateFixture, "estimate: PERT mean when all three points are set, else the likely value") {
  const Id three = task("labelling", {{"optimistic_days", 2.0}, {"likely_days", 4.0}, {"pessimistic_days", 12.0}});
  Estimate e = estimate_of(p(), t(three));
  CHECK(e.expected_days == 5.0);  // (2 + 16 + 12) / 6
  CHECK(e.buffered_days == 7.5);
  CHECK(e.factor == 1.5);

  const Id likely = task("labelling", {{"likely_days", 4.0}, {"pessimistic_days", 9.0}});
  e = estimate_of(p(), t(likely));
  CHECK(e.expected_days == 4.0);
  CHECK(e.buffered_days == 6.0);

  const Id override_ = task("training", {{"likely_days", 3.0}, {"buffer_override", 3.0}});
  CHECK(estimate_of(p(), t(override_)).buffered_days == 9.0);
  CHECK(estimate_of(ws, t(override_)).buffered_days == 9.0);  // same through the workspace

  // Unset: no expected and no buffered value, the factor is still reported.
  const Id ends_only = task("data_collection", {{"optimistic_days", 1.0}, {"pessimistic_days", 5.0}});
  e = estimate_of(p(), t(ends_only));
  CHECK_FALSE(e.expected_days);
  CHECK_FALSE(e.buffered_days);
  CHECK(e.factor == 1.5);
  e = estimate_of(p(), t(task("other")));
  CHECK_FALSE(e.expected_days);
  CHECK(e.factor == 1.0);

  // Zero days is an estimate, not "unset".
  e = estimate_of(p(), t(task("labelling", {{"likely_days", 0.0}})));
  CHECK(e.expected_days == 0.0);
  CHECK(e.buffered_days == 0.0);
}

TEST_CASE_FIXTURE(EstimateFixture, "estimate: a task without a project keeps its override or factor 1") {
  Task orphan;
  orphan.stage = Stage::labelling;
  orphan.likely_days = 2.0;
  CHECK(estimate_of(ws, orphan).buffered_days == 2.0);
  orphan.buffer_override = 1.5;
  CHECK(estimate_of(ws, orphan).buffered_days == 3.0);
}

TEST_CASE("estimate: described in words") {
  CHECK(describe_estimate({4.0, 6.0, 1.5}) == "4.0 d \u2192 6.0 d with \u00d71.5 buffer");
  CHECK(describe_estimate({4.0, 4.0, 1.0}) == "4.0 d");
  CHECK(describe_estimate({10.0 / 3.0, 10.0 / 3.0 * 1.25, 1.25}) == "3.3 d \u2192 4.2 d with \u00d71.25 buffer");
  CHECK(describe_estimate({2.0, 4.0, 2.0}) == "2.0 d \u2192 4.0 d with \u00d72.0 buffer");
  CHECK(describe_estimate({std::nullopt, std::nullopt, 1.5}) == "not estimated");
  CHECK(describe_estimate({}) == "not estimated");
  CHECK(format_factor(1.5) == "1.5");
  CHECK(format_factor(1.75) == "1.75");
  CHECK(format_factor(10.0) == "10.0");
}
