#pragma once
#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/change.h"
#include "core/change_journal.h"
#include "core/model.h"

namespace cairn {

namespace detail {
template <class Tuple>
struct MapsOf;
template <class... Ts>
struct MapsOf<std::tuple<Ts...>> {
  using type = std::tuple<std::map<Id, Ts>...>;
};

template <class T, class Tuple>
struct IndexOf;
template <class T, class... Ts>
struct IndexOf<T, std::tuple<T, Ts...>> : std::integral_constant<std::size_t, 0> {};
template <class T, class U, class... Ts>
struct IndexOf<T, std::tuple<U, Ts...>>
    : std::integral_constant<std::size_t, 1 + IndexOf<T, std::tuple<Ts...>>::value> {};
}  // namespace detail

// Position of an item type in ItemTypes (its "kind index").
template <class T>
inline constexpr std::size_t kKindIndex = detail::IndexOf<T, ItemTypes>::value;

// Calls f(T*) with a null pointer of the item type at `kind_index`
// (a way to get from a runtime kind to a compile-time type).
template <class F>
decltype(auto) visit_kind(std::size_t kind_index, F&& f) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) -> decltype(auto) {
    using R = decltype(f(static_cast<std::tuple_element_t<0, ItemTypes>*>(nullptr)));
    R result{};
    ((I == kind_index ? (void)(result = f(static_cast<std::tuple_element_t<I, ItemTypes>*>(nullptr))) : void()), ...);
    return result;
  }(std::make_index_sequence<kItemKindCount>{});
}

// Kind index for a kind name ("task"), or kItemKindCount if unknown.
constexpr std::size_t kind_index_of(std::string_view kind) {
  std::size_t found = kItemKindCount;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((std::tuple_element_t<I, ItemTypes>::kKind == kind ? (void)(found = I) : void()), ...);
  }(std::make_index_sequence<kItemKindCount>{});
  return found;
}
std::string_view kind_name(std::size_t kind_index);

class Workspace;

// Histories the store has read but not decoded yet, in parts (see
// store/snapshot.h). A large workspace opens without decoding every item's
// history first: the workspace decodes them when something first needs one,
// or a part at a time between frames.
class PendingHistories {
 public:
  struct Part {
    std::vector<std::pair<Id, std::vector<Change>>> logs;  // of items `ws` holds
    std::string error;  // why (some of) this part could not be read
  };
  virtual ~PendingHistories() = default;
  virtual std::size_t parts() const = 0;
  virtual Part decode(std::size_t index, const Workspace& ws) const = 0;
};

// All items of a workspace, one map per kind, with an index from parent to
// children. Read-only to everything but the command functions.
class Workspace {
 public:
  template <class T>
  const std::map<Id, T>& all() const {
    return std::get<std::map<Id, T>>(maps_);
  }

  template <class T>
  const T* find(Id id) const {
    const auto& map = all<T>();
    const auto it = map.find(id);
    return it == map.end() ? nullptr : &it->second;
  }

  bool contains(Id id) const { return kind_of(id) != kItemKindCount; }
  // Kind index of the item, or kItemKindCount when there is none. Asks each
  // kind's map in turn (a few dozen comparisons): a hash index from id to
  // kind would cost a 10k-task load ~1.2 MB of fresh memory and a sixth of
  // its decoding time.
  std::size_t kind_of(Id id) const;
  // Direct children of an item (in no particular order).
  const std::vector<Id>& children_of(Id id) const;
  std::size_t size() const;
  // An id that two items of different kinds share, or nil. Nothing the
  // commands make can do that; the store refuses a snapshot that does.
  Id id_of_two_kinds() const;

  // What changed on an item and when, oldest first. Kept for removed items
  // too (an undo may restore them); the store saves the histories of the
  // items that exist. While histories_pending(), these read only what has
  // been decoded: whoever needs all of them settles first (the App does
  // before saving and when a view asks, see ViewContext::wants_histories).
  static constexpr std::size_t kMaxChangesPerItem = 200;
  const std::vector<Change>& history(Id id) const;
  const std::unordered_map<Id, std::vector<Change>>& histories() const { return history_; }
  // Histories to decode later (replaces any still pending).
  void defer_histories(std::shared_ptr<const PendingHistories> pending) {
    pending_ = std::move(pending);
    pending_next_ = 0;
  }
  bool histories_pending() const { return pending_ != nullptr; }
  // Decodes the next pending part; false when none was left.
  bool decode_pending_part();
  void settle_histories() {
    while (decode_pending_part()) {
    }
  }
  // Why some histories were left out when decoded late ("" if none were).
  const std::string& history_problem() const { return history_problem_; }
  // Appends a change, or folds it into the last one (keystrokes in one
  // field). The oldest changes beyond kMaxChangesPerItem are dropped.
  // Settles pending histories first.
  void record(Id id, Change change, bool merge_with_last = false);
  void clear_history() {
    pending_.reset();
    history_.clear();
    journal_.note_everything();
  }

  // Items added, changed or removed, or whose history grew, in order: the
  // browser store (and team sync) read what changed since their own cursor.
  const ChangeJournal& journal() const { return journal_; }
  // The store turns this off while it fills a workspace it has just read
  // (nothing read needs saving again, and 33k hash inserts cost time).
  void set_journaling(bool on) { journaling_ = on; }

  // Same items with the same values (histories aside).
  bool same_items(const Workspace& other) const { return maps_ == other.maps_; }
  // Same items and same histories: everything the store keeps (both settled).
  bool operator==(const Workspace& other) const {
    return same_items(other) && histories() == other.histories();
  }

  // Adding and removing keep the indexes right. Callers (core/commands.cpp,
  // the store) check parents and ids first.
  template <class T>
  void insert(T item) {
    note(item.id);
    if (!item.parent.nil()) children_[item.parent].push_back(item.id);
    const Id id = item.id;
    std::get<std::map<Id, T>>(maps_)[id] = std::move(item);
  }
  void insert_any(AnyItem item);
  // For the store's loader: adds `item` unless an item of its kind has its
  // id (false). Ids shared across kinds are the loader's to find (it sorts
  // the ids it read). Rows arrive in id order: the insert is hinted at the end.
  template <class T>
  bool insert_new(T item) {
    auto& map = std::get<std::map<Id, T>>(maps_);
    const std::size_t before = map.size();
    const Id id = item.id, parent = item.parent;
    map.emplace_hint(map.end(), id, std::move(item));
    if (map.size() == before) return false;
    note(id);
    if (!parent.nil()) children_[parent].push_back(id);
    return true;
  }
  // For the store's loader: an item's whole history at once (the newest
  // kMaxChangesPerItem changes are kept).
  void set_history(Id id, std::vector<Change> log);
  // Removes one item (not its children); returns it.
  AnyItem erase(Id id);
  // A mutable item, for the command functions only.
  template <class T>
  T* find_mutable(Id id) {
    auto& map = std::get<std::map<Id, T>>(maps_);
    const auto it = map.find(id);
    if (it == map.end()) return nullptr;
    note(id);
    return &it->second;
  }

 private:
  typename detail::MapsOf<ItemTypes>::type maps_;
  std::unordered_map<Id, std::vector<Id>> children_;
  std::unordered_map<Id, std::vector<Change>> history_;
  std::shared_ptr<const PendingHistories> pending_;
  std::size_t pending_next_ = 0;
  std::string history_problem_;
  void note(Id id) {
    if (journaling_) journal_.note(id);
  }
  ChangeJournal journal_;
  bool journaling_ = true;
};

// Id and parent of any item.
Id id_of(const AnyItem& item);
Id parent_of(const AnyItem& item);

// The children of `parent` of kind T in id order: the same order on every
// device and after every reload (children_of keeps none).
template <class T>
std::vector<const T*> children_in_id_order(const Workspace& ws, Id parent) {
  std::vector<const T*> out;
  for (const Id id : ws.children_of(parent))
    if (const T* item = ws.find<T>(id)) out.push_back(item);
  std::sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->id < b->id; });
  return out;
}

}  // namespace cairn
