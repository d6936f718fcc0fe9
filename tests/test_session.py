"""The setup cell's ``start`` and the last cell's ``finish``, in a real kernel: a learner's error
reads as a kind message, and a failed ``grade`` shows only its message."""

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from smeai import finish, progress, start
from smeai.session import friendly_error_lines


def run_cells(*sources, tmp_path):
    nb = new_notebook(cells=[new_code_cell(s) for s in sources])
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb.cells


def error_of(cell):
    errors = [o for o in cell.outputs if o.output_type == "error"]
    assert len(errors) == 1, cell.outputs
    return errors[0]


def test_errors_in_learner_cells_are_kind_and_grade_failures_show_only_their_message(tmp_path):
    cells = run_cells(
        'from smeai import start\nstart("01", lang="nl")',
        "q2.check(regel_70_pct)",  # ran out of order: nothing is defined yet
        "int('veel')",
        'from smeai.exercises import grade\ngrade("m01.q2", 0.725)',
        tmp_path=tmp_path,
    )
    assert not [o for o in cells[0].outputs if o.output_type == "error"]
    name_error = "\n".join(error_of(cells[1]).traceback)
    assert "`q2` bestaat nog niet" in name_error and "Run All Above" in name_error
    assert "Traceback" not in name_error and "----> " not in name_error
    value_error = "\n".join(error_of(cells[2]).traceback)
    assert '"veel" niet lezen als getal' in value_error and "ValueError" in value_error and "----> " not in value_error
    assert "invalid literal" not in value_error  # Python's English stays out
    assert error_of(cells[3]).traceback == ["✘ Nog niet goed: Je gaf een deel van 1 (0,725). Geef het als percentage: keer 100."]


def test_friendly_errors_in_english(monkeypatch):
    from smeai import session, set_language

    # no module started in this process: the message cannot look at a notebook's names
    monkeypatch.setattr(session, "_current_module", None)
    set_language("en")
    lines = friendly_error_lines(NameError, NameError("name 'regel_70_pct' is not defined", name="regel_70_pct"))
    assert lines[0].startswith("`regel_70_pct` does not exist yet") and "NameError" in lines[1]
    lines = friendly_error_lines(NameError, NameError("name 'recognise' is not defined", name="recognise"))
    assert 'put it between quotes: "recognise"' in lines[0] and "not defined" not in " ".join(lines)


def test_start_and_finish_record_the_module(capsys):
    start("01", lang="en")
    assert "module 01, What is AI?" in capsys.readouterr().out
    finish("01")
    out = capsys.readouterr().out
    assert "Module 01, What is AI?: finished" in out and "exercises right: 0 of 4" in out
    assert [e["kind"] for e in progress.store().events()] == ["module_start", "module_finish"]


def test_start_refuses_an_unknown_module_or_language():
    import pytest

    with pytest.raises(ValueError, match="no module"):
        start("42")
    with pytest.raises(ValueError, match="nl, en"):
        start("01", lang="de")


def _shown(cell) -> str:
    parts = []
    for output in cell.outputs:
        if output.output_type == "error":
            parts += output.traceback
        elif "data" in output:
            parts.append(output.data.get("text/plain", ""))
        else:
            parts.append(output.get("text", ""))
    return "\n".join(parts)


def test_in_a_kernel_the_learners_own_dot_comma_and_word_are_named(tmp_path):
    """Issue 11's cases as a learner types them in module 03's cells: the message quotes what the
    learner typed (the cell's source, the function's source), never Python's English."""
    cells = run_cells(
        'from smeai import start\nstart("03", lang="nl")\nfrom smeai.modules.m03.exercises import q1, q3',
        "besparing = 6.766 - 5.435\nq3.check(besparing)",  # 03 [13]
        "def kosten(gebakken, vraag):\n    if gebakken > vraag:\n        return (gebakken - vraag) * 1.20\n"
        "    return (vraag - gebakken) * 2,00\n\nq1.check(kosten)",  # 03 [3]
        'kenmerken = ["light_mol_m2", temperature_c]',  # 03 [30]
        "taak = herkennen",  # 01 [16], in another module's words
        'verschil = 5 - "3"',
        "q1.check(kosten_)",  # a typo of a name the learner made
        "besparing = € 1.331",  # a line Python cannot read at all
        "besparing = 1.331,00\nq3.check(besparing)",  # a Dutch amount: the pair (1.331, 0) to Python
        "besparing = 6.766 - 5.000\nq3.check(besparing)",  # a dot, and a wrong answer besides
        tmp_path=tmp_path,
    )
    dot = _shown(cells[1])
    assert "Dat komt door de punt in 6.766" in dot and "6 komma 766" in dot and "zonder punt: 6766" in dot
    assert "te laag" not in dot
    comma = _shown(cells[2])
    assert "geeft je functie (40, 0)" in comma and "de komma in 2,00" in comma and "met een punt: 2.00" in comma
    assert 'tussen aanhalingstekens: "temperature_c"' in _shown(cells[3])
    assert 'tussen aanhalingstekens: "herkennen"' in _shown(cells[4]) and "Run All" not in _shown(cells[4])
    text = _shown(cells[5])
    assert "Je rekent met tekst" in text and "unsupported" not in text and "(technisch detail voor je trainer: TypeError)" in text
    assert "Bedoel je `kosten`?" in _shown(cells[6])
    syntax = _shown(cells[7])
    assert "Python kent het teken € niet" in syntax and ": 1331." in syntax and "invalid character" not in syntax
    assert "(technisch detail voor je trainer: SyntaxError)" in syntax
    amount = _shown(cells[8])
    assert "Je schreef 1.331,00" in amount and "Schrijf het in Python zo: 1331." in amount
    wrong = _shown(cells[9])
    assert "Let op de punt in 6.766" in wrong and "6 komma 766, en niet 6766" in wrong and "te laag" not in wrong
