#pragma once
// Only in cairn_ui_tests: needs ImGui built with IMGUI_ENABLE_TEST_ENGINE
// (imgui_test_config.h).
#include <imgui.h>
#include <imgui_internal.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#ifndef IMGUI_ENABLE_TEST_ENGINE
#error "item_registry.h needs IMGUI_ENABLE_TEST_ENGINE (tests/ui/imgui_test_config.h)"
#endif

namespace cairn::uitest {

// A failed IM_ASSERT: the expression, file:line and the stack.
struct ImGuiAssertFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Throwing is on by default; off, failures are printed and counted only
// (needed while a context that threw mid-frame is destroyed).
void set_imgui_asserts_throw(bool on);
int imgui_assert_failures();  // since the start of the program

// One item submitted in a frame, as ImGui's test-engine hooks report it.
struct ItemRecord {
  ImGuiID id = 0;
  std::string window;  // the window it was submitted in
  std::string label;   // from ItemInfo; "" for items that give none
  ImRect rect;
  ImGuiItemStatusFlags flags = 0;  // from ItemInfo
  ImGuiID seed = 0;                // the top of the window's id stack: id = hash(label, seed)
  bool in_clip_rect = false;       // overlaps the window's clip rectangle (ImGui draws it)
  bool by_end_child = false;       // registered by EndChild for its child window

  ImVec2 center() const { return rect.GetCenter(); }
  bool visible() const { return in_clip_rect; }
  // Its label, or (widgets that report none: combos, table headers) whether
  // `label` hashes to its id.
  bool has_label(std::string_view label) const;
};

// The same id submitted more than once in one frame: ImGui then mixes up the
// items' hover, active and open states (a click on one acts on the other).
struct DuplicateId {
  ImGuiID id = 0;
  std::vector<ItemRecord> items;
  std::string describe() const;
};

// Records every item of every frame through the test-engine hooks
// (ImGuiTestEngineHook_ItemAdd / _ItemInfo) and finds duplicate ids.
// Dear ImGui 1.90.1 has no duplicate-id detection of its own.
class ItemRegistry {
 public:
  ItemRegistry() = default;
  ItemRegistry(const ItemRegistry&) = delete;
  ItemRegistry& operator=(const ItemRegistry&) = delete;
  ~ItemRegistry() { detach(); }

  // Sets context->TestEngine to this and turns TestEngineHookItems on
  // (without it ImGui calls no hook).
  void attach(ImGuiContext* context);
  void detach();

  // Before NewFrame: starts a new frame's record.
  void begin_frame();
  // The items of the current (or, between frames, the last) frame.
  const std::vector<ItemRecord>& items() const { return items_; }
  std::vector<DuplicateId> duplicates() const;

  // Items of the last frame whose label is `label` (or starts with it when
  // `prefix`), in windows whose name contains `window`; visible ones first.
  // Items that report no label are matched by id (hash of `label`).
  std::vector<const ItemRecord*> find_all(std::string_view label, std::string_view window = {}, bool prefix = false) const;
  const ItemRecord* find(std::string_view label, std::string_view window = {}, bool prefix = false) const;
  const char* label_of(ImGuiID id) const;

  // The hooks' entry points.
  void item_add(ImGuiContext& g, ImGuiID id, const ImRect& bb);
  void item_info(ImGuiContext& g, ImGuiID id, const char* label, ImGuiItemStatusFlags flags);

 private:
  bool owned_child(const std::vector<std::size_t>& group, std::size_t index) const;

  ImGuiContext* context_ = nullptr;
  std::vector<ItemRecord> items_;
  std::unordered_map<ImGuiID, std::vector<std::size_t>> by_id_;
  std::unordered_map<ImGuiID, std::string> labels_;  // every frame so far, for FindItemDebugLabel
};

}  // namespace cairn::uitest
