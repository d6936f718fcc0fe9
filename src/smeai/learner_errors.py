"""Python's errors in the learner's words: what the learner probably did, never Python's English.

Two places use this: a learner's cell that stops with an error (``session``'s IPython handler),
and a learner's function that stops inside a check (``FunctionCases``). Both name the learner's
value where they can ("\"70\" is text"), and fall back to a calm general sentence.
"""

from __future__ import annotations

import ast
import difflib
import json
import os
import re
from pathlib import Path

from .i18n import t
from .numbers import NumberProblem, comma_literals, parse_number, python_number, python_spelling

_WORD = re.compile(r"[^\W\d_]+")  # letters only: "herkennen", "Witbrood", "A"


class Phrase(str):
    """A catalogue key with its fields, put into another message as one of its fields.

    ``Feedback`` turns it into text only when it is shown, in the language shown, so that the
    feedback follows the learner's language like every other message.
    """

    params: dict

    def __new__(cls, key: str, **params):
        phrase = super().__new__(cls, key)
        phrase.params = params
        return phrase

    def text(self, lang: str | None = None) -> str:
        return t(str(self), lang, **self.params)


# -- inside a check: the learner's function stopped --------------------------------------------
def explain_function_error(error: BaseException, function=None) -> Phrase:
    """Why a learner's function raised ``error``, for ``check.function_raised``'s ``{error}``."""
    message = str(error)
    if isinstance(error, NameError):
        name = getattr(error, "name", None) or _quoted(message) or "?"
        params = _parameters(function)
        close = difflib.get_close_matches(name, params, n=1, cutoff=0.6)
        if close:
            return Phrase("explain.function.name_typo", name=name, suggestion=close[0])
        if params:
            return Phrase("explain.function.name_unknown", name=name, known=", ".join(params))
        return Phrase("explain.function.name", name=name)
    if isinstance(error, ZeroDivisionError):
        return Phrase("explain.function.zero_division")
    if isinstance(error, RecursionError):
        return Phrase("explain.function.recursion")
    if isinstance(error, TypeError):
        kind = _type_error_kind(message)
        if kind == "text":
            texts = _texts_in(function)
            if texts:
                return Phrase("explain.function.text_in_sum", text=f'"{texts[0]}"', fixed=texts[0])
            return Phrase("explain.function.text_in_sum_unseen")
        if kind == "tuple":
            literals = comma_literals(_source(function))
            if literals:
                return Phrase("explain.function.comma", literal=literals[0], fixed=python_spelling(literals[0]))
            return Phrase("explain.function.comma_unseen")
        if kind in ("none", "not_callable", "arguments"):
            return Phrase(f"explain.function.{kind}")
        return Phrase("explain.function.type_other")
    return Phrase("explain.function.other")


def _type_error_kind(message: str) -> str:
    if "'tuple'" in message or '"tuple"' in message:
        return "tuple"
    if "NoneType" in message:
        return "none"
    if "'str'" in message or '"str"' in message or "concatenate str" in message:
        return "text"
    if "not callable" in message:
        return "not_callable"
    if "positional argument" in message or "unexpected keyword" in message:
        return "arguments"
    return "other"


def _texts_in(function) -> list[str]:
    """Text in quotes that the learner typed in the function (its docstring left out)."""
    code = getattr(function, "__code__", None)
    if code is None:
        return []
    doc = getattr(function, "__doc__", None)
    return [c for c in code.co_consts if isinstance(c, str) and c != doc]


def _parameters(function) -> list[str]:
    code = getattr(function, "__code__", None)
    return list(code.co_varnames[: code.co_argcount]) if code is not None else []


def _source(function) -> str:
    import inspect

    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return ""


def _quoted(message: str) -> str | None:
    found = re.search(r"'([^']*)'", message)
    return found.group(1) if found else None


# -- a learner's cell stopped ------------------------------------------------------------------
def explain_cell_error(error: BaseException, *, defined: set[str] | None = None, known: set[str] = frozenset()) -> str:
    """One kind sentence about an error in a learner's cell, in their language.

    ``defined`` are the names the notebook itself defines somewhere (None when the notebook is
    not known); ``known`` are the names that exist in the kernel now.
    """
    message = str(error)
    if isinstance(error, NameError):
        name = getattr(error, "name", None) or _quoted(message) or "?"
        return _explain_name(name, defined, known)
    if isinstance(error, ZeroDivisionError):
        return t("explain.cell.zero_division")
    if isinstance(error, TypeError):
        kind = _type_error_kind(message)
        if kind in ("text", "tuple", "none", "not_callable"):
            return t(f"explain.cell.{kind}")
        return t("explain.cell.type_other")
    if isinstance(error, KeyError):
        key = error.args[0] if error.args else "?"
        return t("explain.cell.key", key=str(key))
    if isinstance(error, AttributeError):
        name = getattr(error, "name", None) or (re.findall(r"'([^']*)'", message) or ["?"])[-1]
        return t("explain.cell.attribute", name=name)
    if isinstance(error, IndexError):
        return t("explain.cell.index")
    if isinstance(error, ValueError):
        text = _quoted(message)
        if text is not None and ("literal" in message or "convert" in message):
            return _explain_text_number(text)
    return t("errors.other_error")


def _explain_name(name: str, defined: set[str] | None, known: set[str]) -> str:
    if defined is not None and name in defined:
        return t("errors.name_error", name=name)  # a name from a cell above that has not run yet
    candidates = sorted((defined or set()) | {k for k in known if not k.startswith("_")})
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.8)
    if close:
        return t("explain.cell.name_typo", name=name, suggestion=close[0])
    if defined is not None or _WORD.fullmatch(name):
        # nothing in the notebook makes this name: running cells will not help, quotes will
        return t("explain.cell.plain_word", name=name)
    return t("errors.name_error", name=name)


def _explain_text_number(text: str) -> str:
    try:
        value = parse_number(text)
    except NumberProblem:
        return t("explain.cell.not_a_number", text=text)
    return t("explain.cell.number_written_dutch", text=text, fixed=python_number(value))


# -- which names does the notebook define? -------------------------------------------------------
def notebook_names(paths) -> set[str]:
    """Every name that a code cell of these notebooks assigns, defines or imports."""
    names: set[str] = set()
    for path in paths:
        try:
            cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            source = "".join(cell.get("source", ""))
            try:
                tree = ast.parse(source)
            except SyntaxError:  # a starter with ___ in an odd place, or a learner's half edit
                continue
            names |= _defined_in(tree)
    return names


def _defined_in(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names if alias.name != "*"}
    return names


def running_notebooks(user_ns: dict, module: str | None) -> list[Path]:
    """The notebook this kernel runs, if Jupyter says so; else the course's notebooks of the
    module that ``start`` named (both languages). Empty when neither can be found."""
    for value in (user_ns.get("__session__"), os.environ.get("JPY_SESSION_NAME")):
        if value and str(value).endswith(".ipynb"):
            for candidate in (Path(value), Path.cwd() / Path(value).name):
                if candidate.is_file():
                    return [candidate]
    if module is None:
        return []
    try:
        from .lab import course_root

        root = course_root()
    except Exception:  # no course folder next to this install: decide without the notebook
        return []
    return sorted(root.glob(f"*/{module}-*.ipynb"))


# -- a cell Python could not read at all ---------------------------------------------------------
_SPACED_NUMBER = re.compile(r"(?<![\w.])[1-9]\d{0,2}(?: \d{3})+(?![\w.])")
_EURO_AMOUNT = re.compile(r"€\s*([-\d.,\s]*\d(?:,-)?)")


def explain_syntax_error(error: SyntaxError) -> str:
    """One kind sentence about a line Python could not read, with the number the learner meant."""
    msg = str(getattr(error, "msg", "") or "")
    line = (getattr(error, "text", None) or "").strip()
    number = getattr(error, "lineno", None) or 1
    if isinstance(error, IndentationError) or "indent" in msg:
        return t("explain.syntax.indent", line=number)
    if "leading zeros" in msg:  # `drempel = 0,05`: 05 is not a number Python accepts
        literals = comma_literals(line)
        if literals:
            return t("explain.syntax.comma", literal=literals[0], fixed=python_spelling(literals[0]))
    if "€" in line:
        amount = _EURO_AMOUNT.search(line)
        try:
            fixed = python_number(parse_number(amount.group(1), "nl")) if amount else None
        except NumberProblem:
            fixed = None
        if fixed is not None:
            return t("explain.syntax.euro", fixed=fixed)
        return t("explain.syntax.character", character="€")
    spaced = _SPACED_NUMBER.search(line)
    if spaced:
        return t("explain.syntax.space", literal=spaced.group(0), fixed=spaced.group(0).replace(" ", ""))
    character = re.search(r"invalid character '(.)'", msg)
    if character:
        quote = character.group(1) in "‘’“”„‚"
        return t("explain.syntax.curly_quote" if quote else "explain.syntax.character", character=character.group(1))
    if "unterminated string" in msg or "EOL while scanning" in msg or "unterminated triple" in msg:
        return t("explain.syntax.quote", line=number)
    if "was never closed" in msg or "unexpected EOF" in msg:
        return t("explain.syntax.bracket", line=number)
    answer = re.match(r"^\w+\s*=\s*(.*\S)\s*$", line)
    if answer and " " in answer.group(1) and re.search(r"[^\W\d_]{2,}", answer.group(1)):  # `antwoord = 480 broden`
        numbers = re.findall(r"\d[\d.,]*", answer.group(1))
        if len(numbers) == 1:
            try:
                typed = python_number(parse_number(numbers[0].rstrip(".,")))
            except NumberProblem:
                typed = numbers[0]
            return t("explain.syntax.words", number=typed)
        return t("explain.syntax.sentence", line=number)
    if re.search(r"=\s*$", line):
        return t("explain.syntax.nothing_after_is", line=number)
    if "___" in line:
        return t("explain.syntax.blank", line=number)
    return t("explain.syntax.other", line=number, text=_shorten(line))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
