#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cairn::store {

// The system's time zone database (Debian's tzdata package): one TZif file
// per zone under /usr/share/zoneinfo. Returns the file's bytes, or nullopt
// when the name is not a valid IANA name (core/time_zone.h valid_zone_name,
// so nothing outside `root` is ever read), there is no such file, or it is
// implausibly large for a TZif file.
std::optional<std::string> read_zoneinfo(std::string_view name,
                                         const std::filesystem::path& root = "/usr/share/zoneinfo");

// This computer's zone as an IANA name, "" when it cannot be told: $TZ
// ("Asia/Tokyo" or ":Asia/Tokyo"), else the target of the /etc/localtime
// link (".../zoneinfo/Europe/Berlin", what systemd sets), else the older
// /etc/timezone. Only names that are valid and have a file under `root`
// count. `etc` and `root` are arguments for the tests.
std::string local_zone_name(const char* tz_variable, const std::filesystem::path& etc = "/etc",
                            const std::filesystem::path& root = "/usr/share/zoneinfo");

}  // namespace cairn::store
