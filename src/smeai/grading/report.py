"""``smeai report``: where the class stands, in one self-contained HTML page and a few CSV files.

Everything is read through nbgrader's ``Gradebook`` API (the statuses of the last ``smeai grade``
run, when there is one, add why a submission failed). The page has no external links, fonts or
scripts: the plots are PNG images embedded as base64, drawn with matplotlib in the course's
colour-blind-safe palette, with hatching so colour is never the only cue. Per assignment it
shows the score distribution and, per exercise, the share of learners who got it fully right;
then the exercises where most are stuck, the learners who need attention, and the written
answers still waiting for the trainer.
"""

from __future__ import annotations

import base64
import csv
import html
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..plotting import PALETTE, new_axes
from . import summary as summaries
from .course import load_course
from .markers import exercise_ids

STUCK_BELOW = 0.5  # an exercise is "stuck" when fewer than half of the learners got it right


@dataclass
class Exercise:
    assignment: str
    notebook: str
    cell: str
    exercise: str
    max_score: float
    right: int = 0
    graded: int = 0

    @property
    def share(self) -> float:
        return self.right / self.graded if self.graded else 0.0

    @property
    def label(self) -> str:
        return f"{self.cell} ({self.exercise})" if self.exercise else self.cell


@dataclass
class Result:
    student: str
    assignment: str
    score: float
    max_score: float
    late: bool
    waiting: list = field(default_factory=list)
    flagged: bool = False
    status: str = ""

    @property
    def share(self) -> float:
        return self.score / self.max_score if self.max_score else 0.0


def collect(gb, statuses: dict) -> dict:
    """Everything the report shows, from the gradebook (``statuses``: assignment -> student -> record)."""
    assignments = sorted(gb.assignments, key=lambda a: (a.duedate or datetime.max, a.name))
    students = sorted(s.id for s in gb.students)
    results, exercises, waiting = [], [], []
    for assignment in assignments:
        per_cell: dict[tuple, Exercise] = {}
        # grade cells that are also answer cells are graded by hand (nbgrader's "manually graded
        # answer", code or text): waiting for the trainer, never "flagged" or "stuck"
        by_hand = {(nb.name, c.name) for nb in assignment.notebooks for c in nb.solution_cells}
        for notebook in assignment.notebooks:
            for cell in notebook.grade_cells:
                if cell.cell_type != "code" or (notebook.name, cell.name) in by_hand:
                    continue
                source = gb.find_source_cell(cell.name, notebook.name, assignment.name).source or ""
                ids = exercise_ids(source)
                per_cell[(notebook.name, cell.name)] = Exercise(assignment.name, notebook.name, cell.name,
                                                                ids[0] if ids else "", float(cell.max_score))
        for submission in gb.assignment_submissions(assignment.name):
            record = statuses.get(assignment.name, {}).get(submission.student.id, {})
            result = Result(submission.student.id, assignment.name, float(submission.score),
                            float(submission.max_score), bool((submission.total_seconds_late or 0) > 0))
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    key = (notebook.name, grade.name)
                    if grade.needs_manual_grade:
                        result.waiting.append(grade.name)
                        if key in by_hand:
                            kind = "written answer" if grade.cell.cell_type == "markdown" else "code answer, graded by hand"
                        else:
                            kind = "check (flagged for review)"
                            result.flagged = True
                        waiting.append({"assignment": assignment.name, "student": submission.student.id,
                                        "notebook": notebook.name, "cell": grade.name, "kind": kind})
                    if grade.score is None:
                        continue  # not graded at all yet: says nothing about whether the class is stuck
                    if key in per_cell and record.get("status") != summaries.FAILED:
                        item = per_cell[key]
                        item.graded += 1
                        item.right += int(grade.score is not None and float(grade.score) >= item.max_score)
            result.status = current_status(record, result)
            results.append(result)
        exercises.extend(per_cell.values())
    return {"assignments": [a.name for a in assignments], "students": students, "results": results,
            "exercises": exercises, "waiting": waiting}


def current_status(record: dict, result: Result) -> str:
    """The status of the last ``smeai grade`` run, brought up to date with the gradebook: once the
    trainer has graded everything in formgrader, "needs manual grading" is over."""
    if not record:
        return ""
    if record.get("status") == summaries.MANUAL and not result.waiting:
        return summaries.status_text(dict(record, status=summaries.GRADED, manual=[]))
    return summaries.status_text(record)


def attention(data: dict, threshold: float) -> list[dict]:
    """Learners to look at, each with the reasons."""
    reasons: dict[str, list[str]] = {s: [] for s in data["students"]}
    handed_in = {(r.student, r.assignment) for r in data["results"]}
    for result in data["results"]:
        if result.status.startswith(summaries.FAILED):
            reasons[result.student].append(f"{result.assignment}: {result.status}")
        elif result.share < threshold:
            pending = " (written answers not graded yet)" if any(True for _ in result.waiting) and not result.flagged else ""
            reasons[result.student].append(f"{result.assignment}: {result.score:g} of {result.max_score:g} points{pending}")
        if result.flagged:
            reasons[result.student].append(f"{result.assignment}: code flagged for review")
        if result.late:
            reasons[result.student].append(f"{result.assignment}: handed in late")
    for assignment in data["assignments"]:
        for student in data["students"]:
            if (student, assignment) not in handed_in:
                reasons[student].append(f"{assignment}: not handed in")
    return [{"student": s, "reasons": r} for s, r in reasons.items() if r]


# -- drawing ----------------------------------------------------------------------------------------

def _png(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def score_plot(results: list[Result], assignment: str) -> str:
    shares = [100 * r.share for r in results if r.assignment == assignment]
    ax = new_axes((6.0, 3.2))
    ax.hist(shares, bins=[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100.0001], color=PALETTE[4],
            edgecolor="black", hatch="//")
    ax.set_title(f"{assignment}: scores of {len(shares)} learners")
    ax.set_xlabel("score (% of the points)")
    ax.set_ylabel("learners")
    ax.set_xlim(0, 100)
    ax.yaxis.get_major_locator().set_params(integer=True)
    return _png(ax.figure)


def exercise_plot(exercises: list[Exercise], assignment: str) -> str:
    items = [e for e in exercises if e.assignment == assignment]
    ax = new_axes((6.0, 0.5 + 0.45 * max(1, len(items))))
    labels = [e.label for e in items][::-1]
    shares = [100 * e.share for e in items][::-1]
    colours = [PALETTE[5] if s < 100 * STUCK_BELOW else PALETTE[2] for s in shares]
    hatches = ["xx" if s < 100 * STUCK_BELOW else "" for s in shares]
    bars = ax.barh(labels, shares, color=colours, edgecolor="black")
    for bar, hatch in zip(bars, hatches):
        bar.set_hatch(hatch)
    ax.axvline(100 * STUCK_BELOW, color="black", linestyle="--", linewidth=1)
    ax.set_xlim(0, 100)
    ax.set_title(f"{assignment}: learners with the exercise fully right")
    ax.set_xlabel("learners fully right (%); crossed bars: fewer than half")
    return _png(ax.figure)


# -- the page -------------------------------------------------------------------------------------

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.1rem}
table{border-collapse:collapse;margin:0.5rem 0 1rem}th,td{border:1px solid #bbb;padding:0.25rem 0.6rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.num{text-align:right}img{max-width:100%}.muted{color:#555}
"""


def _table(headers: list[str], rows: list[list], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(
        f"<td class='num'>{html.escape(str(v))}</td>" if i in numeric else f"<td>{html.escape(str(v))}</td>"
        for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render(data: dict, people: list[dict], course_name: str, threshold: float) -> str:
    parts = [f"<h1>Class report: {html.escape(course_name)}</h1>",
             f"<p class='muted'>Made {datetime.now():%Y-%m-%d %H:%M} from nbgrader's gradebook. "
             f"{len(data['students'])} learners, {len(data['assignments'])} assignments.</p>"]
    stuck = sorted((e for e in data["exercises"] if e.graded and e.share < STUCK_BELOW), key=lambda e: e.share)
    parts.append("<h2>Where most learners are stuck</h2>")
    if stuck:
        parts.append(_table(["assignment", "exercise", "fully right"],
                            [[e.assignment, e.label, f"{e.right} of {e.graded} ({100 * e.share:.0f}%)"] for e in stuck]))
    else:
        parts.append("<p>No exercise has fewer than half of the learners fully right.</p>")
    parts.append("<h2>Learners who need attention</h2>")
    parts.append(f"<p class='muted'>Below {100 * threshold:.0f}% of the points, failed or flagged grading, "
                 "late, or not handed in.</p>")
    parts.append(_table(["learner", "why"], [[p["student"], "; ".join(p["reasons"])] for p in people])
                 if people else "<p>Nobody.</p>")
    parts.append("<h2>Written answers and checks waiting for you</h2>")
    parts.append(_table(["assignment", "learner", "cell", "what"],
                        [[w["assignment"], w["student"], w["cell"], w["kind"]] for w in data["waiting"]])
                 if data["waiting"] else "<p>Nothing is waiting for manual grading.</p>")
    for assignment in data["assignments"]:
        results = [r for r in data["results"] if r.assignment == assignment]
        parts.append(f"<h2>Assignment {html.escape(assignment)}</h2>")
        if not results:
            parts.append("<p>No submissions yet.</p>")
            continue
        parts.append(f"<img alt='Histogram of the scores of {len(results)} learners in {html.escape(assignment)}' "
                     f"src='data:image/png;base64,{score_plot(data['results'], assignment)}'>")
        if any(e.assignment == assignment for e in data["exercises"]):
            parts.append(f"<img alt='Share of learners with each exercise of {html.escape(assignment)} fully right' "
                         f"src='data:image/png;base64,{exercise_plot(data['exercises'], assignment)}'>")
        parts.append(_table(["learner", "score", "late", "status"],
                            [[r.student, f"{r.score:g} / {r.max_score:g}", "yes" if r.late else "",
                              r.status or ("needs manual grading" if r.waiting else "graded")] for r in results],
                            numeric={1}))
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>Class report: {html.escape(course_name)}</title><style>{_STYLE}</style></head><body>"
            + "\n".join(parts) + "</body></html>")


def _write_csv(path: Path, headers: list[str], rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def build(root, out=None, threshold: float = 0.5) -> dict:
    """Write ``report.html`` and the CSV files; returns the data and the paths."""
    from nbgrader.api import Gradebook

    course = load_course(root)
    folder = Path(out) if out else course.root / summaries.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    with Gradebook(course.db_url, course.course_id) as gb:
        statuses = {}
        for assignment in gb.assignments:
            saved = summaries.read(course.root, assignment.name) or {}
            statuses[assignment.name] = {r["student"]: r for r in saved.get("students", [])}
        data = collect(gb, statuses)
    people = attention(data, threshold)
    page = folder / "report.html"
    page.write_text(render(data, people, course.course_id or course.root.name, threshold), encoding="utf-8")
    files = [page]
    files.append(_write_csv(folder / "report-scores.csv", ["assignment", "student", "score", "max_score", "share", "late", "waiting", "status"],
                            [[r.assignment, r.student, r.score, r.max_score, round(r.share, 3), r.late, " ".join(r.waiting), r.status]
                             for r in data["results"]]))
    files.append(_write_csv(folder / "report-exercises.csv", ["assignment", "notebook", "cell", "exercise", "max_score", "fully_right", "graded", "share_right"],
                            [[e.assignment, e.notebook, e.cell, e.exercise, e.max_score, e.right, e.graded, round(e.share, 3)]
                             for e in data["exercises"]]))
    files.append(_write_csv(folder / "report-attention.csv", ["student", "reasons"],
                            [[p["student"], " | ".join(p["reasons"])] for p in people]))
    files.append(_write_csv(folder / "report-waiting.csv", ["assignment", "student", "notebook", "cell", "kind"],
                            [[w["assignment"], w["student"], w["notebook"], w["cell"], w["kind"]] for w in data["waiting"]]))
    files.append(write_moodle_csv(folder / MOODLE_CSV, data))
    return {"data": data, "attention": people, "files": [str(f) for f in files]}


MOODLE_CSV = "moodle-grades.csv"


def moodle_rows(data: dict) -> tuple[list[str], list[list]]:
    """One row per learner and one column per assignment, as Moodle's gradebook import
    (Grades > Import > CSV file) reads it: ``Username`` is nbgrader's student id (map it to
    Moodle's "username", or to "ID number" when the ids are those), each assignment column is
    the score in points after nbgrader's late penalty (map it to a grade item whose maximum is
    the assignment's maximum). An assignment a learner did not hand in is left empty, so Moodle
    leaves that grade alone."""
    scores = {(r.student, r.assignment): r.score for r in data["results"]}
    headers = ["Username", *data["assignments"]]
    rows = [[student, *(_number(scores.get((student, a))) for a in data["assignments"])]
            for student in data["students"]]
    return headers, rows


def _number(value) -> str:
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def write_moodle_csv(path: Path, data: dict) -> Path:
    headers, rows = moodle_rows(data)
    return _write_csv(path, headers, rows)
