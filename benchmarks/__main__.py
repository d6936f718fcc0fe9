"""``python -m benchmarks [--quick] [--only GROUP,...] [--out DIR]``: run the benchmarks and
write report.md and report.json. The committed report (benchmarks/report.md) is a full run."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from pathlib import Path

from .common import write_report

GROUPS = {
    "cli": "cli_startup",
    "widgets": "widgets",
    "notebooks": "notebooks",
    "startup": "lab_startup",
    "grading": "grading",
    "footprint": "footprint",
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes and one repeat: checks the code runs, judges nothing")
    parser.add_argument("--only", default=",".join(GROUPS), help=f"comma-separated groups out of: {', '.join(GROUPS)}")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent, help="folder for report.md and report.json")
    parser.add_argument("--update", action="store_true", help="keep the other groups' figures of the report already in --out")
    args = parser.parse_args(argv)
    chosen = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = set(chosen) - set(GROUPS)
    if unknown:
        parser.error(f"unknown groups: {', '.join(sorted(unknown))}")
    started, figures, errors = time.time(), [], {}
    for group in chosen:
        print(f"benchmarks: {group} ...", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"{__package__}.{GROUPS[group]}")
            figures += module.run(quick=args.quick)
        except Exception as error:  # one broken benchmark must not hide the others' figures
            errors[group] = f"{type(error).__name__}: {error}"
            traceback.print_exc()
    if args.update:
        figures = _kept(args.out, {f.group for f in figures}) + figures
    md, js = write_report(figures, args.out, quick=args.quick, started=started, errors=errors)
    failed = [f"{f.group}: {f.name}" for f in figures if f.passed is False]
    print(f"benchmarks: wrote {md} and {js}; {len(figures)} figures, {len(failed)} missed targets, {len(errors)} errors", file=sys.stderr)
    return 1 if errors else 0


def _kept(out: Path, regrouped: set) -> list:
    """The figures of an earlier report in ``out`` whose groups were not measured again."""
    import json

    from .common import Figure

    path = out / "report.json"
    if not path.exists():
        return []
    rows = json.loads(path.read_text(encoding="utf-8"))["figures"]
    return [Figure(**{k: v for k, v in row.items() if k != "ratio"}) for row in rows if row["group"] not in regrouped]


if __name__ == "__main__":
    sys.exit(main())
