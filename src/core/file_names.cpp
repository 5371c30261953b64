#include "core/file_names.h"

namespace cairn {

std::string suggested_export_name(std::string_view project_name, std::string_view today) {
  constexpr std::size_t kMaxSlug = 48;
  std::string slug;
  for (const char c : project_name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += c;
    else if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
    else if (!slug.empty() && slug.back() != '-') slug += '-';
    if (slug.size() >= kMaxSlug) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) slug = project_name.empty() ? "cairn-workspace" : "cairn-project";
  return slug + "-" + std::string(today) + ".json";
}

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace cairn
