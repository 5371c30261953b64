#include "core/workspace.h"

#include <algorithm>

namespace cairn {

std::string_view kind_name(std::size_t kind_index) {
  return visit_kind(kind_index, []<class T>(T*) { return T::kKind; });
}

std::size_t Workspace::kind_of(Id id) const {
  std::size_t found = kItemKindCount;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (void)((std::get<I>(maps_).count(id) != 0 ? (found = I, true) : false) || ...);
  }(std::make_index_sequence<kItemKindCount>{});
  return found;
}

std::size_t Workspace::size() const {
  return std::apply([](const auto&... maps) { return (maps.size() + ...); }, maps_);
}

// The maps are in id order: walk them together, smallest id first, like the
// merge step of a merge sort. No memory, one pass over every item.
Id Workspace::id_of_two_kinds() const {
  auto cursors = std::apply(
      [](const auto&... maps) { return std::make_tuple(std::make_pair(maps.begin(), maps.end())...); }, maps_);
  for (;;) {
    const Id* smallest = nullptr;
    std::apply(
        [&](const auto&... c) {
          ((c.first != c.second && (!smallest || c.first->first < *smallest) ? (void)(smallest = &c.first->first)
                                                                              : void()),
           ...);
        },
        cursors);
    if (!smallest) return Id{};
    const Id id = *smallest;  // copied: the cursor it points into moves on
    int holders = 0;
    std::apply([&](auto&... c) { ((c.first != c.second && c.first->first == id ? (void)(++holders, ++c.first) : void()), ...); },
               cursors);
    if (holders > 1) return id;
  }
}

const std::vector<Id>& Workspace::children_of(Id id) const {
  static const std::vector<Id> kNone;
  const auto it = children_.find(id);
  return it == children_.end() ? kNone : it->second;
}

void Workspace::insert_any(AnyItem item) {
  std::visit([this](auto&& typed) { insert(std::move(typed)); }, std::move(item));
}

const std::vector<Change>& Workspace::history(Id id) const {
  static const std::vector<Change> kNone;
  const auto it = history_.find(id);
  return it == history_.end() ? kNone : it->second;
}

bool Workspace::decode_pending_part() {
  if (!pending_) return false;
  PendingHistories::Part part = pending_->decode(pending_next_++, *this);
  for (auto& [id, log] : part.logs) {
    if (log.size() > kMaxChangesPerItem) log.erase(log.begin(), log.end() - kMaxChangesPerItem);
    if (!log.empty()) history_[id] = std::move(log);
  }
  if (!part.error.empty() && history_problem_.empty()) history_problem_ = std::move(part.error);
  if (pending_next_ >= pending_->parts()) {
    pending_.reset();
    pending_next_ = 0;
  }
  return true;
}

void Workspace::record(Id id, Change change, bool merge_with_last) {
  settle_histories();
  note(id);
  std::vector<Change>& log = history_[id];
  if (merge_with_last && !log.empty() && log.back().what == change.what) {
    log.back().after = std::move(change.after);
    log.back().at = change.at;
    return;
  }
  log.push_back(std::move(change));
  if (log.size() > kMaxChangesPerItem) log.erase(log.begin(), log.end() - kMaxChangesPerItem);
}

void Workspace::set_history(Id id, std::vector<Change> log) {
  settle_histories();
  note(id);
  if (log.size() > kMaxChangesPerItem) log.erase(log.begin(), log.end() - kMaxChangesPerItem);
  history_[id] = std::move(log);
}

AnyItem Workspace::erase(Id id) {
  note(id);
  const std::size_t kind = kind_of(id);
  AnyItem removed = visit_kind(kind, [&]<class T>(T*) -> AnyItem {
    auto& map = std::get<std::map<Id, T>>(maps_);
    const auto it = map.find(id);
    AnyItem item = std::move(it->second);
    map.erase(it);
    return item;
  });
  const Id parent = parent_of(removed);
  if (!parent.nil()) {
    auto& siblings = children_[parent];
    siblings.erase(std::remove(siblings.begin(), siblings.end(), id), siblings.end());
    if (siblings.empty()) children_.erase(parent);
  }
  return removed;
}

Id id_of(const AnyItem& item) {
  return std::visit([](const auto& typed) { return typed.id; }, item);
}

Id parent_of(const AnyItem& item) {
  return std::visit([](const auto& typed) { return typed.parent; }, item);
}

}  // namespace cairn
