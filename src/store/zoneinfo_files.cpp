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

}  // namespace cairn::store
