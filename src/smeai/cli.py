"""The ``smeai`` command. Subcommands import what they need only when they run, so that
``smeai --help`` answers at once.

Every error is one line, ``smeai: ...``, in the user's language (``--lang``, else
``SMEAI_LANG``, else Dutch), with a non-zero exit code: 2 for a call that cannot be understood or
a file that cannot be used, 1 when something could not be done. Never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from contextlib import contextmanager

from . import __version__

#: Trainer tools on top of nbgrader: Linux only (their sandbox uses Linux's process limits).
TRAINER_COMMANDS = ("grade", "feedback", "report")


def _lang(argv: list[str]) -> str:
    """The language for messages: ``--lang X`` anywhere on the line, else ``SMEAI_LANG``."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in ("nl", "en"):
            return value
    env = os.environ.get("SMEAI_LANG", "nl")
    return env if env in ("nl", "en") else "nl"


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors as one line (argparse's own words kept, for the details)."""

    lang = "nl"

    def error(self, message):  # noqa: D401 - argparse's hook
        from .i18n import t

        self.exit(2, "smeai: " + t("cli.usage", self.lang, detail=message, prog=self.prog) + "\n")


def _parser(lang: str = "nl") -> argparse.ArgumentParser:
    _Parser.lang = lang
    parser = _Parser(
        prog="smeai",
        description="smeai: an open course on AI for small and medium businesses (mkb).",
    )
    parser.add_argument("--version", action="version", version=f"smeai {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    lab = commands.add_parser("lab", help="start the course in JupyterLab, at module 00")
    lab.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the course (default: nl)")
    lab.add_argument("--dir", default=None, metavar="FOLDER", help="your course folder (default: smeai-course in your home folder)")
    lab.add_argument("--port", default=None, help="port for JupyterLab, 1-65535 (default: a free one)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    lab.add_argument("--verbose", action="store_true", help="show JupyterLab's own messages here instead of in a log file")

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


def _fail(message: str, code: int) -> int:
    print(f"smeai: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    if command in TRAINER_COMMANDS and not sys.platform.startswith("linux"):
        from .i18n import t

        return _fail(t("cli.not_on_this_system", lang, command=command, system=sys.platform), 1)
    parser = _parser(lang)
    args = parser.parse_args(argv)
    try:
        if args.command == "lab":
            return _lab(args)
        if args.command == "progress":
            return _progress(args)
        if args.command == "record":
            return _record(args)
    except KeyboardInterrupt:
        from .i18n import t

        return _fail(t("cli.interrupted", lang), 130)
    parser.print_help()
    return 0


def _lab(args) -> int:
    from .lab import LabError, run

    try:
        return run(lang=args.lang, port=args.port, open_browser=not args.no_browser, folder=args.dir, verbose=args.verbose)
    except LabError as problem:
        return _fail(str(problem), 1)


def _progress(args) -> int:
    from . import progress
    from .i18n import set_language, t
    from .standing import describe_all

    if args.lang:
        set_language(args.lang)
    store = progress.store()
    try:
        with _warnings_as_lines(progress.ProgressWarning):  # a damaged line: one line, the rest is used
            if args.export:
                print(t("progress.exported", path=str(store.export(args.export))))
            elif args.import_:
                print(t("progress.imported", count=store.import_(args.import_), path=args.import_))
            else:
                print(describe_all(store.events()))
    except (progress.ProgressImportError, progress.ProgressExportError) as problem:
        return _fail(str(problem), 2)
    except OSError as problem:  # e.g. no room to add the imported events
        return _fail(t("progress.write_failed", error=problem.strerror or str(problem)), 1)
    return 0


@contextmanager
def _warnings_as_lines(category):
    """Show warnings of ``category`` as ``smeai: ...`` lines, not Python's two-line format."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", category)
        try:
            yield
        finally:
            for warning in caught:
                print(f"smeai: {warning.message}", file=sys.stderr)


def _record(args) -> int:
    from pathlib import Path

    from . import progress
    from .i18n import get_language, set_language, t

    if args.lang:
        set_language(args.lang)
    with _warnings_as_lines(progress.ProgressWarning):
        events = progress.store().events()  # a corrupt line is skipped; the rest is used
    folder = Path(args.out).absolute()
    existed = folder.is_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        return _fail(t("record.cli.failed", folder=args.out, error=problem.strerror or str(problem)), 1)
    # the record (and matplotlib, for its PDF) loads only for a folder that can take it, so a bad
    # --out leaves nothing behind, not even matplotlib's font cache
    from . import record

    try:
        paths = record.export(args.out, events=events, name=args.name, organisation=args.organisation, role=args.role, lang=get_language())
    except OSError as problem:
        return _fail(t("record.cli.failed", folder=args.out, error=problem.strerror or str(problem)), 1)
    if not existed:
        print(t("cli.record.made_folder", folder=str(folder)))
    print(t("record.cli.written"))
    for path in paths:
        print(f"  {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
