#!/usr/bin/env python3
"""`cairn export` read by independent parsers, not by Cairn's own code.

Runs the real binary on a fixture in the export format full of tricky text
(quotes, commas, embedded newlines, leading and trailing spaces, é ü 中文,
emoji) and checks:

- CSV (`--to csv`) with Python's csv module: the header, and every field of
  every task against the value computed here from the fixture itself;
- iCalendar (`--to ics`) with python3-icalendar: UIDs stable across two
  exports, all-day DTSTART dates, summaries and descriptions with their
  special characters intact, every physical line at most 75 octets and
  valid UTF-8 on its own, CRLF line ends;
- JSON (`--to json`) with python3-jsonschema against
  docs/schema/cairn-export.schema.json, every fixture field kept; the
  shipped templates validate too, as they are and exported again.

usage: check_exports.py PATH/TO/cairn REPO_ROOT
"""
import csv
import datetime
import glob
import io
import json
import os
import subprocess
import sys
import tempfile

import icalendar
import jsonschema

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def export(app, path, *args):
    result = subprocess.run([app, "export", path, *args], capture_output=True, timeout=120)
    if result.returncode != 0:
        sys.exit(f"FAIL: cairn export {path} {' '.join(args)} exited with {result.returncode}: "
                 f"{result.stderr.decode(errors='replace')}")
    return result.stdout


# --- What the fixture says, computed here -------------------------------------

def load_fixture(path):
    doc = json.load(open(path, encoding="utf-8"))
    by_id = {item["id"]: item for item in doc["items"]}
    children = {}
    for item in doc["items"]:
        children.setdefault(item.get("parent"), []).append(item)
    return doc, by_id, children


def number(x):
    return "" if x is None else x


def expected_tasks(by_id, children):
    """{task id: {column: expected value}}; numbers as floats, the rest as text."""
    rows = {}
    for task in (i for i in by_id.values() if i["kind"] == "task"):
        f = task["fields"]
        project = by_id[task["parent"]]
        p = project["fields"]
        kids = children.get(task["id"], [])
        stage = f.get("stage", "other")
        rule = {"data_collection": p.get("buffer_data_collection", 1.5),
                "labelling": p.get("buffer_labelling", 1.5)}.get(stage, p.get("buffer_other", 1.0))
        factor = f.get("buffer_override") or rule
        o, m, pe = f.get("optimistic_days"), f.get("likely_days"), f.get("pessimistic_days")
        mean = (o + 4 * m + pe) / 6 if None not in (o, m, pe) else m
        lag_text = lambda lag: "" if lag == 0 else ("+" if lag > 0 else "") + f"{lag:g}d"
        short = {"finish_to_start": "FS", "start_to_start": "SS", "finish_to_finish": "FF", "start_to_finish": "SF"}
        deps = sorted(f'{d["fields"]["predecessor"]} {short[d["fields"].get("type", "finish_to_start")]}'
                      f'{lag_text(d["fields"].get("lag_days", 0))}' for d in kids if d["kind"] == "dependency")
        blockers = sorted(b["fields"]["text"] for b in kids if b["kind"] == "blocker" and not b["fields"].get("resolved"))
        checklist = [c for c in kids if c["kind"] == "checklist_item"]
        assignee = by_id.get(f.get("assignee")) if f.get("assignee") else None
        sprint = by_id.get(f.get("sprint")) if f.get("sprint") else None
        rows[task["id"]] = {
            "id": task["id"], "project_id": project["id"], "project": p["name"],
            "title": f.get("title", ""), "description": f.get("description", ""),
            "status": f.get("status", "backlog"), "stage": stage,
            "assignee": assignee["fields"]["name"] if assignee else "",
            "optimistic_days": number(o), "likely_days": number(m), "pessimistic_days": number(pe),
            "buffered_days": "" if mean is None else round(mean * factor, 2),
            "actual_days": number(f.get("actual_days")),
            "start": f.get("start") or "", "due": f.get("due") or "",
            "tags": ", ".join(f.get("tags", [])),
            "sprint": sprint["fields"]["name"] if sprint else "",
            "dependencies": "; ".join(deps), "open_blockers": "\n".join(blockers),
            "checklist_done": float(sum(1 for c in checklist if c["fields"].get("done"))),
            "checklist_total": float(len(checklist)),
        }
    return rows


COLUMNS = ["id", "project_id", "project", "title", "description", "status", "stage", "assignee", "optimistic_days",
           "likely_days", "pessimistic_days", "buffered_days", "actual_days", "start", "due", "tags", "sprint",
           "dependencies", "open_blockers", "checklist_done", "checklist_total"]


def check_csv(app, fixture, by_id, children):
    expected = expected_tasks(by_id, children)
    raw = export(app, fixture, "--to", "csv")
    text = raw.decode("utf-8")  # strict: the file must be UTF-8
    check(text.startswith(",".join(COLUMNS) + "\r\n"), "csv: the header row is not the documented one with CRLF")
    check(text.endswith("\r\n"), "csv: the last row does not end with CRLF")
    records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    check(records[0] == COLUMNS, f"csv header {records[0]}")
    rows = records[1:]
    check(len(rows) == len(expected), f"csv: {len(rows)} rows for {len(expected)} tasks")
    for row in rows:
        check(len(row) == len(COLUMNS), f"csv: a row with {len(row)} fields: {row}")
        want = expected.get(row[0])
        if want is None:
            check(False, f"csv: a row for an unknown task {row[0]}")
            continue
        for column, got in zip(COLUMNS, row):
            wanted = want[column]
            if isinstance(wanted, (int, float)) and not isinstance(wanted, bool):
                ok = got != "" and abs(float(got) - wanted) < 1e-9
            else:
                ok = got == wanted
            check(ok, f"csv: task {row[0]} {column}: {got!r}, expected {wanted!r}")
    # Projects by name, tasks by their order.
    names = [r[2] for r in rows]
    check(names == sorted(names), f"csv: projects not sorted by name: {names}")
    # One project: only its tasks.
    for project in (i for i in by_id.values() if i["kind"] == "project"):
        one = list(csv.reader(io.StringIO(export(app, fixture, "--to", "csv", "--project", project["id"]).decode(),
                                          newline="")))
        ids = sorted(r[0] for r in one[1:])
        check(ids == sorted(t for t, w in expected.items() if w["project_id"] == project["id"]),
              f"csv --project {project['id']}: {ids}")


def expected_events(by_id, children):
    """{uid: (summary, date, [texts the description must hold])}."""
    events = {}
    for item in by_id.values():
        f = item["fields"]
        project = by_id.get(item.get("parent"), {}).get("fields", {}).get("name", "")
        if item["kind"] == "gate" and f.get("due"):
            texts = ["Project: " + project, "Decision: " + f.get("decision", "pending")]
            for c in children.get(item["id"], []):
                metric = by_id[c["fields"]["metric"]]["fields"]["name"]
                texts.append(f'- {metric} {c["fields"]["comparison"].replace("_", " ")} {c["fields"]["threshold"]:g}')
            if f.get("rationale"):
                texts.append("Rationale: " + f["rationale"])
            events[item["id"] + "@cairn"] = ("Gate: " + f["name"], f["due"], texts)
        elif item["kind"] == "sprint":
            for end in ("start", "end"):
                if f.get(end):
                    events[f'{item["id"]}-{end}@cairn'] = (f"Sprint {end}: " + f["name"], f[end],
                                                           ["Project: " + project])
        elif item["kind"] == "task" and f.get("due"):
            description = f.get("description", "").replace("\r\n", "\n")
            events[item["id"] + "@cairn"] = ("Due: " + f["title"], f["due"],
                                             ["Project: " + project] + ([description] if description else []))
    return events


def check_ics(app, fixture, by_id, children):
    expected = expected_events(by_id, children)
    first = export(app, fixture, "--to", "ics")
    second = export(app, fixture, "--to", "ics")
    check(first.endswith(b"\r\n"), "ics: does not end with CRLF")
    check(b"\n" not in first.replace(b"\r\n", b""), "ics: a line break that is not CRLF")
    for number_, line in enumerate(first.split(b"\r\n"), 1):
        check(len(line) <= 75, f"ics: line {number_} has {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            check(False, f"ics: line {number_} splits a UTF-8 character: {line!r}")
    calendars = [icalendar.Calendar.from_ical(text) for text in (first, second)]
    cal = calendars[0]
    check(str(cal["VERSION"]) == "2.0", "ics: VERSION is not 2.0")
    check(str(cal.get("PRODID", "")).startswith("-//Cairn//"), "ics: no Cairn PRODID")
    check(str(cal.get("CALSCALE", "")) == "GREGORIAN", "ics: CALSCALE is not GREGORIAN")
    runs = []
    for c in calendars:
        events = {}
        for event in c.walk("VEVENT"):
            start = event.decoded("DTSTART")
            stamp = event.decoded("DTSTAMP")
            check(type(start) is datetime.date, f"ics: {event['UID']} DTSTART is not an all-day date")
            check(isinstance(stamp, datetime.datetime) and stamp.utcoffset() == datetime.timedelta(0),
                  f"ics: {event['UID']} DTSTAMP is not in UTC")
            events[str(event["UID"])] = (str(event["SUMMARY"]), start.isoformat(), str(event.get("DESCRIPTION", "")))
        runs.append(events)
    check(runs[0].keys() == runs[1].keys(), "ics: the UIDs differ between two exports")
    check(runs[0] == runs[1], "ics: the events differ between two exports")
    check(set(runs[0]) == set(expected), f"ics: UIDs {sorted(runs[0])}, expected {sorted(expected)}")
    for uid, (summary, day, texts) in expected.items():
        if uid not in runs[0]:
            continue
        got_summary, got_day, description = runs[0][uid]
        check(got_summary == summary, f"ics: {uid} SUMMARY {got_summary!r}, expected {summary!r}")
        check(got_day == day, f"ics: {uid} DTSTART {got_day}, expected {day}")
        for text in texts:
            check(text in description, f"ics: {uid} DESCRIPTION {description!r} lacks {text!r}")


def check_json(app, root, fixture, by_id):
    schema = json.load(open(os.path.join(root, "docs/schema/cairn-export.schema.json"), encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    def valid(doc, what):
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors[:5]:
            check(False, f"{what}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        return not errors

    exported = json.loads(export(app, fixture, "--to", "json"))
    valid(exported, "json export of the fixture")
    got = {item["id"]: item for item in exported["items"]}
    check(got.keys() == by_id.keys(), "json: the exported ids differ from the fixture's")
    for id_, item in by_id.items():
        if id_ not in got:
            continue
        check(got[id_]["kind"] == item["kind"] and got[id_]["parent"] == item["parent"], f"json: {id_} kind or parent")
        for name, value in item["fields"].items():
            check(got[id_]["fields"].get(name) == value,
                  f"json: {id_} {name}: {got[id_]['fields'].get(name)!r}, expected {value!r}")
    # A field the schema does not know, and a wrong enumeration name, are refused: the schema can fail.
    broken = json.loads(json.dumps(exported))
    broken["items"][0]["fields"]["colour"] = "red"
    check(not validator.is_valid(broken), "json schema accepts an unknown field")
    task = next(i for i in broken["items"] if i["kind"] == "task")
    task["fields"]["status"] = "doing"
    check(not validator.is_valid({"format": "cairn", "version": 1, "items": [task]}),
          "json schema accepts an unknown status")
    for template in sorted(glob.glob(os.path.join(root, "assets/templates/*.json"))):
        name = os.path.basename(template)
        valid(json.load(open(template, encoding="utf-8")), f"template {name}")
        valid(json.loads(export(app, template, "--to", "json")), f"template {name} exported")


def main():
    app, root = sys.argv[1], sys.argv[2]
    fixture = os.path.join(root, "tests/fixtures/export/tricky.json")
    doc, by_id, children = load_fixture(fixture)
    check_csv(app, fixture, by_id, children)
    check_ics(app, fixture, by_id, children)
    check_json(app, root, fixture, by_id)
    # --out writes the same bytes as stdout.
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "tasks.csv")
        export(app, fixture, "--to", "csv", "--out", out)
        check(open(out, "rb").read() == export(app, fixture, "--to", "csv"), "--out wrote other bytes than stdout")
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("PASS: exports read by csv, icalendar and jsonschema")


if __name__ == "__main__":
    main()
