#pragma once
#include <string>
#include <string_view>

#include "core/status_report.h"

namespace cairn {

// A status report as CommonMark Markdown (headings, paragraphs, bullet
// lists, emphasis; no tables or other GitHub-only syntax, so every
// Markdown reader shows it the same). One H1, then H2 sections:
//
//   executive: Summary, Business value, Since the last report, Timeline,
//              Blockers, Next gates, Top risks, Budget
//              (short: the 3 main health reasons, the 3 oldest blockers,
//              the next 3 gates, the 3 top risks; money and dates)
//   team:      Summary, Health, Since the last report, Success metrics,
//              Forecast, Timeline, Blockers, Next gates, Top risks, Budget
//              (everything: every reason and pending gate with its
//              criteria, up to 30 tasks done and 30 blockers, 5 slipped
//              tasks, 5 risks with owner and mitigation)
//
// Text from the workspace is escaped so a title like "*draft* #2" shows as
// written.
std::string render_markdown(const StatusReport& report);

// `text` made safe as inline Markdown: characters that would start emphasis,
// links, code, HTML or a block are backslash-escaped; line breaks become spaces.
std::string markdown_escape(std::string_view text);

// The integrator's entry point for the "Status report (.md)" export and the
// CLI: the report of `project` on `today`, compared with its newest kept
// report, rendered for `audience`.
std::string status_report_markdown(const Workspace& workspace, Id project, Date today, ReportAudience audience);

}  // namespace cairn
