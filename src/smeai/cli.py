"""The ``smeai`` command. Subcommands import what they need only when they run, so that
``smeai --help`` answers at once."""

from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smeai",
        description="smeai: an open course on AI for small and medium businesses (mkb).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    lab = commands.add_parser("lab", help="start the course in JupyterLab, at module 00")
    lab.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the course (default: nl)")
    lab.add_argument("--port", type=int, default=None, help="port for JupyterLab (default: a free one)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser window")

    prog = commands.add_parser("progress", help="show where you stand; export or import your progress")
    prog.add_argument("--lang", choices=("nl", "en"), default=None, help="language of the report")
    action = prog.add_mutually_exclusive_group()
    action.add_argument("--export", metavar="FILE", help="write your progress to FILE (to keep or move it)")
    action.add_argument("--import", dest="import_", metavar="FILE", help="add the progress in FILE to yours")

    rec = commands.add_parser("record", help="write your record of completion (HTML and PDF)")
    rec.add_argument("--out", metavar="DIR", default=".", help="folder to write the files to (default: the current folder)")
    rec.add_argument("--lang", choices=("nl", "en"), default=None, help="language of the record")
    rec.add_argument("--name", default=None, help="your name (default: from your profile)")
    rec.add_argument("--organisation", default=None, help="your organisation (default: from your profile)")
    rec.add_argument("--role", default=None, help="your role (default: from your profile)")

    # trainer tools on top of nbgrader: grade, feedback, report (each runs once parsed; lazy imports)
    from .grading.commands import add_commands

    add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "lab":
        from .lab import LabError, run

        try:
            return run(lang=args.lang, port=args.port, open_browser=not args.no_browser)
        except LabError as problem:
            print(f"smeai: {problem}", file=sys.stderr)
            return 1
    if args.command == "progress":
        return _progress(args)
    if args.command == "record":
        return _record(args)
    parser.print_help()
    return 0


def _progress(args) -> int:
    from . import progress
    from .i18n import set_language, t
    from .standing import describe_all

    if args.lang:
        set_language(args.lang)
    store = progress.store()
    try:
        if args.export:
            print(t("progress.exported", path=str(store.export(args.export))))
        elif args.import_:
            print(t("progress.imported", count=store.import_(args.import_), path=args.import_))
        else:
            print(describe_all(store.events()))
    except progress.ProgressImportError as problem:
        print(f"smeai: {problem}", file=sys.stderr)
        return 2
    return 0


def _record(args) -> int:
    import warnings

    from . import progress, record
    from .i18n import get_language, set_language, t

    if args.lang:
        set_language(args.lang)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", progress.ProgressWarning)
        events = progress.store().events()  # a corrupt line is skipped; the rest is used
    for warning in caught:
        print(f"smeai: {warning.message}", file=sys.stderr)
    try:
        paths = record.export(args.out, events=events, name=args.name, organisation=args.organisation, role=args.role, lang=get_language())
    except OSError as problem:
        print("smeai: " + t("record.cli.failed", folder=args.out, error=problem.strerror or str(problem)), file=sys.stderr)
        return 1
    print(t("record.cli.written"))
    for path in paths:
        print(f"  {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
