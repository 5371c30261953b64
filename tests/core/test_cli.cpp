#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <map>
#include <string>
#include <vector>

#include "core/cli.h"

using namespace cairn;

namespace {

// A plan as a Cairn export: Label (3 days, x1.5 labelling buffer = 4.5) ->
// Train (2 days) -> Evaluate (0.5/1/4 days: PERT mean 8.5/6 = 1.417), and
// Docs (1 day) beside them: 7.917 working days from Monday 2026-01-05.
const char* kPlan = R"({"format":"cairn","version":1,"items":[
 {"kind":"project","id":"10000000-0000-4000-8000-000000000001","fields":{"name":"Churn"}},
 {"kind":"task","id":"20000000-0000-4000-8000-000000000001","parent":"10000000-0000-4000-8000-000000000001",
  "fields":{"title":"Label","stage":"labelling","likely_days":3,"order":1}},
 {"kind":"task","id":"20000000-0000-4000-8000-000000000002","parent":"10000000-0000-4000-8000-000000000001",
  "fields":{"title":"Train","stage":"training","likely_days":2,"order":2}},
 {"kind":"task","id":"20000000-0000-4000-8000-000000000003","parent":"10000000-0000-4000-8000-000000000001",
  "fields":{"title":"Evaluate","stage":"evaluation","optimistic_days":0.5,"likely_days":1,"pessimistic_days":4,"order":3}},
 {"kind":"task","id":"20000000-0000-4000-8000-000000000004","parent":"10000000-0000-4000-8000-000000000001",
  "fields":{"title":"Docs","stage":"other","likely_days":1,"order":4}},
 {"kind":"dependency","id":"30000000-0000-4000-8000-000000000001","parent":"20000000-0000-4000-8000-000000000002",
  "fields":{"predecessor":"20000000-0000-4000-8000-000000000001"}},
 {"kind":"dependency","id":"30000000-0000-4000-8000-000000000002","parent":"20000000-0000-4000-8000-000000000003",
  "fields":{"predecessor":"20000000-0000-4000-8000-000000000002"}}
]})";

struct Files {
  std::map<std::string, std::string> contents;
  ReadTextFile reader() const {
    return [this](std::string_view path, std::string& text, std::string& error) {
      const auto it = contents.find(std::string(path));
      if (it == contents.end()) {
        error = std::string(path) + ": no such file";
        return false;
      }
      text = it->second;
      return true;
    };
  }
};

CliResult run(const Files& files, std::vector<std::string_view> args) {
  return run_cli(args, files.reader(), Date{20458});  // 2026-01-05, a Monday
}

// `plan` with one more item appended.
std::string with_item(const std::string& plan, const std::string& item) {
  return plan.substr(0, plan.rfind(']')) + "," + item + "]}";
}

}  // namespace

TEST_CASE("cli: schedule prints the critical path table with dates and a forecast") {
  Files files{{{"plan.json", kPlan}}};
  const CliResult r = run(files, {"schedule", "plan.json", "--iterations", "2000"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == kExitOk);
  // 7.917 working days from Monday 5 January: the last day worked is Wednesday 14 January.
  CHECK(r.out.find("Project \"Churn\": 4 tasks, start 2026-01-05, finish 2026-01-14 (7.9 working days)") !=
        std::string::npos);
  CHECK(r.out.find("Forecast (2000 runs, PERT-beta): P50 ") != std::string::npos);
  // Label is critical; Docs can slip 6.917 days (7.917 - 1).
  CHECK(r.out.find("Label                               4.5    2026-01-05 2026-01-09 2026-01-05 2026-01-09 0.0    0.0    yes") !=
        std::string::npos);
  CHECK(r.out.find("Docs                                1.0    2026-01-05 2026-01-05 2026-01-13 2026-01-14 6.9    6.9") !=
        std::string::npos);
}

TEST_CASE("cli: schedule --json gives the same figures to machines; a seed gives the same forecast") {
  Files files{{{"plan.json", kPlan}}};
  const CliResult a = run(files, {"schedule", "--json", "plan.json", "--seed", "7", "--start", "2026-01-05"});
  REQUIRE(a.exit_code == kExitOk);
  rapidjson::Document doc;
  doc.Parse(a.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  const auto& project = doc["projects"][0];
  CHECK(std::string(project["name"].GetString()) == "Churn");
  CHECK(project["durationDays"].GetDouble() == doctest::Approx(7.917));
  const auto& tasks = project["tasks"];
  REQUIRE(tasks.Size() == 4);
  CHECK(tasks[1]["earlyStart"].GetDouble() == doctest::Approx(4.5));  // Train after Label
  CHECK(tasks[2]["durationDays"].GetDouble() == doctest::Approx(1.417));
  CHECK(tasks[2]["lateFinish"].GetDouble() == doctest::Approx(7.917));
  CHECK(tasks[3]["totalSlack"].GetDouble() == doctest::Approx(6.917));
  CHECK(project["criticalPath"].Size() == 3);
  CHECK(project["forecast"]["iterations"].GetUint64() == 10000);
  const std::string p50 = project["forecast"]["p50"].GetString();
  const std::string p95 = project["forecast"]["p95"].GetString();
  CHECK(p50 <= p95);
  CHECK(run(files, {"schedule", "--json", "plan.json", "--seed", "7"}).out == a.out);
  const CliResult none = run(files, {"schedule", "--json", "plan.json", "--iterations", "0"});
  doc.Parse(none.out.c_str());
  CHECK(doc["projects"][0]["forecast"].IsNull());
}

TEST_CASE("cli: a dependency cycle is a problem: named, exit code 1, the rest still scheduled") {
  // Label now also waits for Evaluate: Label -> Train -> Evaluate -> Label.
  Files files{{{"cycle.json", with_item(kPlan, R"({"kind":"dependency","id":"30000000-0000-4000-8000-000000000003",
    "parent":"20000000-0000-4000-8000-000000000001","fields":{"predecessor":"20000000-0000-4000-8000-000000000003"}})")}}};
  const CliResult s = run(files, {"schedule", "cycle.json"});
  CHECK(s.exit_code == kExitProblems);
  CHECK(s.out.find("problem: dependency cycle among \"Label\"") != std::string::npos);
  CHECK(s.out.find("\"Evaluate\"") != std::string::npos);
  const CliResult v = run(files, {"validate", "cycle.json"});
  CHECK(v.exit_code == kExitProblems);
  CHECK(v.out.find("problem: project \"Churn\": dependency cycle among") != std::string::npos);
}

TEST_CASE("cli: validate passes a sound file and notes what is merely missing") {
  Files files{{{"plan.json", with_item(kPlan, R"({"kind":"task","id":"20000000-0000-4000-8000-000000000009",
    "parent":"10000000-0000-4000-8000-000000000001","fields":{"title":"Unsized"}})")}}};
  const CliResult r = run(files, {"validate", "plan.json"});
  INFO(r.out);
  CHECK(r.exit_code == kExitOk);
  CHECK(r.out.find("note: project \"Churn\": task \"Unsized\" [20000000] has no estimate") != std::string::npos);
  CHECK(r.out.find("plan.json: 1 project(s), 5 task(s), 0 problem(s), 1 note(s)") != std::string::npos);
}

TEST_CASE("cli: broken, foreign and missing files, and wrong arguments, each say what is wrong") {
  Files files{{{"broken.json", "{\"format\":\"cairn\",\"version\":1,\"items\":[{]}"},
               {"other.json", R"({"hello":"world"})"},
               {"unknown-field.json", with_item(kPlan, R"({"kind":"task","id":"20000000-0000-4000-8000-000000000008",
                 "parent":"10000000-0000-4000-8000-000000000001","fields":{"title":"X","colour":"red"}})")}}};
  const CliResult broken = run(files, {"validate", "broken.json"});
  CHECK(broken.exit_code == kExitProblems);
  CHECK(broken.err.find("broken.json") != std::string::npos);
  CHECK(broken.out.find("problem: ") == 0);
  CHECK(run(files, {"schedule", "other.json"}).exit_code == kExitProblems);
  const CliResult unknown = run(files, {"validate", "unknown-field.json"});
  CHECK(unknown.exit_code == kExitProblems);
  CHECK(unknown.out.find("colour") != std::string::npos);

  const CliResult missing = run(files, {"schedule", "nowhere.json"});
  CHECK(missing.exit_code == kExitUnreadable);
  CHECK(missing.err == "cairn: nowhere.json: no such file\n");
  for (const std::vector<std::string_view>& args :
       {std::vector<std::string_view>{"schedule"}, {"schedule", "a.json", "b.json"}, {"schedule", "x", "--start", "5 May"},
        {"schedule", "x", "--iterations", "-3"}, {"schedule", "x", "--iterations"}, {"validate", "x", "--seed", "1"},
        {"validate", "x", "--fast"}, {"plan", "x"}}) {
    const CliResult r = run(files, args);
    INFO(args[0] << " " << (args.size() > 1 ? args[1] : ""));
    CHECK(r.exit_code == kExitUsage);
    CHECK(r.err.find("usage:") != std::string::npos);
  }
  CHECK(is_cli_command("schedule"));
  CHECK_FALSE(is_cli_command("--theme"));
}
