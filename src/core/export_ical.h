#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/workspace.h"

namespace cairn {

// An iCalendar file (RFC 5545) of the dates in `project` (every project when
// unset): each gate on its due day, each sprint's start and end as
// milestones, each task with a due date. All-day events (VALUE=DATE); `now`
// is the DTSTAMP (UTC), handed in so core never reads the clock. UIDs derive
// from item ids, so a calendar that imports the file again updates its
// events instead of duplicating them.
std::string export_ical(const Workspace& workspace, std::optional<Id> project, Timestamp now);

// TEXT escaping: backslash, semicolon and comma get a backslash; line
// breaks (LF, CRLF, CR) become "\n".
std::string ical_escape_text(std::string_view text);

// One content line folded at 75 octets (continuations start with a space),
// never inside a UTF-8 sequence, each physical line ended by CRLF.
std::string ical_folded_line(std::string_view line);

}  // namespace cairn
