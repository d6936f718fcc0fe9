"""Issue 11's cases, by exercise id: a number typed the Dutch way gets a message that names the dot
or the comma (never "te laag"), an error gets a sentence about the learner's own value, and no
English exception text reaches Dutch feedback."""

import re

import pytest

from smeai import i18n
from smeai.exercises import INCORRECT, FunctionCases, all_exercises, get
from smeai.learner_errors import explain_cell_error, explain_syntax_error, notebook_names, running_notebooks
from smeai.session import friendly_error_lines

# Words of Python's own error messages: none of them may appear in Dutch feedback.
ENGLISH = re.compile(
    r"not defined|unsupported operand|not supported between|object is not|invalid literal|division by zero|"
    r"has no attribute|could not convert|positional argument|must be|Traceback|NoneType|Error\b|"
    r"ZeroDivisionError|TypeError|NameError|ValueError|KeyError|AttributeError|IndexError|RecursionError",
)


def message(exercise_id, answer, lang="nl"):
    feedback = get(exercise_id).evaluate(answer)
    assert feedback.state == INCORRECT, feedback.text(lang)
    return feedback.key, feedback.message(lang)


# -- thousands dot in a direct answer -------------------------------------------------------------
@pytest.mark.parametrize(
    ("exercise_id", "typed", "answer"),
    [("m03.q3", "6.766 - 5.435", 6.766 - 5.435), ("m04.q4", "2.520", 2.520), ("m09.q1", "4.200", 4.200)],
)
def test_a_thousands_dot_is_named_instead_of_too_low(exercise_id, typed, answer):
    key, text = message(exercise_id, answer)
    assert key == "answer.number.thousands_dot"
    assert "duizend keer te weinig" in text and "punt" in text and "Zonder die punt klopt je antwoord" in text
    assert "te laag" not in text
    assert "thousand times too small" in get(exercise_id).evaluate(answer).message("en")


def test_without_the_dot_the_same_answer_is_right():
    assert get("m03.q3").evaluate(6766 - 5435).correct
    assert get("m04.q4").evaluate(2520).correct and get("m09.q1").evaluate(4200).correct


def test_an_answer_that_is_merely_small_is_still_too_low():
    key, _ = message("m09.q1", 4.1)
    assert key == "check.number_too_low"


# -- comma in a direct answer -------------------------------------------------------------------
def test_module_00_four_comma_120_is_explained_without_the_bad_advice():
    key, text = message("m00.q1", (4, 120))  # antwoord = 4,120
    assert key == "answer.number.comma_for_times"
    assert text == (
        "Je schreef 4,120. Python leest de komma als 'en': dan zijn het twee getallen, 4 en 120. "
        "Wil je vermenigvuldigen? Gebruik een sterretje: 4 * 120."
    )
    assert "4.120" not in text  # a Dutch reader reads that as four thousand one hundred and twenty


def test_a_comma_before_three_digits_names_both_readings_and_never_writes_a_thousands_dot():
    key, text = message("m01.q2", (4, 120))
    assert key == "answer.number.comma_tuple_three"
    assert "4 komma 120" in text and "4.12," in text and "4120" in text and "4.120" not in text
    key, text = message("m01.q2", (70, 5))
    assert key == "answer.decimal_comma_tuple" and "70.5" in text and "twee getallen" in text


# -- bad input as an answer -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "key", "part"),
    [
        ("", "answer.number.empty_text", "Je antwoord is lege tekst"),
        ("-", "answer.text_not_number", "Hier hoort een getal"),
        ("veel", "answer.text_not_number", "Hier hoort een getal"),
        ("1.200,50", "answer.number.text", ": 1200.5."),
        ("€ 1.200", "answer.number.text", ": 1200."),
        ("1 200", "answer.number.text", ": 1200."),
        ("480", "answer.number_as_text", "Haal de aanhalingstekens weg: 480."),
        ("72,5", "answer.decimal_comma_text", "schrijf 72.5"),
        ("Ik denk dat het 480 broden zijn", "answer.number.text", ": 480."),
        ("De bakker verkoopt 120 broden per zaterdag, dus 480 in 4 weken", "answer.text_not_number", "Hier hoort een getal"),
    ],
)
def test_text_answers_get_the_number_python_needs(typed, key, part):
    got_key, text = message("m00.q1", typed)
    assert (got_key, part in text) == (key, True), text


def test_in_english_a_point_before_three_digits_is_asked_about():
    i18n.set_language("en")
    key, text = message("m00.q1", "1.200", "en")
    assert key == "answer.number.text_ambiguous" and "1200 or 1.2" in text
    key, text = message("m00.q1", "4,120", "en")  # an English thousands comma
    assert key == "answer.number.text" and text.endswith(": 4120.")


# -- inside functions (defined in this file, so their source is there to read) ----------------------
def kosten(gebakken, vraag):
    if gebakken > vraag:
        return (gebakken - vraag) * 1.20
    return (vraag - gebakken) * 2,00  # noqa: E231 - the learner's slip, on purpose


def vier_vijfde_gehaald(pct_a, pct_b):
    verhouding = min(pct_a, pct_b) / max(pct_a, pct_b)
    return verhouding >= 0,8  # noqa: E231


def schaal_met_tekst(waarde, gemiddelde, spreiding):
    return (waarde - "gemiddelde") / spreiding


def is_klasse1_met_tekst(maat_mm, rood_pct):
    return maat_mm >= 70 and rood_pct >= "45"


def schaal_verspeld(waarde, gemiddelde, spreiding):
    return (waarde - gemiddeld) / spreiding  # noqa: F821


def licentie(jaren):
    return jaren * 1.200  # meant: € 1.200 per year


def test_a_comma_in_a_number_inside_a_function_is_named():
    key, text = message("m03.q1", kosten)
    assert key == "answer.number.function_comma"
    assert "geeft je functie (40, 0)" in text and "de komma in 2,00" in text and "met een punt: 2.00" in text
    key, text = message("m08.q3", vier_vijfde_gehaald)
    assert key == "answer.number.function_comma"
    assert "(True, 8)" in text and "de komma in 0,8" in text and "met een punt: 0.8" in text


def test_a_function_without_readable_source_still_names_the_comma():
    pair = eval("lambda gebakken, vraag: ((vraag - gebakken) * 2, 0)")  # no source file to read
    key, text = message("m03.q1", pair)
    assert key == "answer.number.function_comma_unseen" and "komma" in text


def test_text_in_a_sum_inside_a_function_names_the_learners_value():
    key, text = message("m05.q3", schaal_met_tekst)
    assert key == "check.function_raised"
    assert 'Je schreef "gemiddelde" tussen aanhalingstekens' in text and "Haal de aanhalingstekens weg: gemiddelde." in text
    key, text = message("m01.q4", is_klasse1_met_tekst)
    assert 'Je schreef "45" tussen aanhalingstekens' in text and "weg: 45." in text
    assert not ENGLISH.search(text)
    english = get("m01.q4").evaluate(is_klasse1_met_tekst).message("en")
    assert 'You wrote "45" between quotes' in english  # the same feedback, shown in English


def test_a_misspelt_name_inside_a_function_points_at_the_parameter():
    key, text = message("m05.q3", schaal_verspeld)
    assert "`gemiddeld`" in text and "Bedoel je `gemiddelde`?" in text


def test_a_thousands_dot_inside_a_function_is_named():
    outcome = FunctionCases(cases=[((2,), 2400)]).outcome(licentie)
    assert outcome.key == "answer.number.function_thousands_dot"
    text = i18n.t(outcome.key, **outcome.params)
    assert text == (
        "Bij 2 geeft je functie 2,4. Dat is precies duizend keer te weinig. Dat komt door de punt in 1.200: "
        "voor Python is 1.200 1 komma 200. Schrijf grote getallen zonder punt: 1200."
    )


# -- no English exception text in Dutch feedback, whatever the learner's function does ---------------
def _crashing(arity):
    def raising(error):
        names = ", ".join(f"a{i}" for i in range(arity))
        return eval(f"lambda {names}: (_ for _ in ()).throw(error)", {"error": error})

    return [
        eval(f"lambda {', '.join(f'a{i}' for i in range(arity))}: a0 / 0"),
        eval(f"lambda {', '.join(f'a{i}' for i in range(arity))}: a0 - 'tekst'"),
        eval(f"lambda {', '.join(f'a{i}' for i in range(arity))}: a0 >= '45'"),
        eval(f"lambda {', '.join(f'a{i}' for i in range(arity))}: onbekend + a0"),
        eval(f"lambda {', '.join(f'a{i}' for i in range(arity))}: None + a0"),
        eval(f"lambda {', '.join(f'a{i}' for i in range(arity))}: (1, 5) * 1.5"),
        eval(f"lambda {', '.join(f'a{i}' for i in range(arity))}: a0.waarde"),
        eval(f"lambda {', '.join(f'a{i}' for i in range(arity))}: int('veel')"),
        eval(f"lambda {', '.join(f'a{i}' for i in range(arity))}: [][3]"),
        _quietly(f"lambda {', '.join(f'a{i}' for i in range(arity))}: 2(a0)"),
        eval("lambda a0: a0"),  # the wrong number of parameters
        raising(KeyError("kolom")),
        raising(RuntimeError("something broke deep inside")),
    ]


def _quietly(source):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # Python warns about 2(...) when compiling
        return eval(source)


BAD_ANSWERS = [None, "", "-", "veel", "1.200,50", "€ 1.200", "1 200", "Het antwoord is 1.200 euro", (4, 120), (0, 8), 4.2, 1e12, [1, 2], {"a": 1}]


def test_no_english_exception_text_reaches_dutch_feedback():
    checked = 0
    for exercise in all_exercises():
        answers = list(BAD_ANSWERS)
        check = exercise._check
        if isinstance(check, FunctionCases):
            answers += _crashing(len(check.cases[0][0]))
        elif exercise.id == "m07.q4":  # its own cost check, with two parameters
            answers += _crashing(2)
        for answer in answers:
            feedback = exercise.evaluate(answer)
            text = feedback.message("nl")
            assert not ENGLISH.search(text), (exercise.id, answer, text)
            assert "{" not in text and text != feedback.key, (exercise.id, text)
            checked += 1
    assert checked > 750


@pytest.mark.parametrize(
    "error",
    [
        NameError("name 'herkennen' is not defined", name="herkennen"),
        NameError("name 'temperature_c' is not defined", name="temperature_c"),
        TypeError("unsupported operand type(s) for -: 'int' and 'str'"),
        TypeError("'>=' not supported between instances of 'int' and 'str'"),
        TypeError("can only concatenate tuple (not \"int\") to tuple"),
        TypeError("'int' object is not callable"),
        ZeroDivisionError("division by zero"),
        ValueError("invalid literal for int() with base 10: 'veel'"),
        ValueError("could not convert string to float: '1.200,50'"),
        KeyError("prodcut"),
        AttributeError("'DataFrame' object has no attribute 'colums'", name="colums"),
        IndexError("list index out of range"),
        RuntimeError("something broke deep inside"),
    ],
)
def test_cell_errors_are_explained_in_dutch_with_only_the_kind_of_error_for_the_trainer(error):
    first, technical = friendly_error_lines(type(error), error)
    assert not ENGLISH.search(first), first
    assert technical == f"(technisch detail voor je trainer: {type(error).__name__})"


# -- a word without quotes ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("module", "name"),
    [("01", "herkennen"), ("02", "Witbrood"), ("03", "temperature_c"), ("09", "A")],  # 01 [16], 02 [31], 03 [30], 09 [14]
)
def test_a_word_without_quotes_gets_put_it_between_quotes(module, name):
    defined = notebook_names(running_notebooks({}, module))
    assert defined, "the course's notebooks of this module are found"
    text = explain_cell_error(NameError(f"name {name!r} is not defined", name=name), defined=defined)
    assert text == (
        f"Python kent geen `{name}`. Is het een woord, een naam uit de data of een kolomnaam? "
        f'Zet het dan tussen aanhalingstekens: "{name}".'
    )


@pytest.mark.parametrize(("module", "name"), [("01", "q2"), ("01", "regel_70_pct"), ("03", "kosten"), ("09", "volgorde")])
def test_a_name_the_notebook_defines_still_gets_run_the_cells_above(module, name):
    defined = notebook_names(running_notebooks({}, module))
    text = explain_cell_error(NameError(name=name), defined=defined)
    assert "Run All Above" in text and "aanhalingstekens" not in text


def test_a_misspelt_name_gets_did_you_mean():
    text = explain_cell_error(NameError(name="verkoop_shoon"), defined={"verkoop_schoon", "verkoop"})
    assert text == "`verkoop_shoon` bestaat niet. Bedoel je `verkoop_schoon`? Let op de spelling en de hoofdletters."


def test_the_running_notebook_is_preferred_when_jupyter_names_it(tmp_path, monkeypatch):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    path = tmp_path / "mijn-kopie.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("eigen_naam = 3\nfor rij in []: pass"), new_code_cell("def f(:")]), path)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    assert running_notebooks({}, "01") == [path]
    assert notebook_names([path]) == {"eigen_naam", "rij"}  # a cell that does not parse is skipped


# -- a line Python cannot read: the bad input of issue 11 typed straight into a cell -------------------
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("drempel = 0,05", "Python kan 0,05 niet lezen: een komma in een getal kent Python niet. Schrijf een kommagetal in Python met een punt: 0.05."),
        ("antwoord = € 1.200", "Python kent het teken € niet. Schrijf een bedrag zonder € en zonder punt tussen de duizendtallen: 1200."),
        ("antwoord = 1 200", "Python kan 1 200 niet lezen: er staat een spatie in het getal. Schrijf het zonder spatie: 1200."),
        ("antwoord = ", "In regel 1 staat niets achter het =-teken. Zet daar je antwoord."),
        ("antwoord = -", "Python kan regel 1 niet lezen: antwoord = -."),
        ("Het antwoord is 480 broden", "Python kan regel 1 niet lezen: Het antwoord is 480 broden."),
        ("taak = \u201cherkennen\u201d", "Het aanhalingsteken \u201c kent Python niet"),
        ("taak = 'herkennen", "In regel 1 mist een aanhalingsteken."),
        ("print((1 + 2)", "Een haakje is niet gesloten."),
        ("def f(a):\nreturn a", "Regel 2 staat niet goed ingesprongen"),
        ("x = ___ ___", "In regel 1 staat nog ___"),
        ("antwoord = ongeveer 1.200 euro", "Na het =-teken staan woorden. Python kan die niet lezen. Typ alleen het getal: 1200."),
        ("antwoord = 480 broden", "Na het =-teken staan woorden. Python kan die niet lezen. Typ alleen het getal: 480."),
        ("taak = de bakker en de klant", "In regel 1 staat een zin."),
    ],
)
def test_a_line_python_cannot_read_is_explained_in_dutch(source, expected):
    with pytest.raises(SyntaxError) as caught:
        compile(source, "<cel>", "exec")
    text = explain_syntax_error(caught.value)
    assert text.startswith(expected) and not ENGLISH.search(text), text


def test_a_dutch_amount_in_a_direct_answer_without_the_cell_source_is_two_values():
    key, _ = message("m03.q3", (1.331, 0))  # no notebook cell to read: said as two values
    assert key == "answer.many_not_one"


def test_when_the_number_is_right_but_written_the_dutch_way_the_message_says_so():
    key, text = message("m01.q2", (72, 5))  # regel = 72,5 where 72.5 is right
    assert key == "answer.number.comma_right" and text.endswith("met een punt: 72.5. Dan klopt je antwoord.")
    key, text = message("m01.q2", "€ 72,50")
    assert key == "answer.number.text_right" and "Het getal klopt wel" in text and ": 72.5." in text
    key, text = message("m01.q2", (70, 5))  # 70,5 is not right: no promise
    assert key == "answer.decimal_comma_tuple" and "klopt" not in text
