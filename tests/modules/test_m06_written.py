"""Module 06's numbers written in its notebooks, its assignment and its quiz, computed from the
model (the sorter) and from the next-word model's shipped text."""

import re

from smeai import i18n
from smeai.exercises import CORRECT, all_exercises, get
from smeai.modules.m06 import model
from smeai.modules.m06.exercises import SOLUTION_KEYWORD, SOLUTION_TEMPERATURE, TEMPERATURE_TARGET_PCT

from .written import assignment, course, number, one, solution_feedback, sources

CERTAINTY = (r"Bij e-mail (\d+) was het maar (\d+) % zeker", r"For e-mail (\d+) it was only (\d+) % sure")


def test_the_example_emails_certainty_is_the_models():
    row = model.test_results().loc[model.EXAMPLE_EMAIL]
    for path, pattern in [*zip(course("06"), CERTAINTY), (assignment("06"), CERTAINTY[0])]:
        number_, certainty = one(path, pattern).groups()
        assert (int(number_), int(certainty)) == (model.EXAMPLE_EMAIL, row.certainty_pct), path.name


def test_every_example_email_the_texts_name_is_the_models():
    # the notebooks' and the assignment's prose name the example e-mail by its number, and the
    # assignment shows it with explain_email(...): all must be the model's EXAMPLE_EMAIL
    for path in (*course("06"), assignment("06")):
        named = {int(n) for source in sources(path) for n in re.findall(r"(?:e-mail |explain_email\()(\d+)", source)}
        assert named == {model.EXAMPLE_EMAIL}, path.name
    for lang in ("nl", "en"):
        for exercise in ("m06.q2", "m06.q3"):
            assert f"e-mail {model.EXAMPLE_EMAIL}" in get(exercise).hints(lang)[0], (exercise, lang)


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


def test_every_solution_text_passes_its_own_check_in_both_languages():
    for exercise in all_exercises("06"):
        for lang in ("nl", "en"):
            i18n.set_language(lang)  # q5 and q6 read the next-word model of the learner's language
            feedback = solution_feedback(exercise, lang)
            assert feedback.state == CORRECT, (exercise.id, lang, feedback.text())


def test_the_next_word_texts_state_the_counts_of_both_languages():
    # one solution text per language, and both state the same counts: so they must agree
    counts = {lang: dict(model.next_word_model(lang).counts_after(model.NEXT_WORD[lang][0])) for lang in ("nl", "en")}
    shown = {lang: (counts[lang][model.NEXT_WORD[lang][2]], sum(counts[lang].values())) for lang in counts}
    assert shown["nl"] == shown["en"]
    count, total = shown["nl"]
    for lang, sentence in (("nl", 'kwam \"belt\" {} van de {} keer. Het model kiest \"belt\" dus met {} % kans'),
                           ("en", '\"calls\" came {} of the {} times. So the model chooses \"calls\" with a {} % chance')):
        i18n.set_language(lang)
        right = get("m06.q5").evaluate(100 * count / total)
        assert right.state == CORRECT and sentence.format(count, total, i18n.format_number(round(100 * count / total, 1), lang)) in right.message(lang)


def test_the_keyword_solution_is_found_nowhere_else_as_its_comment_says():
    stats = model.keyword_stats(SOLUTION_KEYWORD)
    assert stats.other_hits == 0  # "en in geen enkele andere e-mail" / "and in no other e-mail"
    for lang, words in (("nl", "en in geen enkele andere e-mail"), ("en", "and in no other e-mail")):
        assert words in get("m06.q1").solution_text(lang)
    start, likeliest, _ = model.NEXT_WORD["nl"]
    assert model.chance_pct(start, likeliest, temperature=SOLUTION_TEMPERATURE) >= TEMPERATURE_TARGET_PCT
