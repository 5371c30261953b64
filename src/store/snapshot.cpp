#include "store/snapshot.h"

#include <cereal/types/string.hpp>
#include <cereal/types/variant.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "core/fields.h"
#include "store/checked_binary_archive.h"
#include "store/chunks.h"
#include "store/envelope.h"
#include "store/persisted_types.h"
#include "store/vector_output_archive.h"

namespace cairn::store {
namespace {

using Output = VectorOutputArchive;
using Input = CheckedBinaryInputArchive;

// One table: header, then per row id, parent and one Value per field.
// `rows` is a range of items or of pointers to items.
template <class T, class Rows>
void save_table(Output& ar, const Rows& rows, std::size_t count) {
  const auto fields = fields_of<T>();
  TableHeader header{std::string(T::kKind), {}, count};
  for (const auto& f : fields) header.fields.emplace_back(f.name);
  ar(header);
  for (const auto& row : rows) {
    const T& item = [&]() -> const T& {
      if constexpr (std::is_pointer_v<std::remove_cvref_t<decltype(row)>>) return *row;
      else return row.second;
    }();
    ar(item.id, item.parent);
    for (const auto& f : fields) ar(f.get(item));
  }
}

// Out of line, one function per kind: inlined into read_payload, the 24 of
// them made one 139 KB function that V8's optimizing compiler took ~0.6 s on
// (node, --trace-wasm-compilation-times), far longer than a load.
template <class T>
[[gnu::noinline]] void load_items(Input& ar, const std::vector<std::string>& names, std::uint64_t count, Workspace& ws,
                                  std::vector<std::string>& warnings, const IdRange* range, std::vector<Id>& ids) {
  std::vector<const FieldDef<T>*> defs;
  for (const std::string& name : names) {
    defs.push_back(find_field<T>(name));
    if (!defs.back()) warnings.push_back(std::string(T::kKind) + "." + name + " is not known; its values were skipped");
  }
  for (std::uint64_t i = 0; i < count; ++i) {
    T item;
    ar(item.id, item.parent);
    for (const FieldDef<T>* def : defs) {
      Value value;
      ar(value);
      if (!def) continue;
      if (std::string error = def->set(item, std::move(value)); !error.empty())
        throw cereal::Exception(std::string(T::kKind) + " " + item.id.to_string() + ": " + std::string(def->name) +
                                " " + error);
    }
    const Id id = item.id;
    if (range && !range->contains(id))
      throw cereal::Exception(std::string(T::kKind) + " " + id.to_string() + " is outside the id range of its chunk");
    if (id.nil() || !ws.insert_new(std::move(item)))
      throw cereal::Exception("duplicate or empty id " + id.to_string() + " in the snapshot");
    ids.push_back(id);
  }
}

// The workspace keeps no id -> kind index, so insert_new sees only ids its
// own kind holds: an id under two kinds is looked for among the ids read.
void refuse_shared_ids(std::vector<Id>& ids) {
  std::sort(ids.begin(), ids.end());
  if (const auto twice = std::adjacent_find(ids.begin(), ids.end()); twice != ids.end())
    throw cereal::Exception("two items of different kinds have the id " + twice->to_string());
}

// Skips a table of a kind this version does not know.
void skip_items(Input& ar, std::size_t field_count, std::uint64_t count) {
  for (std::uint64_t i = 0; i < count; ++i) {
    Id id, parent;
    ar(id, parent);
    for (std::size_t f = 0; f < field_count; ++f) {
      Value value;
      ar(value);
    }
  }
}

// Every parent exists and has the kind its child expects.
std::string check_structure(const Workspace& ws) {
  std::string error;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::tuple_element_t<I, ItemTypes>;
          const auto has_parent = [&](const T& item) {
            if constexpr (T::kParentKind.empty()) {
              return item.parent.nil();
            } else {  // in the parent kind's own map: kind_of would ask every kind
              using Parent = std::tuple_element_t<kind_index_of(T::kParentKind), ItemTypes>;
              return ws.find<Parent>(item.parent) != nullptr;
            }
          };
          for (const auto& [id, item] : ws.all<T>()) {
            if (!error.empty()) return;
            if (!has_parent(item)) error = std::string(T::kKind) + " " + id.to_string() + " has a missing or wrong parent";
          }
        }(),
        ...);
  }(std::make_index_sequence<kItemKindCount>{});
  return error;
}

// Schema 2 on: after the tables, the history of every item written, in id
// order so that equal workspaces give equal bytes.
using HistoryLogs = std::vector<std::pair<Id, const std::vector<Change>*>>;

void save_histories(Output& ar, HistoryLogs& logs) {
  std::sort(logs.begin(), logs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  ar(cereal::make_size_tag(static_cast<std::uint64_t>(logs.size())));
  for (const auto& [id, log] : logs) {
    ar(id, cereal::make_size_tag(static_cast<std::uint64_t>(log->size())));
    for (const Change& change : *log) ar(change);
  }
}

void add_log(const std::unordered_map<Id, std::vector<Change>>& histories, Id id, HistoryLogs& logs) {
  if (const auto it = histories.find(id); it != histories.end() && !it->second.empty()) logs.emplace_back(id, &it->second);
}

// Read change by change (not through cereal's vector loader, which would
// allocate the claimed count up front). `add(id, log)` takes the history of
// each item `ws` holds.
template <class Add>
void read_histories(Input& ar, const Workspace& ws, std::vector<std::string>& warnings, Add&& add) {
  std::uint64_t items = 0;
  ar(cereal::make_size_tag(items));
  std::uint64_t orphans = 0;
  for (std::uint64_t i = 0; i < items; ++i) {
    Id id;
    std::uint64_t count = 0;
    ar(id, cereal::make_size_tag(count));
    const bool known = ws.contains(id);
    orphans += known ? 0 : 1;
    std::vector<Change> log;
    for (std::uint64_t c = 0; c < count; ++c) {
      Change& change = log.emplace_back();  // grows with what was read, not with `count`
      ar(change);
      if (change.at < kFirstTimestamp || change.at > kLastTimestamp)
        throw cereal::Exception("a change of " + id.to_string() + " has an impossible time (" +
                                std::to_string(change.at.ms) + " ms)");
    }
    if (known && !log.empty()) add(id, std::move(log));
  }
  if (orphans > 0) warnings.push_back("the history of " + std::to_string(orphans) + " missing items was skipped");
}

void load_histories(Input& ar, Workspace& ws, std::vector<std::string>& warnings) {
  read_histories(ar, ws, warnings, [&](Id id, std::vector<Change>&& log) { ws.set_history(id, std::move(log)); });
}

void expect_end(const Input& ar) {
  if (ar.remaining() != 0) throw cereal::Exception(std::to_string(ar.remaining()) + " unexpected bytes at the end");
}

// Appends the snapshot payload to `out`.
// A save writes whole histories: one taken while some are still pending
// would store part of them over the complete ones.
void require_settled(const Workspace& workspace) {
  if (workspace.histories_pending())
    throw std::logic_error("a workspace was saved before its stored histories were decoded (settle_histories first)");
}

void write_snapshot(const Workspace& workspace, std::vector<std::uint8_t>& out) {
  require_settled(workspace);
  Output ar(out);
  ar(cereal::make_size_tag(static_cast<std::uint64_t>(kItemKindCount)));
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((void)[&] {
      const auto& items = workspace.all<std::tuple_element_t<I, ItemTypes>>();
      save_table<std::tuple_element_t<I, ItemTypes>>(ar, items, items.size());
    }(), ...);
  }(std::make_index_sequence<kItemKindCount>{});
  // The histories of the items there are (removed items keep theirs, for undo).
  const auto& histories = workspace.histories();
  HistoryLogs logs;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((void)[&] {
      for (const auto& [id, item] : workspace.all<std::tuple_element_t<I, ItemTypes>>()) add_log(histories, id, logs);
    }(), ...);
  }(std::make_index_sequence<kItemKindCount>{});
  save_histories(ar, logs);
}

// The items of one chunk, gathered in one pass over the workspace.
template <class Tuple>
struct PointersOf;
template <class... Ts>
struct PointersOf<std::tuple<Ts...>> {
  using type = std::tuple<std::vector<const Ts*>...>;
};
struct ChunkRows {
  typename PointersOf<ItemTypes>::type items;
  HistoryLogs logs;
};

void write_chunk(ChunkRows& rows, std::vector<std::uint8_t>& out) {
  Output ar(out);
  std::uint64_t tables = 0;
  std::apply([&](const auto&... lists) { ((tables += lists.empty() ? 0 : 1), ...); }, rows.items);
  ar(cereal::make_size_tag(tables));
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((void)[&] {
      const auto& list = std::get<I>(rows.items);
      if (!list.empty()) save_table<std::tuple_element_t<I, ItemTypes>>(ar, list, list.size());
    }(), ...);
  }(std::make_index_sequence<kItemKindCount>{});
  save_histories(ar, rows.logs);
}

// Tables and histories of a payload, added to `ws` (no structure check).
// With `deferred`, the histories' bytes are kept there, to decode later.
void read_payload(std::span<const std::uint8_t> payload, std::uint16_t schema, Workspace& ws,
                  std::vector<std::string>& warnings, DeferredHistories* deferred = nullptr,
                  const IdRange* range = nullptr) {
  // Schema 1 had no class versions and no histories.
  Input ar(payload, /*class_versions=*/schema >= 2);
  std::vector<Id> ids;  // of the items read
  std::uint64_t tables = 0;
  ar(cereal::make_size_tag(tables));
  for (std::uint64_t t = 0; t < tables; ++t) {
    TableHeader table;
    ar(table);
    const std::size_t index = kind_index_of(table.kind);
    if (index == kItemKindCount) {
      warnings.push_back("items of unknown kind '" + table.kind + "' were skipped");
      skip_items(ar, table.fields.size(), table.rows);
      continue;
    }
    visit_kind(index, [&]<class T>(T*) {
      load_items<T>(ar, table.fields, table.rows, ws, warnings, range, ids);
      return 0;
    });
  }
  refuse_shared_ids(ids);
  if (schema >= 2 && deferred) {
    deferred->add(payload.subspan(ar.offset()), schema, ar.versions_read());
    return;
  }
  if (schema >= 2) load_histories(ar, ws, warnings);
  expect_end(ar);
}

std::string newer_schema_error(std::uint16_t schema) {
  return "the snapshot was written by a newer version of Cairn (schema " + std::to_string(schema) +
         ", this version reads up to " + std::to_string(kSchemaVersion) + ")";
}

// Room for the snapshot of a workspace of this size, so the vector grows
// once or twice instead of twenty times (a task with history is ~300 bytes).
std::size_t expected_size(const Workspace& workspace) {
  return 4096 + 320 * (workspace.size() + workspace.histories().size());
}

}  // namespace

std::vector<std::uint8_t> save_snapshot(const Workspace& workspace) {
  std::vector<std::uint8_t> out;
  out.reserve(expected_size(workspace));
  write_snapshot(workspace, out);
  return out;
}

LoadedSnapshot load_snapshot(std::span<const std::uint8_t> payload, std::uint16_t schema) {
  LoadedSnapshot result;
  if (schema > kSchemaVersion) {
    result.error = newer_schema_error(schema);
    result.newer_schema = true;
    return result;
  }
  result.workspace.set_journaling(false);
  try {
    read_payload(payload, schema, result.workspace, result.warnings);
    if (std::string error = check_structure(result.workspace); !error.empty()) throw cereal::Exception(error);
  } catch (const std::exception& e) {
    result = LoadedSnapshot{};
    result.error = std::string("the snapshot is damaged: ") + e.what();
    return result;
  }
  result.workspace.set_journaling(true);
  result.ok = true;
  return result;
}

void DeferredHistories::add(std::span<const std::uint8_t> bytes, std::uint16_t schema, Versions versions) {
  Stored stored{false, {}, chunk_key_, 0, bytes.size(), schema, std::move(versions)};
  stored.held = held_ && !chunk_.empty() && bytes.data() >= chunk_.data() &&
                bytes.data() + bytes.size() <= chunk_.data() + chunk_.size();
  if (stored.held)
    stored.offset = static_cast<std::size_t>(bytes.data() - chunk_.data());
  else
    stored.bytes.assign(bytes.begin(), bytes.end());
  parts_.push_back(std::move(stored));
}

PendingHistories::Part DeferredHistories::decode(std::size_t index, const Workspace& ws) const {
  Part part;
  if (index >= parts_.size()) return part;
  const Stored& stored = parts_[index];
  std::vector<std::uint8_t> copied;
  if (stored.held) {
    copied.resize(stored.length);
    if (!held_->copy(stored.key, stored.offset, copied)) {
      part.error = "some of the stored history could not be read and was left out (its chunk is no longer held)";
      return part;
    }
  }
  const std::span<const std::uint8_t> bytes = stored.held ? std::span(copied) : std::span(stored.bytes);
  std::vector<std::string> warnings;  // items gone since: nothing to tell
  try {
    Input ar(bytes, /*class_versions=*/stored.schema >= 2);
    ar.assume_versions(stored.versions);  // read with the tables before them
    read_histories(ar, ws, warnings,
                   [&](Id id, std::vector<Change>&& log) { part.logs.emplace_back(id, std::move(log)); });
    expect_end(ar);
  } catch (const std::exception& e) {
    part.logs.clear();  // all of the part or none of it
    part.error = std::string("some of the stored history could not be read and was left out (") + e.what() + ")";
  }
  return part;
}

std::string add_chunk_payload(std::span<const std::uint8_t> payload, std::uint16_t schema, Workspace& workspace,
                              std::vector<std::string>& warnings, DeferredHistories* deferred, const IdRange* range) {
  if (schema > kSchemaVersion) return newer_schema_error(schema);
  try {
    read_payload(payload, schema, workspace, warnings, deferred, range);
  } catch (const std::exception& e) {
    return std::string("the snapshot is damaged: ") + e.what();
  }
  return {};
}

std::string check_snapshot_structure(const Workspace& workspace) {
  const std::string error = check_structure(workspace);
  return error.empty() ? error : "the snapshot is damaged: " + error;
}

EncodedChunks encode_chunks(const Workspace& workspace, std::span<const Id> starts, const std::vector<bool>& which,
                            std::uint64_t generation) {
  const auto count = static_cast<std::uint32_t>(starts.size() + 1);
  EncodedChunks encoded;
  require_settled(workspace);
  encoded.items.assign(count, 0);
  std::vector<ChunkRows> rows(count);
  const auto& histories = workspace.histories();
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((void)[&] {
      for (const auto& [id, item] : workspace.all<std::tuple_element_t<I, ItemTypes>>()) {
        const std::uint32_t c = chunk_of(id, starts);
        ++encoded.items[c];
        if (!which[c]) continue;
        std::get<I>(rows[c].items).push_back(&item);
        add_log(histories, id, rows[c].logs);
      }
    }(), ...);
  }(std::make_index_sequence<kItemKindCount>{});
  encoded.chunks.resize(count);
  for (std::uint32_t c = 0; c < count; ++c) {
    if (!which[c]) continue;
    std::vector<std::uint8_t>& out = encoded.chunks[c];
    out.resize(kEnvelopeHeaderSize);
    write_chunk(rows[c], out);
    seal_in_place(out, kSchemaVersion, generation);
  }
  return encoded;
}

std::vector<std::uint8_t> encode_workspace(const Workspace& workspace, std::uint64_t generation) {
  std::vector<std::uint8_t> out;
  out.reserve(kEnvelopeHeaderSize + expected_size(workspace));
  out.resize(kEnvelopeHeaderSize);
  write_snapshot(workspace, out);
  seal_in_place(out, kSchemaVersion, generation);
  return out;
}

Decoded decode_workspace(std::span<const std::uint8_t> bytes) {
  Decoded d;
  const Opened opened = open(bytes);
  if (!opened.ok) {
    d.error = opened.error;
    return d;
  }
  d.generation = opened.generation;
  d.snapshot = load_snapshot(opened.payload, opened.schema);
  d.ok = d.snapshot.ok;
  d.error = d.snapshot.error;
  d.newer_schema = d.snapshot.newer_schema;
  return d;
}

}  // namespace cairn::store
