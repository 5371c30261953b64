#pragma once
#include <string>
#include <string_view>

namespace cairn {

// "churn-model-2026-11-26.json" for a project, "cairn-workspace-2026-11-26.json"
// for the whole workspace (empty name). Letters outside ASCII become dashes
// so the name is safe on every file system.
std::string suggested_export_name(std::string_view project_name, std::string_view today);

// The file's own name, without its folders ("/tmp/a/b.json" -> "b.json";
// "\\" also separates): how notices name a file the user picked.
std::string_view base_name(std::string_view path);

}  // namespace cairn
