#include "core/report_markdown.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace cairn {
namespace {

constexpr std::size_t kExecutiveItems = 3;  // reasons, blockers, gates, risks in the summary
constexpr std::size_t kTeamRisks = 5;
constexpr std::size_t kTeamList = 30;  // blockers and tasks done: a report is read, not searched

std::string esc(std::string_view text) { return markdown_escape(text); }
std::string quoted(std::string_view text) { return "\u201c" + esc(text.empty() ? "(untitled)" : text) + "\u201d"; }

std::string percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", std::round(share * 100.0));
  return text;
}

// 10000 -> "10,000".
std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

std::string plural(std::int64_t n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

const char* health_words(std::string_view key) {
  if (key == "on_track") return "on track";
  if (key == "at_risk") return "at risk";
  if (key == "off_track") return "off track";
  return "";
}

// Writes a document line by line; blocks are separated by one blank line.
class Doc {
 public:
  void heading(int level, const std::string& text) {
    block();
    out_ += std::string(static_cast<std::size_t>(level), '#') + " " + text + "\n";
  }
  void paragraph(const std::string& text) {
    block();
    out_ += text + "\n";
  }
  void item(const std::string& text, int depth = 0) {
    if (!in_list_) block();
    in_list_ = true;
    out_ += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "- " + text + "\n";
  }
  std::string take() { return std::move(out_); }

 private:
  void block() {
    if (!out_.empty()) out_ += "\n";
    in_list_ = false;
  }
  std::string out_;
  bool in_list_ = false;
};

bool executive(const StatusReport& r) { return r.audience == ReportAudience::executive; }

std::string finish_sentence(const StatusReport& r) {
  if (r.tasks_total == 0) return "No tasks planned yet.";
  if (r.tasks_done == r.tasks_total) return "All work is done.";
  if (r.forecast)
    return "80% likely to finish by **" + human_date(r.forecast->p80) + "** (50%: " + human_date(r.forecast->p50) +
           ", 95%: " + human_date(r.forecast->p95) + ").";
  if (r.planned_finish) return "The critical path finishes on **" + human_date(*r.planned_finish) + "**.";
  return "";
}

void summary(const StatusReport& r, Doc& doc) {
  doc.heading(2, "Summary");
  std::string text = "**" + std::string(health_name(r.health.health)) + ".** " + std::to_string(r.tasks_done) + " of " +
                     plural(r.tasks_total, "task") + " done";
  text += r.open_blockers > 0 ? ", " + plural(r.open_blockers, "open blocker") + ". " : ". ";
  text += finish_sentence(r);
  if (r.total_monthly_value)
    text += " The measured improvements are worth **\u2248 " + format_money(*r.total_monthly_value, r.currency) +
            " a month**.";
  doc.paragraph(text);
  if (!executive(r)) return;  // the team version lists every reason under Health
  for (std::size_t i = 0; i < r.health.reasons.size() && i < kExecutiveItems; ++i) doc.item(esc(r.health.reasons[i]));
  if (r.health.reasons.size() > kExecutiveItems)
    doc.item("and " + plural(static_cast<std::int64_t>(r.health.reasons.size() - kExecutiveItems), "more reason"));
}

void health(const StatusReport& r, Doc& doc) {
  doc.heading(2, "Health");
  doc.paragraph("*" + std::string(health_name(r.health.health)) + "*" +
                (r.health.reasons.empty() ? ": no missed gate, old blocker, overdue high risk or slipping task." : ":"));
  for (const std::string& reason : r.health.reasons) doc.item(esc(reason));
}

void since_last(const StatusReport& r, Doc& doc) {
  const SinceLastReport& s = r.since;
  doc.heading(2, "Since the last report");
  if (!s.has_last) {
    doc.paragraph("No earlier report was kept, so this one is the first to compare with. In the last 7 days " +
                  plural(static_cast<std::int64_t>(s.done.size()), "task") + " " +
                  (s.done.size() == 1 ? "was" : "were") + " marked done.");
  } else {
    doc.paragraph("Compared with the report of " + human_date(date_of(s.since)) + ":");
    doc.item(plural(static_cast<std::int64_t>(s.done.size()), "task") + " done since (" +
             std::to_string(s.tasks_done_then) + " \u2192 " + std::to_string(r.tasks_done) + " of " +
             std::to_string(r.tasks_total) + " done).");
    const std::optional<Date> then = s.p80_then ? s.p80_then : s.planned_finish_then;
    const std::optional<Date> now = r.forecast ? std::optional<Date>(r.forecast->p80) : r.planned_finish;
    const char* which = s.p80_then && r.forecast ? "The 80% finish" : "The planned finish";
    if (then && now) {
      const std::int64_t moved = working_days_slip(*then, *now);
      if (moved == 0)
        doc.item(std::string(which) + " is unchanged: " + human_date(*now) + ".");
      else
        doc.item(std::string(which) + " moved from " + human_date(*then) + " to " + human_date(*now) + " (" +
                 plural(moved > 0 ? moved : -moved, "working day") + (moved > 0 ? " later)." : " earlier)."));
    }
    const std::string health_now(health_key(r.health.health));
    if (!s.health_then.empty() && s.health_then != health_now)
      doc.item("Health is now " + std::string(health_words(health_now)) + " (was " + health_words(s.health_then) + ").");
    if (s.open_blockers_then != r.open_blockers)
      doc.item("Open blockers: " + std::to_string(r.open_blockers) + " (was " + std::to_string(s.open_blockers_then) +
               ").");
    for (const std::string& change : s.metric_changes) doc.item(esc(change) + ".");
  }
  if (executive(r) || s.done.empty()) return;
  for (std::size_t i = 0; i < s.done.size() && i < kTeamList; ++i) doc.item("Done: " + quoted(s.done[i]));
  if (s.done.size() > kTeamList) doc.item("and " + std::to_string(s.done.size() - kTeamList) + " more done.");
}

void metrics(const StatusReport& r, Doc& doc) {
  doc.heading(2, executive(r) ? "Business value" : "Success metrics");
  if (r.metrics.empty()) {
    doc.paragraph("No success metrics in the charter yet.");
    return;
  }
  if (r.total_monthly_value)
    doc.paragraph("Improvements over the baselines, priced with the charter's value per unit: **\u2248 " +
                  format_money(*r.total_monthly_value, r.currency) + " a month** in total.");
  else
    doc.paragraph("No metric has a baseline, a measurement and a value per unit yet, so none is priced.");
  for (const MetricLine& m : r.metrics) {
    std::string text = esc(m.sentence) + "; " + esc(m.target_text) + ".";
    if (!executive(r) && m.latest && !m.latest_source.empty()) text += " *Latest: " + esc(m.latest_source) + ".*";
    doc.item(text);
  }
}

void forecast(const StatusReport& r, Doc& doc) {
  doc.heading(2, "Forecast");
  if (r.tasks_done == r.tasks_total) {
    doc.paragraph("Nothing left to forecast.");
    return;
  }
  if (r.planned_finish)
    doc.item("Critical path of the remaining work (buffered estimates): finishes on " + human_date(*r.planned_finish) + ".");
  if (r.forecast)
    doc.item("Monte Carlo over " + thousands(r.forecast->runs) + " runs: 50% by " + human_date(r.forecast->p50) +
             ", 80% by " + human_date(r.forecast->p80) + ", 95% by " + human_date(r.forecast->p95) + ".");
  else
    doc.item("The forecast has not been computed.");
  if (r.unestimated > 0)
    doc.item(plural(static_cast<std::int64_t>(r.unestimated), "open task") + " without an estimate count as 0 days.");
}

void timeline(const StatusReport& r, Doc& doc) {
  doc.heading(2, "Timeline");
  const TimelineLines& t = r.timeline;
  if (!t.has_baseline) {
    doc.paragraph("No baseline saved yet, so there is nothing to measure changes against (save one on the dashboard).");
    return;
  }
  doc.paragraph(esc(t.summary));
  if (executive(r)) return;
  doc.item("Baseline: " + quoted(t.baseline_name) + ", saved " + human_date(t.baseline_taken) + ".");
  for (const std::string& line : t.slipped) doc.item(esc(line) + ".");
  for (const std::string& line : t.other) doc.item(esc(line));
}

void blockers(const StatusReport& r, Doc& doc) {
  doc.heading(2, "Blockers");
  if (r.blockers.empty()) {
    doc.paragraph("No open blockers.");
    return;
  }
  if (executive(r) || r.blockers.size() > kTeamList)
    doc.paragraph(plural(static_cast<std::int64_t>(r.blockers.size()), "open blocker") + ", oldest first:");
  const std::size_t shown = executive(r) ? kExecutiveItems : kTeamList;
  for (std::size_t i = 0; i < r.blockers.size() && i < shown; ++i) {
    const BlockerLine& b = r.blockers[i];
    std::string text = quoted(b.text) + " on " + quoted(b.task) + ": ";
    text += b.age_days ? plural(*b.age_days, "day") + " old" : std::string("no date recorded");
    if (!b.blocked_by.empty()) text += ", waiting for " + quoted(b.blocked_by);
    doc.item(text + ".");
  }
  if (r.blockers.size() > shown) doc.item("and " + std::to_string(r.blockers.size() - shown) + " more.");
}

void gates(const StatusReport& r, Doc& doc) {
  doc.heading(2, "Next gates");
  if (r.gates.empty()) {
    doc.paragraph("No pending gate.");
    return;
  }
  bool any_chance = false;
  const std::size_t shown = executive(r) ? kExecutiveItems : r.gates.size();
  for (std::size_t i = 0; i < r.gates.size() && i < shown; ++i) {
    const GateLine& g = r.gates[i];
    std::string text = "**" + esc(g.name.empty() ? "(unnamed gate)" : g.name) + "**: ";
    if (g.missed) text += "missed " + plural(-*g.days_left, "day") + " ago (" + human_date(*g.due) + ") without a decision";
    else if (g.days_left) text += (*g.days_left == 0 ? std::string("today") : "in " + plural(*g.days_left, "day")) + " (" + human_date(*g.due) + ")";
    else text += "no date";
    if (g.criteria.empty())
      text += "; no criteria yet";
    else
      text += "; " + std::to_string(g.met) + " of " + std::to_string(g.criteria.size()) +
              (g.criteria.size() == 1 ? " criterion met" : " criteria met");
    if (g.finish_probability && !g.waits_for.empty()) {
      text += "; " + percent(*g.finish_probability) + " chance that " + quoted(g.waits_for) +
              ", the work it waits for, is done by then";
    } else if (g.finish_probability) {
      text += "; " + percent(*g.finish_probability) + " chance that all remaining work is done by then";
      any_chance = true;
    }
    doc.item(text + ".");
    if (!executive(r))
      for (const std::string& c : g.criteria) doc.item(esc(c), 1);
  }
  if (r.gates.size() > shown) doc.item("and " + std::to_string(r.gates.size() - shown) + " more.");
  if (any_chance)
    doc.paragraph("*A gate without a task to wait for gets the chance that the whole remaining plan is finished by its "
                  "date, a cautious figure for the work the gate needs.*");
}

void risks(const StatusReport& r, Doc& doc) {
  doc.heading(2, "Top risks");
  if (r.risks.empty()) {
    doc.paragraph("No open risks in the register.");
    return;
  }
  const std::size_t shown = executive(r) ? kExecutiveItems : kTeamRisks;
  for (std::size_t i = 0; i < r.risks.size() && i < shown; ++i) {
    const RiskLine& k = r.risks[i];
    std::string text = "**" + esc(k.title.empty() ? "(untitled risk)" : k.title) + "**: " + risk_level_name(k.level) +
                       " (likelihood \u00d7 impact " + std::to_string(k.score) + ")";
    if (!executive(r)) {
      text += ", " + esc(enum_name(k.status));
      text += "; owner: " + (k.owner.empty() ? std::string("nobody") : esc(k.owner));
      text += "; mitigation: " + (k.mitigation.empty() ? std::string("none written") : esc(k.mitigation));
    }
    doc.item(text + ".");
  }
  if (r.risks.size() > shown) doc.item("and " + std::to_string(r.risks.size() - shown) + " more open.");
}

void budget(const StatusReport& r, Doc& doc) {
  doc.heading(2, "Budget");
  std::string text = "Experiments have cost " + format_money(r.spent, r.currency);
  if (r.budget) {
    text += " of the " + format_money(*r.budget, r.currency) + " budget";
    if (*r.budget > 0) text += " (" + percent(r.spent / *r.budget) + ")";
    if (r.spent > *r.budget) text += ", **" + format_money(r.spent - *r.budget, r.currency) + " over**";
  } else {
    text += " (no budget set in the charter)";
  }
  char hours[32];
  std::snprintf(hours, sizeof hours, "%.1f", r.gpu_hours);
  text += "; " + std::string(hours) + " GPU hours";
  if (!executive(r)) text += " over " + plural(static_cast<std::int64_t>(r.experiments), "experiment");
  doc.paragraph(text + ".");
  if (r.budget && r.total_monthly_value && *r.total_monthly_value > 0 && executive(r)) {
    const double months = *r.budget / *r.total_monthly_value;
    char text_months[32];
    std::snprintf(text_months, sizeof text_months, "%.1f", months);
    doc.paragraph("At the value measured so far, the whole budget is repaid in about " + std::string(text_months) +
                  " months.");
  }
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '#':
      case '&': case '!': case '~': case '|':
        out += '\\';
        break;
      default: break;
    }
    out += c;
  }
  // What would start a block at the start of a line: a list marker, a
  // setext underline, an ordered-list number.
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) out.insert(0, "\\");
  std::size_t digits = 0;
  while (digits < out.size() && std::isdigit(static_cast<unsigned char>(out[digits]))) ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) out.insert(digits, "\\");
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string render_markdown(const StatusReport& r) {
  Doc doc;
  doc.heading(1, "Status report: " + esc(r.project_name.empty() ? "(unnamed project)" : r.project_name));
  doc.paragraph("*" + std::string(executive(r) ? "Executive summary" : "Team detail") + ", " + human_date(r.today) + "*");
  summary(r, doc);
  if (!executive(r)) health(r, doc);
  if (executive(r)) metrics(r, doc);
  since_last(r, doc);
  if (!executive(r)) {
    metrics(r, doc);
    forecast(r, doc);
  }
  timeline(r, doc);
  blockers(r, doc);
  gates(r, doc);
  risks(r, doc);
  budget(r, doc);
  return doc.take();
}

std::string status_report_markdown(const Workspace& workspace, Id project, Date today, ReportAudience audience) {
  return render_markdown(compute_status_report(workspace, project, today, audience));
}

}  // namespace cairn
