// Dear ImGui configuration of the UI tests' own copy of ImGui and of the
// views (tests/ui/CMakeLists.txt: IMGUI_USER_CONFIG). Every translation unit
// of cairn_ui_tests that includes imgui.h sees it, so ImGuiContext has the
// same layout everywhere in that binary.
#pragma once

// The test-engine hooks (ItemAdd, ItemInfo): tests/ui/item_registry.cpp
// implements them to record every item of a frame and find duplicate ids.
#define IMGUI_ENABLE_TEST_ENGINE

// Asserts are live in every build type (Release defines NDEBUG, which turns
// the default assert() off): a failed IM_ASSERT throws ImGuiAssertFailure
// (the test reports it with the expression, the place and a stack) or, while
// throwing is off (tearing a context down), is printed.
void cairn_imgui_assert_failed(const char* expression, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ::cairn_imgui_assert_failed(#_EXPR, __FILE__, __LINE__))
