"""Numbers that must be written out in a notebook or an assignment (a markdown table, a solution
cell): the tests read them from the notebook, compute them from the module's model and compare.
So a numpy or scikit-learn release that moves a model by a row fails a test, instead of leaving
the course text wrong."""

import ast
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


class _Capture:
    """Stands in for ``qN`` when a solution text runs: ``qN.check(answer)`` keeps the feedback."""

    def __init__(self, exercise):
        self.exercise, self.feedback = exercise, None

    def check(self, answer):
        self.feedback = self.exercise.evaluate(answer)


def solution_feedback(exercise, lang: str):
    """Run the catalogue's solution text (with the model's numbers filled in) through its check."""
    name = exercise.id.split(".")[1]
    capture = _Capture(exercise)
    exec(exercise.solution_text(lang), {name: capture})  # noqa: S102 - our own catalogue text
    assert capture.feedback is not None, (exercise.id, lang, "the solution never calls check")
    return capture.feedback


def hidden_cases(path: Path, exercise_id: str) -> list:
    """The trainer's extra cases for ``exercise_id``: the ``cases=[...]`` of its ``grade`` call
    between the assignment's hidden-test markers (a literal, read without running the cell)."""
    found = []
    for source in sources(path, "code"):
        hidden = re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", source, flags=re.S)
        for call in ast.walk(ast.parse(hidden.group(1))) if hidden else ():
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "grade" and ast.literal_eval(call.args[0]) == exercise_id:
                found.extend(ast.literal_eval(next(k.value for k in call.keywords if k.arg == "cases")))
    assert found, (path.name, exercise_id)
    return found
