#include "core/build_info.h"

namespace cairn {

std::string_view version() { return CAIRN_VERSION; }

}  // namespace cairn
