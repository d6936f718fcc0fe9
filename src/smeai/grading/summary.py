"""What ``smeai grade`` says at the end: a status per learner, a table, and a summary in JSON
and CSV in the course root (``smeai-grading/<assignment>.json`` and ``.csv``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

GRADED, MANUAL, FAILED = "graded", "needs manual grading", "failed"
FOLDER = "smeai-grading"


def note(event: dict) -> str:
    """One event in a few words, for the trainer."""
    kind = event.get("kind")
    cell = event.get("cell", "")
    texts = {
        "unreadable_notebook": lambda: f"{event['notebook']} is {event['why']}",
        "missing_notebook": lambda: f"{event['notebook']} is missing (0 points)",
        "renamed_notebook": lambda: f"{event['notebook']} was graded as {event['graded_as']}",
        "extra_notebook": lambda: f"extra notebook {event['notebook']} ignored",
        "ignored_file": lambda: f"file {event['file']} ignored (not part of the assignment)",
        "ignored_link": lambda: f"link {event['file']} ignored",
        "restored_cell": lambda: f"deleted cell {cell} put back",
        "edited_locked_cell": lambda: f"locked cell {cell} was edited; the master copy was used",
        "changed_cell_metadata": lambda: f"grading settings of {cell} changed ({', '.join(event.get('fields', []))}); the master was used",
        "suspicious_code": lambda: "suspicious code: " + "; ".join(
            f"{f['cell']} line {f['line']} {f['what']}" for f in event.get("findings", [])[:3]),
        "checker_restored": lambda: f"code in {cell} changed the checker ({', '.join(event.get('restored', [])[:3])}); put back"
                                    + (", that cell scores 0" if event.get("when") == "during" else ""),
        "kernel_died": lambda: f"Python stopped in {cell}: {event.get('reason', '')}; later cells not run",
        "output_cut": lambda: f"output of {cell} cut at {event.get('kb')} KB",
        "record_mismatch": lambda: "the course gradebook differs from the worker's: " + event.get("detail", ""),
        "grading_timeout": lambda: f"grading stopped after {event.get('seconds')} s",
        "cell_timeout": lambda: f"{cell} stopped after {event.get('seconds')} s",
        "memory_error": lambda: f"{cell} ran out of memory ({event.get('limit_mb')} MB)",
    }
    try:
        return texts[kind]()
    except KeyError:
        return json.dumps(event, ensure_ascii=False)


# the event that best explains a learner's status, most important first
PRIORITY = ("grading_timeout", "kernel_died", "checker_restored", "suspicious_code", "cell_timeout", "memory_error",
            "unreadable_notebook", "missing_notebook", "renamed_notebook", "edited_locked_cell",
            "changed_cell_metadata", "restored_cell", "output_cut", "extra_notebook", "ignored_file", "ignored_link")


def reason(record: dict) -> str:
    """Why a learner has the status they have, in a few words."""
    if record["status"] == FAILED:
        return record.get("why") or "unknown reason"
    events = record.get("events", [])
    main = ""
    for kind in PRIORITY:
        found = [e for e in events if e.get("kind") == kind]
        if not found:
            continue
        cells = ", ".join(dict.fromkeys(e.get("cell", "") for e in found))
        if kind == "checker_restored":
            main = f"code changed the checker ({cells})"
        elif kind == "suspicious_code":
            main = "suspicious code (" + ", ".join(dict.fromkeys(f["cell"] for e in found for f in e.get("findings", []))) + ")"
        elif kind == "restored_cell":
            main = f"deleted cells put back ({cells})"
        elif kind == "edited_locked_cell":
            main = f"locked cells edited, master used ({cells})"
        else:
            main = note(found[0])
        break
    reviewed = any(e.get("kind") in ("checker_restored", "suspicious_code") for e in events)
    if record["status"] == MANUAL and not reviewed:
        written = "written answers: " + ", ".join(record.get("manual", []))
        return f"{written}; {main}" if main else written
    return main


def status_text(record: dict) -> str:
    why = reason(record)
    text = f"{record['status']}: {why}" if why else record["status"]
    if record.get("late"):
        text += f", late ({_duration(record.get('seconds_late', 0))})"
    return text


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    return f"{days}d {hours}h" if days else f"{hours}h {minutes}m" if hours else f"{minutes}m"


def _score(record: dict) -> str:
    if record.get("score") is None:
        return "-"
    return f"{record['score']:g} / {record['max_score']:g}"


def table(records: list[dict], width: int = 100) -> str:
    """A plain-text table: student, score, status, notes."""
    rows = [("student", "score", "status", "notes")]
    for r in records:
        status = status_text(r)
        notes = [n for n in r.get("notes", []) if n not in status]  # the status says the main one
        rows.append((r["student"], _score(r), status, "; ".join(notes)))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    widths = [min(w, limit) for w, limit in zip(widths, (24, 9, 72))]
    lines = []
    for index, row in enumerate(rows):
        cells = [row[i][: widths[i]].ljust(widths[i]) for i in range(3)]
        line = "  ".join(cells)
        if row[3]:
            line += "  " + row[3]
        lines.append(line.rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths) + "  -----")
    return "\n".join(lines)


def write(root: Path, assignment: str, summary: dict) -> tuple[Path, Path]:
    """``smeai-grading/<assignment>.json`` and ``.csv`` in the course root."""
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    json_path, csv_path = folder / f"{assignment}.json", folder / f"{assignment}.csv"
    json_path.write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["student", "score", "max_score", "status", "late", "seconds_late", "needs_manual_grading", "reason", "notes"])
        for r in summary["students"]:
            writer.writerow([r["student"], r.get("score"), r.get("max_score"), r["status"], r.get("late", False),
                             round(r.get("seconds_late", 0)), " ".join(r.get("manual", [])), r.get("why", ""),
                             " | ".join(r.get("notes", []))])
    return json_path, csv_path


def merge(previous: dict | None, regraded: list[dict], order: list[str]) -> list[dict]:
    """The class's lines after regrading some learners (``--student``): the regraded lines
    replace their old ones, every other learner keeps the line of the previous run."""
    lines = {r["student"]: r for r in (previous or {}).get("students", [])}
    lines.update({r["student"]: r for r in regraded})
    return [lines[s] for s in order if s in lines] + [lines[s] for s in sorted(set(lines) - set(order))]


def summarize(preparation, lines: list[dict], *, options, started_at, seconds: float) -> dict:
    """The summary step: the class's lines (merged with the previous run's when only some learners
    were graded), counts, limits, protections; written as JSON and CSV in the course root."""
    course, assignment, found = preparation.course, preparation.assignment, preparation.limits
    if options.students:  # a regrade of some learners: the others keep their line in the summary
        lines = merge(read(course.root, assignment), lines, course.submitted_students(assignment))
    result = {
        "assignment": assignment,
        "course_root": str(course.root),
        "started": started_at.isoformat(timespec="seconds"),
        "seconds": round(seconds, 2),
        "jobs": options.jobs,
        "graded_now": list(preparation.students),
        "counts": {status: sum(1 for r in lines if r["status"] == status) for status in (GRADED, MANUAL, FAILED)},
        "late": sum(1 for r in lines if r.get("late")),
        "limits": found,
        "bound": (f"each submission is stopped after {found['submission_budget']:g} s (cells after "
                  f"{found['cell_timeout']} s each); the whole run takes at most about "
                  f"ceil({len(preparation.students)} / {options.jobs}) x {found['submission_budget']:g} s"),
        "protections": preparation.protections,
        "preprocessors_added": preparation.added,
        "students": lines,
    }
    json_path, csv_path = write(course.root, assignment, result)
    result["files"] = [str(json_path), str(csv_path)]
    return result


def read(root: Path, assignment: str) -> dict | None:
    path = root / FOLDER / f"{assignment}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
