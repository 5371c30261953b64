#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/export_formats.h"
#include "core/export_ical.h"
#include "core/export_tasks_csv.h"
#include "core/report_markdown.h"
#include "core/fields.h"
#include "core/json_io.h"
#include "support/random_workspace.h"

using namespace cairn;

namespace {

// tests/fixtures/export/tricky.json: quotes, commas, newlines, leading and
// trailing spaces, é ü 中文 and emoji, dependencies, gates, sprints.
Workspace tricky() {
  std::ifstream in(std::string(CAIRN_TEST_DATA_DIR) + "/fixtures/export/tricky.json", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  Workspace ws;
  IdSource ids(1);
  const ImportPlan plan = plan_import(text.str(), ws, ids);
  REQUIRE_MESSAGE(plan.ok, plan.error);
  REQUIRE(plan.warnings.empty());
  REQUIRE(apply(ws, plan.command).ok);
  return ws;
}

Id id(const char* text) { return *Id::parse(text); }

const Id kChurn = id("10000000-0000-4000-8000-000000000001");
const Id kSecond = id("10000000-0000-4000-8000-000000000002");

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
    lines.push_back(text.substr(start, end - start));
  CHECK(start == text.size());  // everything ends with CRLF
  return lines;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("csv numbers are short and plain") {
  CHECK(csv_number(2.0) == "2");
  CHECK(csv_number(1.5) == "1.5");
  CHECK(csv_number(-0.5) == "-0.5");
  CHECK(csv_number(0.1) == "0.1");
  CHECK(csv_number(-0.0) == "0");
  CHECK(csv_number(1.0 / 3.0) == "0.333333333333333");
}

TEST_CASE("tasks csv: a header and one row per task with every field a spreadsheet wants") {
  const Workspace ws = tricky();
  const std::string csv = export_tasks_csv(ws, kChurn);
  const std::string header =
      "id,project_id,project,title,description,status,stage,assignee,optimistic_days,likely_days,"
      "pessimistic_days,buffered_days,actual_days,start,due,tags,sprint,dependencies,open_blockers,"
      "checklist_done,checklist_total\r\n";
  REQUIRE(csv.starts_with(header));
  // Label: PERT (2 + 4x3 + 7) / 6 = 3.5 days, x2 labelling buffer = 7; one of two checklist entries
  // done; the resolved blocker left out.
  CHECK(contains(csv, "\r\n20000000-0000-4000-8000-000000000001,10000000-0000-4000-8000-000000000001,"
                      "\"Caf\xC3\xA9 \xC2\xAB" "Churn\xC2\xBB, \"\"v2\"\"\",\"Label 5k calls, \"\"fast\"\"\","
                      "\"line one\nline two, with comma\n  indented; semi\\back\",in_progress,labelling,"
                      "Zo\xC3\xAB M\xC3\xBCller,2,3,7,7,1.5,2026-01-05,2026-01-09,\"data, \xC3\xA9 \xC3\xBC\","
                      "\"Sprint 1, \"\"Go\"\"\",,\"Waiting on legal; GDPR, review\",1,2\r\n"));
  // Train: two dependencies with type and lag; a leading space keeps its quotes; CRLF inside survives.
  CHECK(contains(csv, ",\" leading space title\",\"emoji \xF0\x9F\x9A\x80 and \xE4\xB8\xAD\xE6\x96\x87\r\nWindows line\","));
  CHECK(contains(csv, ",20000000-0000-4000-8000-000000000001 FS+2d; 20000000-0000-4000-8000-000000000003 SS-0.5d,"));
  // Evaluate: own buffer 1.25 x PERT (0.5 + 4 + 4) / 6 = 1.771 -> 1.77; FF without lag.
  CHECK(contains(csv, ",0.5,1,4,1.77,,,2026-02-02,\"eval, offline, x\",,20000000-0000-4000-8000-000000000002 FF,"
                      "\"Needs \"\"Label\"\" done\",0,0\r\n"));
  CHECK(contains(csv, ",\"Trailing space \",,backlog,other,,,,,,,,,,,,,0,0\r\n"));
  CHECK(lines_of(csv).size() > 5);  // rows hold newlines, so this is only a lower bound
  CHECK_FALSE(contains(csv, "Only task"));
}

TEST_CASE("tasks csv: every project by name, or the header alone for an unknown project") {
  const Workspace ws = tricky();
  const std::string all = export_tasks_csv(ws);
  const auto churn = all.find("Label 5k calls");
  const auto second = all.find("Only task");
  REQUIRE(churn != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(churn < second);  // "Café…" sorts before "Second…"
  CHECK(contains(export_tasks_csv(ws, kSecond), ",Only task,,done,other,,,1,,1,1,,2026-01-07,,,,,0,0\r\n"));
  const std::string none = export_tasks_csv(ws, id("f0000000-0000-4000-8000-000000000001"));
  CHECK(none == export_tasks_csv(Workspace{}));
  CHECK(lines_of(none).size() == 1);
}

TEST_CASE("ical text escaping and folding") {
  CHECK(ical_escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(ical_escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ical_folded_line("SUMMARY:short") == "SUMMARY:short\r\n");
  const std::string ascii(200, 'x');
  CHECK(ical_folded_line(ascii) == ascii.substr(0, 75) + "\r\n " + ascii.substr(75, 74) + "\r\n " + ascii.substr(149) + "\r\n");
  // 3-byte characters after a 1-byte prefix: the cut at 75 would split one, so it moves back.
  std::string cjk = "S";
  for (int i = 0; i < 40; ++i) cjk += "\xE4\xB8\xAD";
  const std::vector<std::string> lines = lines_of(ical_folded_line(cjk));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].size() == 73);  // 1 + 24 x 3
  CHECK(lines[1] == " " + cjk.substr(73));
  std::string emoji = "SUMMARY:";
  for (int i = 0; i < 30; ++i) emoji += "\xF0\x9F\x9A\x80";
  std::string unfolded;
  for (const std::string& line : lines_of(ical_folded_line(emoji))) {
    CHECK(line.size() <= 75);
    const std::string body = unfolded.empty() ? line : line.substr(1);
    CHECK((static_cast<unsigned char>(body.front()) & 0xC0) != 0x80);  // starts a character
    unfolded += body;
  }
  CHECK(unfolded == emoji);
}

TEST_CASE("ical: gates, sprint milestones and due dates as all-day events with stable UIDs") {
  const Workspace ws = tricky();
  const Timestamp now = *parse_timestamp("2026-11-26T15:42:07.250Z");
  const std::string ics = export_ical(ws, kChurn, now);
  const std::vector<std::string> lines = lines_of(ics);
  REQUIRE(lines.size() > 10);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(contains(ics, "\r\nVERSION:2.0\r\nPRODID:-//Cairn//Cairn planner//EN\r\nCALSCALE:GREGORIAN\r\n"));
  CHECK(contains(ics, "\r\nDTSTAMP:20261126T154207Z\r\n"));
  for (const std::string& line : lines) CHECK(line.size() <= 75);
  // The pending gate: its due day, criteria and rationale, escaped.
  CHECK(contains(ics, "BEGIN:VEVENT\r\nUID:90000000-0000-4000-8000-000000000001@cairn\r\nDTSTAMP:20261126T154207Z\r\n"
                      "DTSTART;VALUE=DATE:20260130\r\nDTEND;VALUE=DATE:20260131\r\n"
                      "SUMMARY:Gate: Go/no-go\\; \"ship\"\\, or not?\r\n"));
  CHECK(contains(ics, "UID:60000000-0000-4000-8000-000000000001-start@cairn\r\nDTSTAMP:20261126T154207Z\r\n"
                      "DTSTART;VALUE=DATE:20260105\r\n"));
  CHECK(contains(ics, "UID:60000000-0000-4000-8000-000000000001-end@cairn\r\nDTSTAMP:20261126T154207Z\r\n"
                      "DTSTART;VALUE=DATE:20260116\r\n"));
  CHECK_FALSE(contains(ics, "60000000-0000-4000-8000-000000000002-end@cairn"));  // the open-ended sprint
  CHECK(contains(ics, "SUMMARY:Due: Label 5k calls\\, \"fast\"\r\n"));
  CHECK_FALSE(contains(ics, "Trailing space"));  // no due date, no event
  CHECK_FALSE(contains(ics, "Only task"));       // another project
  // Unfolded, the gate's description names its criterion.
  std::string unfolded;
  for (const std::string& line : lines) unfolded += line.starts_with(" ") ? line.substr(1) : "\n" + line;
  CHECK(contains(unfolded, "\nDESCRIPTION:Project: Caf\xC3\xA9 \xC2\xAB" "Churn\xC2\xBB\\, \"v2\"\\nDecision: pending\\n"
                           "Criteria:\\n- Precision@10 at least 0.8\\nRationale: Because\\, reasons\\nsecond line\\; \\\\o/\n"));
  // Another export time changes DTSTAMP only.
  std::string later = export_ical(ws, kChurn, Timestamp{now.ms + 86400000});
  const std::string stamp = "DTSTAMP:20261127T154207Z";
  for (std::size_t at; (at = later.find(stamp)) != std::string::npos;) later.replace(at, stamp.size(), "DTSTAMP:20261126T154207Z");
  CHECK(later == ics);
}

TEST_CASE("export formats: one dispatch, file names with the format's suffix") {
  const Workspace ws = tricky();
  const Timestamp now{0};
  for (const ExportFormatInfo& info : export_formats()) {
    CHECK(export_format_from_cli_name(info.cli_name) == info.format);
    CHECK(export_file_name(info.format, "Churn model", "2026-11-26") == "churn-model-2026-11-26" + std::string(info.suffix));
  }
  CHECK_FALSE(export_format_from_cli_name("xlsx"));
  CHECK(export_text(ws, kChurn, ExportFormat::json, now).text == export_json(ws, kChurn));
  CHECK(export_text(ws, kChurn, ExportFormat::tasks_csv, now).text == export_tasks_csv(ws, kChurn));
  CHECK(export_text(ws, std::nullopt, ExportFormat::calendar_ics, now).text == export_ical(ws, std::nullopt, now));
  const ExportText md = export_text(ws, kChurn, ExportFormat::status_report_md, now);
  REQUIRE(md.ok);
  CHECK(md.text == status_report_markdown(ws, kChurn, date_of(now), ReportAudience::executive));
}

TEST_CASE("the JSON schema of the export names every kind and every field the app writes") {
  std::ifstream in(std::string(CAIRN_TEST_DATA_DIR) + "/../docs/schema/cairn-export.schema.json", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document schema;
  schema.Parse(text.str().c_str());
  REQUIRE_FALSE(schema.HasParseError());
  const auto& defs = schema["$defs"];
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::tuple_element_t<I, ItemTypes>;
          const std::string kind(T::kKind);
          INFO("kind " << kind << " (docs/schema/cairn-export.schema.json is written by hand: add new fields there)");
          REQUIRE(defs.HasMember(kind.c_str()));
          const auto& properties = defs[kind.c_str()]["properties"]["fields"]["properties"];
          std::vector<std::string> in_schema, in_model;
          for (const auto& m : properties.GetObject()) in_schema.emplace_back(m.name.GetString());
          for (const FieldDef<T>& f : fields_of<T>()) in_model.emplace_back(f.name);
          CHECK(in_schema == in_model);
        }(),
        ...);
  }(std::make_index_sequence<kItemKindCount>{});
}

TEST_CASE("every export gives the same text for the same items, whatever order they were added in") {
  // A reload adds items kind by kind in id order (issue 22, point 7): the
  // files teams keep in git must not change with it.
  const Timestamp now{1795770000000};  // 2026-11-27T09:00:00Z
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    const Workspace ws = testing::random_workspace(seed, 1 + static_cast<int>(seed % 3), 4, /*history=*/false);
    const Workspace forwards = testing::reinserted(ws), backwards = testing::reinserted(ws, true);
    std::vector<std::optional<Id>> scopes{std::nullopt};
    for (const auto& [id, project] : ws.all<Project>()) scopes.push_back(id);
    for (const ExportFormatInfo& info : export_formats()) {
      for (const std::optional<Id>& scope : scopes) {
        const ExportText text = export_text(ws, scope, info.format, now);
        CAPTURE(seed);
        CAPTURE(info.cli_name);
        CHECK(export_text(forwards, scope, info.format, now).text == text.text);
        CHECK(export_text(backwards, scope, info.format, now).text == text.text);
      }
    }
  }
}
