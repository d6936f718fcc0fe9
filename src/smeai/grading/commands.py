"""The trainer's commands: ``smeai grade``, ``smeai feedback`` and ``smeai report``.

:func:`add_commands` adds them to the ``smeai`` command's subparsers. Each runs as soon as its
arguments are parsed and ends the program with its exit code (as argparse's own ``--help``
and ``--version`` do), so ``smeai.cli`` needs no other change. Nothing heavy is imported until
a command runs: ``smeai --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
import types

COURSE_HELP = "the nbgrader course root (default: the current folder)"


def add_commands(commands) -> None:
    """Add ``grade``, ``feedback`` and ``report`` to an argparse subparsers object."""
    grade = commands.add_parser(
        "grade", help="trainer: autograde every submission of an assignment, in parallel and sandboxed",
        description="Autograde every submission of ASSIGNMENT (nbgrader's course layout), in parallel, "
                    "with each learner's code in a sandbox. Ends with a table and writes "
                    "smeai-grading/ASSIGNMENT.json and .csv in the course root.",
    )
    grade.add_argument("assignment", metavar="ASSIGNMENT")
    grade.add_argument("--root", default=".", help=COURSE_HELP)
    grade.add_argument("--jobs", type=_positive, default=None, help="submissions graded at the same time (default: twice the number of cores)")
    grade.add_argument("--student", action="append", default=None, metavar="ID", help="grade only this learner (repeat for more)")
    grade.add_argument("--max-seconds", type=float, default=None, help="time budget per submission (default: 10 x the cell timeout, at least 300)")
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    _runs(grade, _grade)

    feedback = commands.add_parser(
        "feedback", help="trainer: write feedback for learners (nbgrader's feedback, without hidden tests)",
        description="Write nbgrader feedback (feedback/STUDENT/ASSIGNMENT/*.html) with a summary per exercise in "
                    "the learner's language, and check that no page shows a hidden test.",
    )
    feedback.add_argument("assignment", metavar="ASSIGNMENT")
    feedback.add_argument("--root", default=".", help=COURSE_HELP)
    feedback.add_argument("--student", action="append", default=None, metavar="ID", help="only this learner (repeat for more)")
    _runs(feedback, _feedback)

    report = commands.add_parser(
        "report", help="trainer: a report of the class (HTML and CSV) from the gradebook",
        description="Write a self-contained HTML report of the class and CSV files, read from nbgrader's gradebook.",
    )
    report.add_argument("--root", default=".", help=COURSE_HELP)
    report.add_argument("--out", default=None, help="folder for report.html and the CSV files (default: ROOT/smeai-grading)")
    report.add_argument("--threshold", type=float, default=0.5, help="share of the points below which a learner needs attention (default: 0.5)")
    _runs(report, _report)


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _runs(parser, command) -> None:
    """Run ``command(args)`` right after ``parser`` has parsed its arguments, then exit."""
    original = parser.parse_known_args

    def parse_known_args(self, args=None, namespace=None):
        namespace, extras = original(args, namespace)
        if extras:
            self.error("unrecognized arguments: " + " ".join(extras))
        self.exit(_guarded(command, namespace))

    parser.parse_known_args = types.MethodType(parse_known_args, parser)


def _guarded(command, args) -> int:
    from .course import CourseError

    from .course import course_id_conflict

    try:
        conflict = course_id_conflict(args.root) if os.path.isdir(args.root) else ""
        if conflict:
            print(f"smeai: warning: {conflict}", file=sys.stderr)
        return command(args)
    except CourseError as problem:
        print(f"smeai: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("smeai: stopped", file=sys.stderr)
        return 130
    except Exception as problem:  # noqa: BLE001 - a trainer gets one line; SMEAI_DEBUG=1 shows the traceback
        if os.environ.get("SMEAI_DEBUG"):
            raise
        print(f"smeai: {args.command if hasattr(args, 'command') else 'command'} failed: "
              f"{type(problem).__name__}: {problem} (run with SMEAI_DEBUG=1 for details)", file=sys.stderr)
        return 1


def _grade(args) -> int:
    from .runner import Options, grade
    from .summary import table

    options = Options(students=args.student, budget=args.max_seconds, progress=not args.quiet)
    if args.jobs:
        options.jobs = max(1, args.jobs)
    result = grade(args.root, args.assignment, options)
    if result["preprocessors_added"]:
        print("Note: added to this course's grading steps for this run: " + ", ".join(result["preprocessors_added"])
              + " (the sandbox, cell restore, code scan and review flag that smeai grade needs; "
              "nbgrader_config.py is not changed).")
    print(table(result["students"]))
    counts = result["counts"]
    print(f"\n{len(result['students'])} submissions in {result['seconds']:.1f} s with {result['jobs']} jobs: "
          f"{counts['graded']} graded, {counts['needs manual grading']} need manual grading, "
          f"{counts['failed']} failed, {result['late']} late.")
    weak = [name for name, item in result["protections"].items() if isinstance(item, dict) and not item.get("enforced")]
    if weak:
        print("Not enforced on this machine: " + "; ".join(
            f"{name} ({result['protections'][name]['why_not']})" for name in weak), file=sys.stderr)
    print("Summary: " + ", ".join(os.path.relpath(p) for p in result["files"]))
    return 0


def _feedback(args) -> int:
    from .feedback_pages import generate

    result = generate(args.root, args.assignment, students=args.student)
    for page in result["pages"]:
        print(os.path.relpath(page))
    for item in result["failed"]:
        print(f"smeai: no feedback for {item['student']}: {item['why']}", file=sys.stderr)
    for page, found in result["leaks"].items():
        print(f"smeai: {page} showed a hidden test ({', '.join(found)}) and was removed", file=sys.stderr)
    print(f"{len(result['pages'])} feedback pages written, none shows a hidden test."
          if not result["leaks"] else f"{len(result['leaks'])} pages removed because they showed a hidden test.")
    return 1 if result["leaks"] or result["failed"] else 0


def _report(args) -> int:
    from .report import build

    result = build(args.root, out=args.out, threshold=args.threshold)
    for path in result["files"]:
        print(os.path.relpath(path))
    return 0
