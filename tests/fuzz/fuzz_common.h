#pragma once
// Shared by the fuzz targets and the seed generator.
#include <cstdio>
#include <cstdlib>
#include <tuple>
#include <utility>

#include "core/workspace.h"

namespace cairn::fuzz {

// The workspace the JSON target imports into and applies commands to. The
// seed generator writes commands naming its ids, so mutations start from
// operations that actually reach items.
inline constexpr std::uint64_t kBaseSeed = 42;
inline constexpr int kBaseProjects = 1;
inline constexpr int kBaseItemsPerKind = 2;

// An invariant the code under test must keep: abort so libFuzzer reports
// the input (a plain assert would vanish in RelWithDebInfo).
#define CAIRN_FUZZ_CHECK(cond)                                                    \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

// The workspace's indexes agree with its item maps: every item is known
// under its own kind, its parent exists with the kind it expects and lists
// it exactly once, and no parent lists a child that does not point back.
// (Workspace::operator== compares only the maps, so this covers the rest.)
inline void check_indexes(const Workspace& ws) {
  std::size_t items = 0, with_parent = 0, listed_children = 0;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::tuple_element_t<I, ItemTypes>;
          for (const auto& entry : ws.all<T>()) {
            const Id id = entry.first;  // (clang 14 cannot capture a structured binding)
            const T& item = entry.second;
            ++items;
            CAIRN_FUZZ_CHECK(id == item.id && !id.nil());
            CAIRN_FUZZ_CHECK(ws.contains(id) && ws.kind_of(id) == I);
            CAIRN_FUZZ_CHECK(T::kParentKind.empty() == item.parent.nil());
            for (const Id child : ws.children_of(id)) {
              ++listed_children;
              CAIRN_FUZZ_CHECK(ws.contains(child));
              visit_kind(ws.kind_of(child), [&]<class C>(C*) {
                CAIRN_FUZZ_CHECK(ws.find<C>(child)->parent == id);
                return 0;
              });
            }
            if (item.parent.nil()) continue;
            ++with_parent;
            CAIRN_FUZZ_CHECK(kind_name(ws.kind_of(item.parent)) == T::kParentKind);
            std::size_t listed = 0;
            for (const Id sibling : ws.children_of(item.parent)) listed += sibling == id;
            CAIRN_FUZZ_CHECK(listed == 1);
          }
        }(),
        ...);
  }(std::make_index_sequence<kItemKindCount>{});
  CAIRN_FUZZ_CHECK(items == ws.size());
  CAIRN_FUZZ_CHECK(listed_children == with_parent);
}

// Same items with the same values. (Workspace::operator== may compare more,
// e.g. histories, which JSON export does not carry.)
inline bool items_equal(const Workspace& a, const Workspace& b) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return ((a.all<std::tuple_element_t<I, ItemTypes>>() == b.all<std::tuple_element_t<I, ItemTypes>>()) && ...);
  }(std::make_index_sequence<kItemKindCount>{});
}

}  // namespace cairn::fuzz
