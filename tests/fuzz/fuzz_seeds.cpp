// Writes the seed corpora the fuzzers start from (run at build time):
//   OUT/snapshot/*.bin     snapshot payloads of random workspaces
//   OUT/json_import/*.json exports, and commands naming the fuzz base's items
//   OUT/sync_replies/*.json CouchDB replies holding the fuzz base's documents
//   OUT/json.dict          kind, field and key names for the JSON fuzzers
// Valid inputs reach deep code at once; the fuzzer mutates from there.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/fields.h"
#include "core/json_io.h"
#include "core/project_replica.h"
#include "core/sync_doc_json.h"
#include "fuzz/fuzz_common.h"
#include "store/snapshot.h"
#include "support/random_workspace.h"

using namespace cairn;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// JSON for every field of `item`, either as {"name":value,...} or as one
// "set" operation per field.
template <class T>
std::string fields_json(const T& item) {
  std::string out = "{";
  for (const FieldDef<T>& f : fields_of<T>())
    out += (out.size() > 1 ? ",\"" : "\"") + std::string(f.name) + "\":" + value_to_json(f.get(item));
  return out + "}";
}
template <class T>
std::string set_ops(const T& item) {
  std::string out;
  for (const FieldDef<T>& f : fields_of<T>())
    out += (out.empty() ? "" : ",") + std::string("{\"op\":\"set\",\"id\":\"") + item.id.to_string() +
           "\",\"field\":\"" + std::string(f.name) + "\",\"value\":" + value_to_json(f.get(item)) + "}";
  return out;
}

// Per kind present in the base: a batch setting every field of one item,
// a create of a sibling with the same fields, a remove, and a batch that
// fails after a create (exercises the rollback).
void write_commands(const Workspace& ws, const fs::path& dir) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::tuple_element_t<I, ItemTypes>;
          if (ws.all<T>().empty()) return;
          const T& item = ws.all<T>().begin()->second;
          const std::string kind(T::kKind);
          const std::string parent = item.parent.nil() ? "null" : "\"" + item.parent.to_string() + "\"";
          const std::string create = "{\"op\":\"create\",\"kind\":\"" + kind + "\",\"parent\":" + parent +
                                     ",\"fields\":" + fields_json(item) + "}";
          write(dir / ("cmd-set-" + kind + ".json"), "{\"label\":\"Edit " + kind + "\",\"ops\":[" + set_ops(item) + "]}");
          write(dir / ("cmd-create-" + kind + ".json"), create);
          write(dir / ("cmd-remove-" + kind + ".json"), "{\"op\":\"remove\",\"id\":\"" + item.id.to_string() + "\"}");
          write(dir / ("cmd-rollback-" + kind + ".json"),
                "{\"ops\":[" + create + ",{\"op\":\"remove\",\"id\":\"" + item.id.to_string() +
                    "\"},{\"op\":\"set\",\"id\":\"" + item.id.to_string() + "\",\"field\":\"nope\",\"value\":1}]}");
        }(),
        ...);
  }(std::make_index_sequence<kItemKindCount>{});
}

// libFuzzer dictionary: every kind and field name and the format's keys.
void write_dict(const fs::path& path) {
  std::set<std::string> words = {"format", "cairn", "version", "items", "kind", "id", "parent", "fields",
                                 "op", "create", "set", "remove", "ops", "label", "field", "value", "null",
                                 "results", "last_seq", "seq", "doc", "rows", "ok", "error", "_id", "_rev",
                                 "_deleted", "_conflicts", "removed", "v", "c", "a", "r", "session", "since"};
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::tuple_element_t<I, ItemTypes>;
          words.insert(std::string(T::kKind));
          for (const FieldDef<T>& f : fields_of<T>()) words.insert(std::string(f.name));
        }(),
        ...);
  }(std::make_index_sequence<kItemKindCount>{});
  std::string dict;
  for (const std::string& w : words) dict += "\"" + w + "\"\n";
  write(path, dict);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seeds OUT_DIR\n");
    return 2;
  }
  const fs::path out = argv[1];
  fs::create_directories(out / "snapshot");
  fs::create_directories(out / "json_import");
  fs::create_directories(out / "csv_import");  // its seeds are the sample files in regressions/csv_import

  const Workspace base = testing::random_workspace(fuzz::kBaseSeed, fuzz::kBaseProjects, fuzz::kBaseItemsPerKind);
  auto as_string = [](const std::vector<std::uint8_t>& b) { return std::string(b.begin(), b.end()); };
  write(out / "snapshot" / "empty.bin", as_string(store::save_snapshot(Workspace{})));
  write(out / "snapshot" / "base.bin", as_string(store::save_snapshot(base)));
  write(out / "json_import" / "export-base.json", export_json(base));  // every id clashes
  write_commands(base, out / "json_import");
  // Small workspaces keep the inputs short, which keeps mutations fast; half
  // without histories, so more of the bytes are items.
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Workspace ws = testing::random_workspace(seed, 1, 1 + static_cast<int>(seed % 2), seed % 2 == 0);
    const std::string name = "ws-" + std::to_string(seed);
    write(out / "snapshot" / (name + ".bin"), as_string(store::save_snapshot(ws)));
    write(out / "json_import" / (name + ".json"), export_json(ws));
    write(out / "json_import" / (name + "-project.json"), export_json(ws, ws.all<Project>().begin()->first));
  }
  // The base project's documents, as a _changes reply (with a conflict) and a _bulk_docs reply.
  fs::create_directories(out / "sync_replies");
  Workspace shared = base;
  ProjectReplica replica(shared.all<Project>().begin()->first, "fuzz");
  replica.stamp(shared, "fuzz", 1'800'000'000'000);
  std::string changes = "{\"results\":[", bulk = "[";
  int seq = 0;
  for (const auto& [id, doc] : replica.docs()) {
    const std::string rev = std::to_string(++seq) + "-abc";
    changes += std::string(seq > 1 ? "," : "") + "{\"seq\":\"" + std::to_string(seq) + "-g1AA\",\"id\":\"" +
               id.to_string() + "\",\"doc\":" + encode_doc(doc, rev) + "}";
    bulk += std::string(seq > 1 ? "," : "") + "{\"ok\":true,\"id\":\"" + id.to_string() + "\",\"rev\":\"" + rev + "\"}";
  }
  write(out / "sync_replies" / "changes.json", changes + "],\"last_seq\":\"" + std::to_string(seq) + "-g1AA\"}");
  write(out / "sync_replies" / "bulk.json", bulk + "]");
  write_dict(out / "json.dict");
  return 0;
}
