#include "core/project_replica.h"

#include <algorithm>

#include "core/commands.h"

namespace cairn {
namespace {

constexpr int kMaxDepth = 64;  // deeper than any item tree; stops a loop of parents

Id parent_in(const Workspace& ws, Id id) {
  return visit_kind(ws.kind_of(id), [&]<class T>(T*) { return ws.find<T>(id)->parent; });
}

// True if `later` was written by someone who had seen `earlier`: it
// replaced it, or a later write of the same device. (Clocks of different
// devices say nothing about what either had seen.)
bool seen_when_written(const FieldWrite& later, const FieldWrite& earlier) {
  const SyncClock& replaced = later.replaces;
  return replaced == earlier.clock || (replaced.device == earlier.clock.device && earlier.clock <= replaced);
}

void record_all(Workspace& ws, ApplyResult& r) {
  for (auto& [id, change] : r.changes) ws.record(id, std::move(change));
}

}  // namespace

ProjectReplica::ProjectReplica(State state) : project_(state.project), clock_(state.clock.device) {
  clock_.restore(state.clock);
  for (ItemDoc& doc : state.docs) {
    const Id id = doc.id;
    index_child(doc);
    docs_.emplace(id, std::move(doc));
  }
  for (const Id id : state.outbox)
    if (docs_.count(id)) outbox_.insert(id);
  for (const Id id : state.changed_while_hidden)
    if (docs_.count(id)) changed_while_hidden_.insert(id);
}

ProjectReplica::State ProjectReplica::state() const {
  State state{project_, clock_.last(), {}, {outbox_.begin(), outbox_.end()},
              {changed_while_hidden_.begin(), changed_while_hidden_.end()}};
  state.docs.reserve(docs_.size());
  for (const auto& [id, doc] : docs_) state.docs.push_back(doc);
  return state;
}

bool ProjectReplica::in_project(const Workspace& ws, Id id) const {
  for (int depth = 0; depth < kMaxDepth && !id.nil(); ++depth) {
    if (id == project_) return true;
    if (!ws.contains(id)) return false;
    id = parent_in(ws, id);
  }
  return false;
}

void ProjectReplica::index_child(const ItemDoc& doc) {
  if (!doc.parent.nil()) children_[doc.parent].push_back(doc.id);
}

void ProjectReplica::stamp(Workspace& ws, std::string_view author, std::int64_t now_ms) {
  const ChangeJournal::Changes changes = ws.journal().since(seen_);
  seen_ = ws.journal().now();
  std::vector<Id> ids = std::move(changes.ids);
  if (changes.everything) {
    // Every item of the project here, and every document (its item may be gone).
    ids.clear();
    if (ws.contains(project_)) ids.push_back(project_);
    for (std::size_t i = 0; i < ids.size(); ++i)
      for (const Id child : ws.children_of(ids[i])) ids.push_back(child);
    for (const auto& [id, doc] : docs_) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  for (const Id id : ids) stamp_item(ws, id, author, now_ms);
  seen_ = ws.journal().now();  // writes applied to restored items are not local edits
}

void ProjectReplica::stamp_item(Workspace& ws, Id id, std::string_view author, std::int64_t now_ms) {
  const auto found = docs_.find(id);
  if (ws.contains(id)) {
    if (found == docs_.end() && !in_project(ws, id)) return;
    const std::string_view kind = kind_name(ws.kind_of(id));
    if (found != docs_.end() && found->second.kind != kind) return;  // a broken document; never written over
    if (changed_while_hidden_.erase(id) != 0) {
      ItemDoc& doc = found->second;
      if (doc.is_removed()) {
        doc.removed = FieldWrite{false, clock_.tick(now_ms), std::string(author), doc.removed.clock};
        outbox_.insert(id);
      }
      ReceiveReport ignored;  // a value the model refuses stays as it is here
      apply_fields(ws, doc, ignored);
      show_children(ws, id);
      return;
    }
    auto [it, fresh] = docs_.try_emplace(id);
    ItemDoc& doc = it->second;
    if (fresh) {
      doc.id = id;
      doc.kind = std::string(kind);
      doc.parent = parent_in(ws, id);
      index_child(doc);
    }
    bool wrote = fresh;
    for (auto& [name, value] : item_field_values(ws, id)) {
      const auto field = doc.fields.find(name);
      if (field != doc.fields.end() && !field->second.raw && field->second.value == value) continue;
      const SyncClock replaces = field == doc.fields.end() ? SyncClock{} : field->second.clock;
      doc.fields.insert_or_assign(std::string(name), FieldWrite{std::move(value), clock_.tick(now_ms), std::string(author), replaces});
      wrote = true;
    }
    const bool restored = doc.is_removed();
    if (restored) doc.removed = FieldWrite{false, clock_.tick(now_ms), std::string(author), doc.removed.clock};
    if (wrote || restored) outbox_.insert(id);
    if (restored) show_children(ws, id);
    return;
  }
  if (found == docs_.end()) return;
  ItemDoc& doc = found->second;
  if (doc.is_removed() || kind_index_of(doc.kind) == kItemKindCount) return;
  // Gone with its parent: the parent's document says so.
  if (doc.parent.nil() ? id != project_ : !ws.contains(doc.parent)) return;
  doc.removed = FieldWrite{true, clock_.tick(now_ms), std::string(author), doc.removed.clock};
  outbox_.insert(id);
}

bool ProjectReplica::shows(const Workspace& ws, const ItemDoc& doc) const {
  if (doc.is_removed() || kind_index_of(doc.kind) == kItemKindCount) return false;
  if (doc.id == project_) return doc.parent.nil() && doc.kind == "project";
  return !doc.parent.nil() && docs_.count(doc.parent) != 0 && ws.contains(doc.parent);
}

void ProjectReplica::note_lost_writes(Workspace& ws, const ItemDoc& before, const ItemDoc& remote) {
  auto note = [&](const std::string& name, const FieldWrite& lost, const FieldWrite& kept) {
    Change change{Timestamp{lost.clock.wall_ms}, lost.author, std::string(kLostEditPrefix) + name, lost.value, kept.value};
    const std::vector<Change>& log = ws.history(remote.id);
    if (std::find(log.begin(), log.end(), change) == log.end()) ws.record(remote.id, std::move(change));
  };
  for (const auto& [name, write] : remote.fields) {
    const auto local = before.fields.find(name);
    if (local == before.fields.end() || write.raw || local->second.raw || local->second.value == write.value) continue;
    const FieldWrite& mine = local->second;
    if (wins_over(mine, write)) {
      if (!seen_when_written(mine, write)) note(name, write, mine);  // the server's write lost to this device's
    } else if (!seen_when_written(write, mine)) {
      note(name, mine, write);  // this device's write lost to one made without seeing it
    }
  }
}

ReceiveReport ProjectReplica::receive(Workspace& ws, std::vector<ItemDoc> incoming, std::string_view author,
                                      std::int64_t now_ms) {
  ws.settle_histories();
  stamp(ws, author, now_ms);
  ReceiveReport report;
  std::vector<Id> touched;
  for (ItemDoc& remote : incoming) {
    if (remote.id.nil()) {
      report.warnings.push_back("a document without an id was left out");
      continue;
    }
    auto found = docs_.find(remote.id);
    if (found == docs_.end() && ws.contains(remote.id) && !in_project(ws, remote.id)) {
      report.warnings.push_back("document " + remote.id.to_string() + " names an item of another project; left out");
      continue;
    }
    if (found != docs_.end() && (found->second.kind != remote.kind || found->second.parent != remote.parent)) {
      // An item never changes kind or parent: a server that says otherwise is broken or hostile.
      report.warnings.push_back("document " + remote.id.to_string() + " changes its item's kind or parent; left out");
      continue;
    }
    for (const auto& [name, write] : remote.fields) clock_.observe(write.clock, now_ms);
    clock_.observe(remote.removed.clock, now_ms);
    const bool fresh = found == docs_.end();
    if (fresh) found = docs_.emplace(remote.id, ItemDoc{}).first;
    ItemDoc& doc = found->second;
    const ItemDoc before = fresh ? ItemDoc{} : doc;
    merge_doc(doc, remote);
    if (fresh) {
      index_child(doc);
    } else if (before.parent != doc.parent) {
      auto& siblings = children_[before.parent];
      siblings.erase(std::remove(siblings.begin(), siblings.end(), doc.id), siblings.end());
      index_child(doc);
    }
    // The server holds `remote`: this device has news for it only if the merge added some.
    if (doc == remote) outbox_.erase(doc.id);
    else outbox_.insert(doc.id);
    if (!fresh) note_lost_writes(ws, before, remote);
    touched.push_back(doc.id);
  }
  // Parents before children: a child shows only once its parent does.
  auto depth = [&](Id id) {
    int d = 0;
    for (auto it = docs_.find(id); it != docs_.end() && !it->second.parent.nil() && d < kMaxDepth; ++d)
      it = docs_.find(it->second.parent);
    return d;
  };
  std::vector<std::pair<int, Id>> order;
  for (const Id id : touched) order.emplace_back(depth(id), id);
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end()), order.end());
  for (const auto& [d, id] : order) bring_in_line(ws, id, report);
  seen_ = ws.journal().now();  // what was just applied is the server's, not a local edit
  return report;
}

void ProjectReplica::bring_in_line(Workspace& ws, Id id, ReceiveReport& report) {
  const ItemDoc& doc = docs_.at(id);
  const bool show = shows(ws, doc);
  const bool here = ws.contains(id);
  if (show && !here) {
    CreateItem create{doc.kind, id, doc.parent, {}};
    const FieldWrite* first = nullptr;  // the earliest write says who made the item, and when
    for (const auto& [name, write] : doc.fields) {
      if (write.raw) continue;
      create.fields.emplace_back(name, write.value);
      if (!first || write.clock < first->clock) first = &write;
    }
    const bool existed = !ws.history(id).empty();
    ApplyResult r = apply(ws, Command{{std::move(create)}, Timestamp{first ? first->clock.wall_ms : 0},
                                      first ? first->author : std::string(), "Sync"});
    if (!r.ok) {
      report.warnings.push_back(doc.kind + " " + id.to_string() + " could not be shown: " + r.error);
      return;
    }
    changed_while_hidden_.erase(id);
    if (existed)
      for (auto& [changed, change] : r.changes)
        if (change.what == "created") change.what = "restored";
    record_all(ws, r);
    ++report.applied;
    const std::vector<Id> children = children_[id];  // a copy: showing a child may index more
    for (const Id child : children) bring_in_line(ws, child, report);
    return;
  }
  if (show && here) {
    report.applied += apply_fields(ws, doc, report);
    return;
  }
  if (!show && !here) {
    changed_while_hidden_.insert(id);
    return;
  }
  if (!show && here) {
    ApplyResult r = apply(ws, Command{{RemoveItem{id}}, Timestamp{doc.removed.clock.wall_ms}, doc.removed.author, "Sync"});
    if (!r.ok) {
      report.warnings.push_back(doc.kind + " " + id.to_string() + " could not be removed: " + r.error);
      return;
    }
    record_all(ws, r);
    ++report.applied;
  }
}

void ProjectReplica::show_children(Workspace& ws, Id id) {
  ReceiveReport ignored;  // what cannot show stays in its document
  const std::vector<Id> children = children_[id];  // a copy: showing a child may index more
  for (const Id child : children) bring_in_line(ws, child, ignored);
}

bool ProjectReplica::apply_fields(Workspace& ws, const ItemDoc& doc, ReceiveReport& report) {
  bool changed = false;
  for (const auto& [name, write] : doc.fields) {
    if (write.raw || read_field(ws, doc.id, name) == write.value) continue;
    ApplyResult r = apply(ws, Command{{SetField{doc.id, name, write.value}}, Timestamp{write.clock.wall_ms}, write.author, "Sync"});
    if (!r.ok) {
      report.warnings.push_back(doc.kind + " " + doc.id.to_string() + ": " + r.error);
      continue;
    }
    record_all(ws, r);
    changed = true;
  }
  return changed;
}

void ProjectReplica::queue_everything() {
  for (const auto& [id, doc] : docs_) outbox_.insert(id);
}

void ProjectReplica::pushed(const ItemDoc& as_sent) {
  const auto found = docs_.find(as_sent.id);
  if (found != docs_.end() && found->second == as_sent) outbox_.erase(as_sent.id);
}

}  // namespace cairn
