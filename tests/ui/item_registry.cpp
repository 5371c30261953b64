#include "item_registry.h"

#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

namespace cairn::uitest {
namespace {

bool g_asserts_throw = true;
int g_assert_failures = 0;

std::string hex(ImGuiID id) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08X", id);
  return text;
}

// "function at file:line" for each frame of the current stack, through one
// addr2line run per module (names of static functions too, and lines where
// there is debug information); backtrace_symbols() text where that fails.
std::string stack_text(int skip) {
  void* frames[48];
  const int n = backtrace(frames, 48);
  std::vector<std::string> lines(static_cast<std::size_t>(std::max(0, n - skip)));
  std::vector<std::pair<std::string, std::vector<int>>> modules;  // module -> frame indexes
  std::vector<std::uintptr_t> offsets(lines.size());
  for (int i = skip; i < n; ++i) {
    Dl_info info{};
    if (!dladdr(frames[i], &info) || !info.dli_fname) continue;
    // -1: the return address points after the call.
    offsets[static_cast<std::size_t>(i - skip)] =
        reinterpret_cast<std::uintptr_t>(frames[i]) - reinterpret_cast<std::uintptr_t>(info.dli_fbase) - 1;
    auto it = std::find_if(modules.begin(), modules.end(), [&](const auto& m) { return m.first == info.dli_fname; });
    if (it == modules.end()) it = modules.insert(modules.end(), {info.dli_fname, {}});
    it->second.push_back(i - skip);
  }
  for (const auto& [module, indexes] : modules) {
    std::string command = "addr2line -C -f -p -e '" + module + "'";
    for (const int i : indexes) {
      char address[32];
      std::snprintf(address, sizeof address, " 0x%zx", static_cast<std::size_t>(offsets[static_cast<std::size_t>(i)]));
      command += address;
    }
    command += " 2>/dev/null";
    if (FILE* pipe = popen(command.c_str(), "r")) {
      char buffer[2048];
      std::size_t k = 0;
      while (k < indexes.size() && std::fgets(buffer, sizeof buffer, pipe)) {
        std::string line = buffer;
        while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.pop_back();
        if (line.rfind("??", 0) != 0) lines[static_cast<std::size_t>(indexes[k])] = line;
        ++k;
      }
      pclose(pipe);
    }
  }
  // Start below the assert handler (inlining makes a fixed count wrong).
  std::size_t first = 0;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].find("cairn_imgui_assert_failed") != std::string::npos) first = i + 1;
  std::string out;
  for (std::size_t i = first; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (line.empty()) {
      std::unique_ptr<char*, decltype(&std::free)> symbols(backtrace_symbols(frames + skip + static_cast<int>(i), 1), &std::free);
      line = symbols ? symbols.get()[0] : "?";
    }
    // Stop at the test runner (doctest) and below.
    if (line.find("doctest::") != std::string::npos) break;
    out += "    #" + std::to_string(i - first) + " " + line + "\n";
  }
  return out;
}

ItemRegistry* registry_of(ImGuiContext* ctx) { return ctx ? static_cast<ItemRegistry*>(ctx->TestEngine) : nullptr; }

}  // namespace

void set_imgui_asserts_throw(bool on) { g_asserts_throw = on; }
int imgui_assert_failures() { return g_assert_failures; }

bool ItemRecord::has_label(std::string_view text) const {
  if (!label.empty()) return label == text;
  return ImHashStr(text.data(), text.size(), seed) == id;
}

std::string DuplicateId::describe() const {
  std::string s = "id " + hex(id) + " submitted " + std::to_string(items.size()) + " times:";
  for (const ItemRecord& item : items)
    s += "\n      label \"" + item.label + "\" in window \"" + item.window + "\" at (" +
         std::to_string(static_cast<int>(item.rect.Min.x)) + "," + std::to_string(static_cast<int>(item.rect.Min.y)) +
         ")" + (item.by_end_child ? " [child window]" : "");
  return s;
}

void ItemRegistry::attach(ImGuiContext* context) {
  detach();
  context_ = context;
  context_->TestEngine = this;
  context_->TestEngineHookItems = true;
}

void ItemRegistry::detach() {
  if (!context_) return;
  if (context_->TestEngine == this) {
    context_->TestEngine = nullptr;
    context_->TestEngineHookItems = false;
  }
  context_ = nullptr;
}

void ItemRegistry::begin_frame() {
  items_.clear();
  by_id_.clear();
}

void ItemRegistry::item_add(ImGuiContext& g, ImGuiID id, const ImRect& bb) {
  if (id == 0) return;
  ItemRecord r;
  r.id = id;
  r.window = g.CurrentWindow ? g.CurrentWindow->Name : "";
  r.rect = bb;
  if (ImGuiWindow* w = g.CurrentWindow) {
    r.seed = w->IDStack.Size > 0 ? w->IDStack.back() : 0;
    r.in_clip_rect = bb.Overlaps(w->ClipRect);
  }
  r.by_end_child = g.WithinEndChild;
  if (const auto it = labels_.find(id); it != labels_.end()) r.label = it->second;
  by_id_[id].push_back(items_.size());
  items_.push_back(std::move(r));
}

void ItemRegistry::item_info(ImGuiContext&, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  if (id == 0) return;
  const auto it = by_id_.find(id);
  if (it == by_id_.end()) return;
  ItemRecord& r = items_[it->second.back()];  // ItemInfo follows the item's ItemAdd
  r.label = label ? label : "";
  r.flags = flags;
  labels_[id] = r.label;
}

// InputTextMultiline registers its id, then opens a child window with the
// same id, which EndChild registers again at the same place: one widget, not
// a conflict. (ItemInfo, with the Inputable flag, comes after both.)
bool ItemRegistry::owned_child(const std::vector<std::size_t>& group, std::size_t index) const {
  const ItemRecord& child = items_[index];
  if (!child.by_end_child) return false;
  for (const std::size_t j : group) {
    const ItemRecord& owner = items_[j];
    if (j == index || owner.by_end_child || owner.window != child.window) continue;
    const bool same_place = ImFabs(owner.rect.Min.x - child.rect.Min.x) < 1.0f && ImFabs(owner.rect.Min.y - child.rect.Min.y) < 1.0f;
    if (same_place && ((owner.flags | child.flags) & ImGuiItemStatusFlags_Inputable)) return true;
  }
  return false;
}

std::vector<DuplicateId> ItemRegistry::duplicates() const {
  std::vector<DuplicateId> out;
  for (const auto& [id, indexes] : by_id_) {
    if (indexes.size() < 2) continue;
    DuplicateId d{id, {}};
    for (const std::size_t i : indexes)
      if (!owned_child(indexes, i)) d.items.push_back(items_[i]);
    if (d.items.size() >= 2) out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const DuplicateId& a, const DuplicateId& b) { return a.id < b.id; });
  return out;
}

std::vector<const ItemRecord*> ItemRegistry::find_all(std::string_view label, std::string_view window, bool prefix) const {
  std::vector<const ItemRecord*> out;
  for (const ItemRecord& r : items_) {
    const bool label_ok = prefix ? std::string_view(r.label).substr(0, label.size()) == label : r.has_label(label);
    if (label_ok && (window.empty() || r.window.find(window) != std::string::npos)) out.push_back(&r);
  }
  std::stable_sort(out.begin(), out.end(), [](const ItemRecord* a, const ItemRecord* b) { return a->visible() > b->visible(); });
  return out;
}

const ItemRecord* ItemRegistry::find(std::string_view label, std::string_view window, bool prefix) const {
  const auto all = find_all(label, window, prefix);
  return all.empty() ? nullptr : all.front();
}

const char* ItemRegistry::label_of(ImGuiID id) const {
  const auto it = labels_.find(id);
  return it == labels_.end() ? nullptr : it->second.c_str();
}

}  // namespace cairn::uitest

// --- Dear ImGui's extern hooks (imgui_internal.h, IMGUI_ENABLE_TEST_ENGINE) ----

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
  if (auto* r = cairn::uitest::registry_of(ctx)) r->item_add(*ctx, id, bb);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  if (auto* r = cairn::uitest::registry_of(ctx)) r->item_info(*ctx, id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) {
  const auto* r = cairn::uitest::registry_of(ctx);
  return r ? r->label_of(id) : nullptr;
}

// --- IM_ASSERT (imgui_test_config.h) -------------------------------------------

void cairn_imgui_assert_failed(const char* expression, const char* file, int line) {
  ++cairn::uitest::g_assert_failures;
  const char* slash = std::strrchr(file, '/');
  std::string message = std::string("IM_ASSERT(") + expression + ") failed at " + (slash ? slash + 1 : file) + ":" +
                        std::to_string(line) + "\n  stack:\n" + cairn::uitest::stack_text(0);
  if (!cairn::uitest::g_asserts_throw) {
    std::fprintf(stderr, "%s\n", message.c_str());
    return;
  }
  throw cairn::uitest::ImGuiAssertFailure(message);
}
