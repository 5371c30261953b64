#include "support/random_workspace.h"

#include <random>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/fields.h"

namespace cairn::testing {
namespace {

const std::vector<std::string_view>& all_enum_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    auto add = [&](const auto& list) { out.insert(out.end(), list.begin(), list.end()); };
    add(EnumNames<Domain>::names);
    add(EnumNames<Phase>::names);
    add(EnumNames<MetricLevel>::names);
    add(EnumNames<Direction>::names);
    add(EnumNames<DataSourceStatus>::names);
    add(EnumNames<TaskStatus>::names);
    add(EnumNames<Stage>::names);
    add(EnumNames<DependencyType>::names);
    add(EnumNames<SprintKind>::names);
    add(EnumNames<Comparison>::names);
    add(EnumNames<GateDecision>::names);
    add(EnumNames<RiskCategory>::names);
    add(EnumNames<RiskStatus>::names);
    add(EnumNames<ExperimentStatus>::names);
    add(EnumNames<RunSystem>::names);
    return out;
  }();
  return names;
}

class Generator {
 public:
  Generator(std::uint64_t seed, bool history) : rng_(seed), ids_(seed ^ 0x5DEECE66Dull), history_(history) {}

  std::string text() {
    static const char* kPieces[] = {"data", " ", "Label", "é", "ü", "中文", "\n", "\"q\"", ",", "\t", "🚀", "x"};
    std::string s;
    const int n = static_cast<int>(rng_() % 8);
    for (int i = 0; i < n; ++i) s += kPieces[rng_() % std::size(kPieces)];
    return s;
  }

  // A random value of the same type as `current`.
  Value like(const Value& current) {
    if (rng_() % 5 == 0) return Null{};  // refused by non-optional fields: fine
    switch (current.index()) {
      case 1: return rng_() % 2 == 0;
      case 2: return static_cast<std::int64_t>(rng_() % 7);
      case 3: return static_cast<double>(static_cast<int>(rng_() % 200000) - 100000) / 8.0;
      case 4: return rng_() % 2 ? Value{text()} : Value{std::string(all_enum_names()[rng_() % all_enum_names().size()])};
      case 5: return ids_.next();
      case 6: return Date{static_cast<std::int32_t>(rng_() % 40000) - 5000};
      case 7: return Timestamp{static_cast<std::int64_t>(rng_() % 4'000'000'000'000ull)};
      case 8: {
        StringList list;
        for (int i = static_cast<int>(rng_() % 4); i > 0; --i) list.push_back(text());
        return list;
      }
      default: {  // unset optional: its type is unknown, try a few
        const Value candidates[] = {static_cast<double>(rng_() % 1000) / 4.0, Date{static_cast<std::int32_t>(rng_() % 30000)}};
        return candidates[rng_() % 2];
      }
    }
  }

  // Adds n items of kind T under `parent`, each with up to `max_items`
  // children of every kind nested under T.
  template <class T>
  void add_items(Workspace& ws, Id parent, int n, int max_items) {
    for (int i = 0; i < n; ++i) {
      const Id id = ids_.next();
      Command c;
      c.ops.push_back(CreateItem{std::string(T::kKind), id, parent, {}});
      run(ws, c);
      for (const FieldDef<T>& f : fields_of<T>()) {
        for (int attempt = 0; attempt < 6; ++attempt) {
          Command set;
          set.ops.push_back(SetField{id, std::string(f.name), like(f.get(*ws.find<T>(id)))});
          if (run(ws, set)) break;
        }
      }
      children_of_kind<T>(ws, id, max_items);
    }
  }

 private:
  // Applies a command and, like CommandStack, records what changed. Times
  // and authors come from a counter, not from rng_, so the items stay the
  // same with or without history.
  bool run(Workspace& ws, Command& command) {
    ++changes_;
    command.at = Timestamp{1'780'000'000'000 + changes_ * 1'250};
    command.author = changes_ % 3 ? "Ana Lima" : "李雷";
    ApplyResult result = apply(ws, command);
    if (result.ok && history_)
      for (auto& [id, change] : result.changes) ws.record(id, std::move(change));
    return result.ok;
  }

  // Items nested under T. (A recursive template: clang 14 crashes on the
  // equivalent fold over a generic lambda.)
  template <class T, std::size_t I = 0>
  void children_of_kind(Workspace& ws, Id id, int max_items) {
    if constexpr (I < kItemKindCount) {
      using C = std::tuple_element_t<I, ItemTypes>;
      if constexpr (C::kParentKind == T::kKind)
        add_items<C>(ws, id, static_cast<int>(rng_() % static_cast<unsigned>(max_items + 1)), max_items);
      children_of_kind<T, I + 1>(ws, id, max_items);
    }
  }

  std::mt19937_64 rng_;
  IdSource ids_;
  bool history_;
  std::int64_t changes_ = 0;
};

}  // namespace

Workspace random_workspace(std::uint64_t seed, int projects, int max_items_per_kind, bool history) {
  Workspace ws;
  Generator gen(seed, history);
  gen.add_items<Project>(ws, Id{}, projects, max_items_per_kind);
  return ws;
}

Workspace reinserted(const Workspace& ws, bool backwards) {
  Workspace out;
  for (std::size_t k = 0; k < kItemKindCount; ++k) {
    visit_kind(backwards ? kItemKindCount - 1 - k : k, [&]<class T>(T*) {
      const auto& items = ws.all<T>();
      if (backwards)
        for (auto it = items.rbegin(); it != items.rend(); ++it) out.insert(it->second);
      else
        for (const auto& [id, item] : items) out.insert(item);
      return 0;
    });
  }
  return out;
}

}  // namespace cairn::testing
