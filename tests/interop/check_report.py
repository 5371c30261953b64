#!/usr/bin/env python3
"""`cairn report` read by an independent CommonMark parser (python3-commonmark).

Runs the real binary on a fixture in the export format and checks, for both
audiences: one H1, the documented H2 sections in order, list items where
lists belong, no raw HTML (workspace text is escaped, so a title with
*stars* stays literal text), and the money figures, computed here from the
fixture's own numbers (improvement over the baseline in the metric's
direction times its value per unit), appear in the text. Also the exit
codes of a wrong audience and an unknown project.

usage: check_report.py PATH/TO/cairn FIXTURE.json
"""
import json
import subprocess
import sys

import commonmark

DATE = "2026-11-27"
SECTIONS = {
    "executive": ["Summary", "Business value", "Since the last report", "Timeline", "Blockers", "Next gates",
                  "Top risks", "Budget"],
    "team": ["Summary", "Health", "Since the last report", "Success metrics", "Forecast", "Timeline", "Blockers",
             "Next gates", "Top risks", "Budget"],
}
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(app, *args):
    return subprocess.run([app, "report", *args], capture_output=True, text=True, timeout=120)


def text_of(node):
    """The literal text under a node (inline code and text), as a reader sees it."""
    parts = []
    for child, entering in node.walker():
        if entering and child.t in ("text", "code"):
            parts.append(child.literal)
        elif entering and child.t in ("softbreak", "linebreak"):
            parts.append(" ")
    return "".join(parts)


def sections(document):
    """[(level, heading text, [blocks until the next heading])] in document order."""
    out = []
    block = document.first_child
    while block is not None:
        if block.t == "heading":
            out.append((block.level, text_of(block), []))
        elif out:
            out[-1][2].append(block)
        block = block.nxt
    return out


def money(amount):
    return "${:,.0f}".format(round(amount))


def expected_values(fixture):
    """Each priced metric's monthly value, from the fixture alone."""
    items = fixture["items"]
    latest = {}
    for item in items:
        if item["kind"] == "metric_reading":
            on, value = item["fields"]["on"], item["fields"]["value"]
            if item["parent"] not in latest or on > latest[item["parent"]][0]:
                latest[item["parent"]] = (on, value)
    values = {}
    for item in items:
        f = item["fields"]
        if item["kind"] != "metric" or f.get("baseline") is None or f.get("value_per_unit") is None:
            continue
        if item["id"] not in latest:
            continue
        sign = 1 if f["direction"] == "higher_is_better" else -1
        values[f["name"]] = (latest[item["id"]][1] - f["baseline"]) * sign * f["value_per_unit"]
    return values


def check_audience(app, fixture_path, fixture, audience):
    result = run(app, fixture_path, "--format", "md", "--audience", audience, "--date", DATE)
    check(result.returncode == 0, f"{audience}: exit code {result.returncode}: {result.stderr}")
    document = commonmark.Parser().parse(result.stdout)
    parts = sections(document)
    h1 = [p for p in parts if p[0] == 1]
    check(len(h1) == 1, f"{audience}: {len(h1)} H1 headings, wanted 1")
    project = next(i for i in fixture["items"] if i["kind"] == "project")["fields"]["name"]
    check(h1 and h1[0][1] == "Status report: " + project, f"{audience}: H1 is {h1[0][1] if h1 else None!r}")
    h2 = [p[1] for p in parts if p[0] == 2]
    check(h2 == SECTIONS[audience], f"{audience}: H2 sections {h2}, wanted {SECTIONS[audience]}")
    check(all(p[0] in (1, 2) for p in parts), f"{audience}: headings other than H1 and H2")

    by_name = {p[1]: p[2] for p in parts}
    for name in ("Blockers", "Next gates", "Top risks", "Since the last report"):
        items = [n for block in by_name.get(name, []) if block.t == "list" for n, e in block.walker()
                 if e and n.t == "item"]
        check(len(items) >= 2, f"{audience}: section {name!r} has {len(items)} list items")
    for node, entering in document.walker():
        check(not (entering and node.t in ("html_block", "html_inline")), f"{audience}: raw HTML {node.literal!r}")

    metrics = by_name.get("Business value" if audience == "executive" else "Success metrics", [])
    metric_text = " ".join(text_of(b) for b in metrics)
    values = expected_values(fixture)
    check(values, "the fixture has no priced metric")
    for name, value in values.items():
        check(money(abs(value)) + " a month" in metric_text,
              f"{audience}: {name} should be worth {money(abs(value))} a month: {metric_text!r}")
    total = money(sum(values.values()))
    summary = " ".join(text_of(b) for b in by_name.get("Summary", []))
    check(total + " a month" in summary, f"{audience}: the total {total} a month is not in the summary: {summary!r}")
    # Strong emphasis survives as emphasis, not as literal stars.
    strong = [text_of(n) for n, e in document.walker() if e and n.t == "strong"]
    check(any(s.startswith("\u2248 $") for s in strong), f"{audience}: the total is not in strong emphasis: {strong}")
    return result.stdout, document


def main():
    app, fixture_path = sys.argv[1], sys.argv[2]
    with open(fixture_path, encoding="utf-8") as f:
        fixture = json.load(f)
    check_audience(app, fixture_path, fixture, "executive")
    team_text, team = check_audience(app, fixture_path, fixture, "team")

    # A task title with markup characters is literal text, not emphasis.
    emphasised = [text_of(n) for n, e in team.walker() if e and n.t == "emph"]
    check(not any("holdout" in t for t in emphasised), f"a task title became emphasis: {emphasised}")
    check("line_3 *holdout*" in text_of(team), "the task title 'line_3 *holdout*' is not shown as written")

    # The same report when the one project is chosen by id.
    project = next(i for i in fixture["items"] if i["kind"] == "project")["id"]
    chosen = run(app, fixture_path, "--audience", "team", "--project", project, "--date", DATE)
    check(chosen.returncode == 0 and chosen.stdout == team_text, "--project gives a different report")

    wrong = run(app, fixture_path, "--audience", "board")
    check(wrong.returncode == 2 and wrong.stdout == "" and "--audience" in wrong.stderr,
          f"--audience board: exit {wrong.returncode}, stderr {wrong.stderr!r}")
    unknown = run(app, fixture_path, "--project", "ffffffff")
    check(unknown.returncode == 2 and "no project" in unknown.stderr, f"unknown project: exit {unknown.returncode}")
    missing = run(app, fixture_path + ".missing")
    check(missing.returncode == 3, f"missing file: exit {missing.returncode}")

    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print("ok: both audiences parse as the documented CommonMark structure with the money figures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
