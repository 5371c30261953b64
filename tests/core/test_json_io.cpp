#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <random>
#include <unordered_map>

#include "core/commands.h"
#include "core/json_io.h"
#include "support/random_workspace.h"

using namespace cairn;

namespace {
Workspace imported(const std::string& json, const Workspace& into = {}) {
  Workspace ws = into;
  IdSource ids(99);
  const ImportPlan plan = plan_import(json, ws, ids);
  REQUIRE_MESSAGE(plan.ok, plan.error);
  const ApplyResult r = apply(ws, plan.command);
  REQUIRE_MESSAGE(r.ok, r.error);
  return ws;
}
}  // namespace

TEST_CASE("1000 random workspaces survive export to JSON and import, every field") {
  for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
    const Workspace original = testing::random_workspace(seed, 1 + static_cast<int>(seed % 2), 2, /*history=*/false);
    CHECK(imported(export_json(original)) == original);
  }
}

TEST_CASE("exporting one project takes exactly its items") {
  const Workspace ws = testing::random_workspace(7, 3, 2, false);
  const Id first = ws.all<Project>().begin()->first;
  const Workspace one = imported(export_json(ws, first));
  CHECK(one.all<Project>().size() == 1);
  CHECK(one.find<Project>(first) != nullptr);
  std::size_t expected = 0;
  std::vector<Id> stack{first};
  while (!stack.empty()) {
    const Id id = stack.back();
    stack.pop_back();
    ++expected;
    for (const Id c : ws.children_of(id)) stack.push_back(c);
  }
  CHECK(one.size() == expected);
}

TEST_CASE("importing into a workspace that has the same ids makes a copy with references rewritten") {
  const Workspace ws = testing::random_workspace(8, 1, 2, false);
  const std::string json = export_json(ws);
  const Workspace twice = imported(json, ws);
  CHECK(twice.size() == 2 * ws.size());
  CHECK(twice.all<Project>().size() == 2);
  // Every imported item hangs under an imported parent, not under the original.
  for (const auto& [id, task] : twice.all<Task>()) CHECK(twice.contains(task.parent));
}

TEST_CASE("bad files are refused with the reason and the position") {
  Workspace ws;
  IdSource ids(1);
  auto error_of = [&](std::string_view text) { return plan_import(text, ws, ids).error; };
  CHECK(error_of("{\"format\": \"cairn\",\n \"version\": 1,\n \"items\": [ {,] }").find("not valid JSON at line 3") !=
        std::string::npos);
  CHECK(error_of("").find("not valid JSON at line 1, column 1") != std::string::npos);
  CHECK(error_of("[1,2]").find("not a Cairn export") != std::string::npos);
  CHECK(error_of(R"({"format":"cairn","version":9,"items":[]})").find("newer version") != std::string::npos);
  CHECK(error_of(R"({"format":"cairn","version":1})").find("no \"items\"") != std::string::npos);
  CHECK(error_of(R"({"format":"cairn","version":1,"items":[{"kind":"project"}]})").find("item 1: it has no id") !=
        std::string::npos);
  CHECK(error_of(R"({"format":"cairn","version":1,"items":[{"kind":"project","id":"nope"}]})")
            .find("\"id\" is not an id: 'nope'") != std::string::npos);
  const std::string huge(kMaxJsonBytes + 1, ' ');
  CHECK(error_of(huge).find("at most 64 MB") != std::string::npos);
}

TEST_CASE("a valid file with bad values fails as one command and changes nothing") {
  Workspace ws = testing::random_workspace(3);
  const Workspace before = ws;
  IdSource ids(2);
  const ImportPlan plan = plan_import(
      R"({"format":"cairn","version":1,"items":[
        {"kind":"project","id":"3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0d","fields":{"name":"Ok"}},
        {"kind":"task","id":"3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0e","parent":"3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0d",
         "fields":{"status":"someday"}}]})",
      ws, ids);
  REQUIRE(plan.ok);
  const ApplyResult r = apply(ws, plan.command);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("status expects one of") != std::string::npos);
  CHECK(ws == before);
}

TEST_CASE("unknown kinds and fields are skipped with a warning") {
  Workspace ws;
  IdSource ids(4);
  const ImportPlan plan = plan_import(
      R"({"format":"cairn","version":1,"items":[
        {"kind":"project","id":"3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0d","fields":{"name":"P","mood":"sunny"}},
        {"kind":"hologram","id":"3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0f"}]})",
      ws, ids);
  REQUIRE(plan.ok);
  REQUIRE(plan.warnings.size() == 2);
  CHECK(plan.warnings[0] == "item 1: project has no field 'mood', skipped");
  CHECK(plan.warnings[1] == "item 2: unknown kind 'hologram', skipped");
  CHECK(plan.items == 1);
}

TEST_CASE("commands parse from JSON: create, set, remove, and several at once") {
  IdSource ids(5);
  Workspace ws;
  auto run = [&](std::string_view json) {
    const ParsedCommand p = parse_command_json(json, ids);
    REQUIRE_MESSAGE(p.ok, p.error);
    const ApplyResult r = apply(ws, p.command);
    REQUIRE_MESSAGE(r.ok, r.error);
    return p.command;
  };
  const Command created = run(R"({"op":"create","kind":"project","fields":{"name":"Fraud","domain":"tabular"}})");
  const Id project = std::get<CreateItem>(created.ops[0]).id;
  CHECK_FALSE(project.nil());
  CHECK(ws.find<Project>(project)->domain == Domain::tabular);
  const std::string pid = project.to_string();
  run(R"({"label":"Plan","ops":[{"op":"create","kind":"task","id":"3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0d","parent":")" +
      pid + R"(","fields":{"title":"Label","likely_days":3}},
      {"op":"set","id":"3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0d","field":"due","value":"2026-12-24"}]})");
  const Task* t = ws.find<Task>(*Id::parse("3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0d"));
  REQUIRE(t);
  CHECK(t->likely_days == 3.0);
  CHECK(t->due == parse_date("2026-12-24"));
  run(R"({"op":"remove","id":")" + pid + R"("})");
  CHECK(ws.size() == 0);

  CHECK(parse_command_json(R"({"op":"explode"})", ids).error == "\"op\" must be create, set or remove, not 'explode'");
  CHECK(parse_command_json(R"({"op":"set","id":")" + pid + R"(","field":"name"})", ids).error ==
        "\"set\" needs a \"value\"");
  CHECK(parse_command_json(R"({"ops":[]})", ids).error == "\"ops\" must be a non-empty array");
  CHECK(parse_command_json("{", ids).error.find("not valid JSON at line 1, column 2") != std::string::npos);
}

// Both found by the fuzzer (tests/fuzz/regressions/json_import).
TEST_CASE("deep nesting is an error, not a stack overflow") {
  Workspace ws;
  IdSource ids(1);
  const std::string deep = R"({"format":"cairn","version":1,"items":)" + std::string(200000, '[');
  CHECK(plan_import(deep, ws, ids).error.find("not valid JSON at line 1") != std::string::npos);
  const std::string closed = std::string(100000, '[') + std::string(100000, ']');
  CHECK(parse_command_json(closed, ids).error == "a command must be a JSON object");
}

TEST_CASE("numbers are read exactly: zeros with exponents and the shortest form of any double") {
  Workspace ws;
  IdSource ids(2);
  const auto budget_of = [&](const std::string& number) {
    const std::string text = R"({"format":"cairn","version":1,"items":[{"kind":"project","id":"6f1c2a40-3b5d-4e8f-9a0b-1c2d3e4f5a6b","fields":{"budget":)" + number + "}}]}";
    const Workspace w = imported(text);
    REQUIRE(w.all<Project>().size() == 1);
    return w.all<Project>().begin()->second.budget.value_or(-1.0);
  };
  CHECK(budget_of("0e-41") == 0.0);
  CHECK(budget_of("0.000e-300") == 0.0);
  CHECK(budget_of("0.1") == 0.1);
  CHECK(budget_of("123456.78901234567") == 123456.78901234567);
  CHECK(budget_of("1999999999.9999998") == 1999999999.9999998);
  CHECK(budget_of("5e-324") == 5e-324);
  // Beyond 64 bits: a double, as rapidjson does.
  const ParsedCommand big = parse_command_json(
      R"({"op":"set","id":"6f1c2a40-3b5d-4e8f-9a0b-1c2d3e4f5a6b","field":"budget","value":18446744073709551616})", ids);
  REQUIRE_MESSAGE(big.ok, big.error);
  CHECK(std::get<SetField>(big.command.ops[0]).value == Value{18446744073709551616.0});

  // Export writes the shortest text that reads back as the same double.
  std::mt19937_64 rng(7);
  Workspace many;
  IdSource make(3);
  for (int i = 0; i < 2000; ++i) {
    // Every mantissa bit random, within the field's range (0 to 2e9).
    const double d = static_cast<double>(rng() >> 11) * 0x1p-53 * 2e9;
    Command c;
    c.ops.push_back(CreateItem{"project", make.next(), {}, {{"budget", d}}});
    REQUIRE(apply(many, c).ok);
  }
  const Workspace back = imported(export_json(many));
  CHECK(back.same_items(many));
}

TEST_CASE("values print as JSON") {
  CHECK(value_to_json(Null{}) == "null");
  CHECK(value_to_json(std::string("a\"b")) == R"("a\"b")");
  CHECK(value_to_json(parse_date("2026-11-26").value()) == R"("2026-11-26")");
  CHECK(value_to_json(StringList{"x", "é"}) == R"(["x","é"])");
  CHECK(value_to_json(2.5) == "2.5");
}

TEST_CASE("the JSON export depends on the items only, not on the order they were added in") {
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const Workspace ws = testing::random_workspace(seed, 1 + static_cast<int>(seed % 3), 4, /*history=*/false);
    const std::string json = export_json(ws);
    const Workspace forwards = testing::reinserted(ws), backwards = testing::reinserted(ws, true);
    REQUIRE(forwards.same_items(ws));
    REQUIRE(backwards.same_items(ws));
    CHECK(export_json(forwards) == json);
    CHECK(export_json(backwards) == json);
    CHECK(export_json(imported(json)) == json);
    const Id first = ws.all<Project>().begin()->first;
    CHECK(export_json(backwards, first) == export_json(ws, first));
  }
}

TEST_CASE("the JSON export lists parents first, then each item's children by kind (in the table's order) and id") {
  const Workspace ws = testing::random_workspace(5, 2, 4, /*history=*/false);
  rapidjson::Document doc;
  const std::string json = export_json(ws);
  doc.Parse(json.data(), json.size());
  REQUIRE(doc.IsObject());
  const auto& items = doc["items"];
  REQUIRE(items.Size() == ws.size());
  std::unordered_map<Id, std::size_t> position;
  std::unordered_map<Id, std::pair<std::size_t, Id>> last_child;  // parent -> (kind, id) of its last child so far
  Id last_project;
  for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
    const Id id = *Id::parse(items[i]["id"].GetString());
    const std::size_t kind = kind_index_of(items[i]["kind"].GetString());
    REQUIRE(kind == ws.kind_of(id));
    if (items[i]["parent"].IsNull()) {
      CHECK(i < ws.all<Project>().size());  // projects first, in id order
      CHECK(last_project < id);
      last_project = id;
    } else {
      const Id parent = *Id::parse(items[i]["parent"].GetString());
      REQUIRE(position.count(parent) == 1);  // the parent came before
      const auto previous = last_child.find(parent);
      if (previous != last_child.end()) CHECK(previous->second < std::make_pair(kind, id));
      last_child[parent] = {kind, id};
    }
    position[id] = i;
  }
}
