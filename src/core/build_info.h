#pragma once
#include <string_view>

namespace cairn {

// The version the build was configured with (CMake project version).
std::string_view version();

}  // namespace cairn
