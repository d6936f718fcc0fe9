"""Module 06's numbers written in its notebooks, its assignment and its quiz, computed from the
model (the sorter) and from the next-word model's shipped text."""

from smeai import i18n
from smeai.modules.m06 import model

from .written import assignment, course, number, one

CERTAINTY = (r"Bij e-mail (\d+) was het maar (\d+) % zeker", r"For e-mail (\d+) it was only (\d+) % sure")


def test_the_example_emails_certainty_is_the_models():
    row = model.test_results().loc[model.EXAMPLE_EMAIL]
    for path, pattern in [*zip(course("06"), CERTAINTY), (assignment("06"), CERTAINTY[0])]:
        number_, certainty = one(path, pattern).groups()
        assert (int(number_), int(certainty)) == (model.EXAMPLE_EMAIL, row.certainty_pct), path.name


def test_the_quiz_states_the_sorters_accuracy():
    right = round(model.accuracy_pct())
    for lang, pattern in (("nl", "Ook {right} % goed betekent {wrong} fouten op de 100"), ("en", "Even {right} % right means {wrong} mistakes in 100")):
        explain = i18n.lookup("m06.quiz5.explain", lang)[0]
        assert pattern.format(right=right, wrong=100 - right) in explain, (lang, explain)


def test_the_assignments_next_word_numbers_are_the_models():
    path = assignment("06")
    start, likeliest, other = model.NEXT_WORD["nl"]
    counts = dict(model.next_word_model("nl").counts_after(start))
    total = sum(counts.values())
    given, of = one(path, r"kans_belt_pct = (\d+) / (\d+) \* 100", "code").groups()
    assert (int(given), int(of)) == (counts[other], total)
    stated = one(path, rf'\*"{likeliest}"\* krijgt na \*"{start}"\* (\d+) % kans').group(1)
    assert number(stated) == model.chance_pct(start, likeliest, lang="nl")
