#include <doctest/doctest.h>

#include "core/commands.h"
#include "core/decision_log.h"

using namespace cairn;
using namespace std::string_literals;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }

struct Log {
  Workspace ws;
  IdSource ids{5};
  Id project = make("project", {}, {{"name", "Churn model"s}});

  Id make(const char* kind, Id parent, std::vector<std::pair<std::string, Value>> fields) {
    const Id id = ids.next();
    Command c;
    c.ops.push_back(CreateItem{kind, id, parent, std::move(fields)});
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
    return id;
  }
};

std::vector<std::string> titles(const std::vector<DecisionEntry>& entries) {
  std::vector<std::string> out;
  for (const DecisionEntry& e : entries) out.push_back(e.title);
  return out;
}

}  // namespace

TEST_CASE("decision log: decisions and decided gates in date order, undated last, each gate once") {
  Log l;
  l.make("decision", l.project, {{"title", "Use the 2025 data only"s}, {"on", day("2026-10-02")}, {"decision", "Drop 2023-24"s}});
  l.make("gate", l.project, {{"name", "Data readiness"s}, {"decision", "go"s}, {"decided_on", day("2026-09-15")},
                             {"rationale", "Labels audited"s}});
  l.make("gate", l.project, {{"name", "Pending gate"s}});  // not decided: not in the log
  const Id pivoted = l.make("gate", l.project, {{"name", "Baseline beats rules"s}, {"decision", "pivot"s},
                                                 {"decided_on", day("2026-11-20")}});
  // The pivot was also recorded as a decision: it appears once, as that decision.
  l.make("decision", l.project, {{"title", "Pivot to ranking"s}, {"on", day("2026-11-20")}, {"decision", "pivot"s},
                                 {"gate", pivoted}});
  l.make("decision", l.project, {{"title", "Someday"s}});
  l.make("decision", l.make("project", {}, {{"name", "Other"s}}), {{"title", "Elsewhere"s}, {"on", day("2026-01-01")}});

  const auto log = decision_log(l.ws, l.project);
  CHECK(titles(log) == std::vector<std::string>{"Data readiness", "Use the 2025 data only", "Pivot to ranking", "Someday"});
  CHECK(log[0].from_gate);
  CHECK(log[0].decision == "go");
  CHECK(log[0].gate == "Data readiness");
  CHECK(log[0].rationale == "Labels audited");
  CHECK(log[2].gate == "Baseline beats rules");
  CHECK_FALSE(log[2].from_gate);
  CHECK_FALSE(log[3].on);
}

TEST_CASE("decision log: CSV quotes commas, quotes and newlines of a rationale") {
  Log l;
  l.make("decision", l.project, {{"title", "Buy GPUs"s}, {"on", day("2026-11-02")}, {"decision", "yes"s},
                                 {"rationale", "Cheaper than cloud, by \"a lot\"\nsee the sheet"s}});
  l.make("decision", l.project, {{"title", "Plain"s}, {"on", day("2026-11-03")}, {"decision", "no"s}});
  const std::string csv = decision_log_csv(decision_log(l.ws, l.project));
  CHECK(csv ==
        "date,title,gate,decision,rationale\r\n"
        "2026-11-02,Buy GPUs,,yes,\"Cheaper than cloud, by \"\"a lot\"\"\nsee the sheet\"\r\n"
        "2026-11-03,Plain,,no,\r\n");
  CHECK(decision_log_csv({}) == "date,title,gate,decision,rationale\r\n");
}

TEST_CASE("decision log: Markdown keeps markup characters as text and lines as lines") {
  Log l;
  l.make("decision", l.project, {{"title", "Use *all* the_data #1"s}, {"on", day("2026-11-02")}, {"decision", "go"s},
                                 {"rationale", "First line\nsecond line\n\n# not a heading"s}});
  const std::string md = decision_log_markdown(decision_log(l.ws, l.project), "Churn [v2]");
  CHECK(md.find("# Decision log: Churn \\[v2\\]\n") == 0);
  CHECK(md.find("## 2026-11-02: Use \\*all\\* the\\_data \\#1\n") != std::string::npos);
  CHECK(md.find("- **Decision:** go\n") != std::string::npos);
  CHECK(md.find("First line\\\nsecond line\n\n\\# not a heading\n") != std::string::npos);
  CHECK(decision_log_markdown({}, "Empty").find("No decisions recorded yet.") != std::string::npos);
}
