#include "store/zoneinfo_files.h"

#include <fstream>
#include <iterator>
#include <system_error>

#include "core/time_zone.h"

namespace cairn::store {

std::optional<std::string> read_zoneinfo(std::string_view name, const std::filesystem::path& root) {
  if (!valid_zone_name(name)) return std::nullopt;
  const std::filesystem::path path = root / std::filesystem::path(std::string(name));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  // The largest zone files are a few kilobytes; anything huge is not one.
  constexpr std::uintmax_t kMaxBytes = 1 << 20;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxBytes) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return bytes;
}

std::string local_zone_name(const char* tz_variable, const std::filesystem::path& etc,
                            const std::filesystem::path& root) {
  const auto usable = [&](std::string name) -> std::string {
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r' || name.back() == ' ')) name.pop_back();
    if (!name.empty() && name.front() == ':') name.erase(0, 1);
    return valid_zone_name(name) && read_zoneinfo(name, root) ? name : std::string();
  };
  if (tz_variable && *tz_variable) return usable(tz_variable);  // set: it decides, even when unusable
  std::error_code ec;
  const std::string link = std::filesystem::read_symlink(etc / "localtime", ec).generic_string();
  if (const std::size_t at = link.find("zoneinfo/"); !ec && at != std::string::npos)
    if (std::string name = usable(link.substr(at + 9)); !name.empty()) return name;
  std::ifstream in(etc / "timezone");
  std::string line;
  if (in && std::getline(in, line)) return usable(line);
  return {};
}

}  // namespace cairn::store
