"""Numbers that must be written out in a notebook or an assignment (a markdown table, a solution
cell): the tests read them from the notebook, compute them from the module's model and compare.
So a numpy or scikit-learn release that moves a model by a row fails a test, instead of leaving
the course text wrong."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def course(module: str) -> list[Path]:
    """The nl and en course notebooks of a module (``"04"``)."""
    return [next((ROOT / "course" / lang).glob(f"{module}-*.ipynb")) for lang in ("nl", "en")]


def assignment(module: str) -> Path:
    return next((ROOT / "assessments" / "source" / f"m{module}").glob("*.ipynb"))


def sources(path: Path, kind: str | None = None) -> list[str]:
    """The source of every cell (of one kind: ``"markdown"`` or ``"code"``), in order."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if kind is None or cell["cell_type"] == kind]


def one(path: Path, pattern: str, kind: str | None = None) -> re.Match:
    """The one match of ``pattern`` over the notebook's cells; fails if there is not exactly one."""
    found = [m for source in sources(path, kind) for m in re.finditer(pattern, source)]
    assert len(found) == 1, (path.name, pattern, len(found))
    return found[0]


def number(text: str) -> float:
    """A number as the notebook writes it, Dutch (1.590 / 21,2) or English (1,590 / 21.2)."""
    text = text.strip()
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
        return float(re.sub(r"[.,]", "", text))
    return float(text.replace(",", "."))
