"""Module 05's numbers written in its notebooks and its assignment, computed from the model."""

from smeai import i18n
from smeai.exercises import CORRECT, all_exercises, get
from smeai.modules.m05 import model
from smeai.modules.m05.exercises import most_groups

from .written import assignment, course, number, one, solution_feedback

# the sentences, per language, with the numbers they state
COURSE_TEXTS = {
    "k5": (r"Met k = 5 splitst groep 1 in tweeën: (\d+) klanten die heel veel uitgeven, en (\d+) die veel uitgeven",
           r"With k = 5, group 1 splits in two: (\d+) customers who spend a great deal, and (\d+) who spend a lot"),
    "unscaled": (r"De grote klanten splitsen in twee groepen \((\d+) en (\d+) klanten\)",
                 r"The big spenders split into two groups \((\d+) and (\d+) customers\)"),
    "recency": (r"dagen sinds de laatste bestelling: van (\d+) tot (\d+);", r"days since the last order: from (\d+) to (\d+);"),
    "orders": (r"bestellingen: van (\d+) tot (\d+);", r"orders: from (\d+) to (\d+);"),
    "spend": (r"tot ruim € ([\d.]+)\.", r"to over € ([\d,]+)\."),
}


def stated(key):
    return [tuple(number(n) for n in one(path, pattern).groups()) for path, pattern in zip(course("05"), COURSE_TEXTS[key])]


def test_the_course_texts_say_what_the_model_computes():
    data = model.customers()
    assert set(stated("k5")) == {tuple(model.group_sizes(5)[:2])}
    assert set(stated("unscaled")) == {tuple(model.group_sizes(4, scaled=False)[:2])}
    for low, high in stated("recency"):
        assert low <= data.recency_days.min() and high == data.recency_days.max()
    assert set(stated("orders")) == {(data.orders.min(), data.orders.max())}
    for (over,) in stated("spend"):
        assert over < data.monetary_eur.max() < over + 500


def test_the_assignments_table_and_solutions_are_the_models():
    path = assignment("05")
    data = model.customers()
    rows = {
        "dagen sinds laatste bestelling": data.recency_days, "bestellingen": data.orders, "besteding \\(€\\)": data.monetary_eur,
    }
    for name, column in rows.items():
        low, high = one(path, rf"\| {name} \| ([\d.]+) \| ([\d.]+) \|").groups()
        assert (number(low), number(high)) == (round(column.min()), round(column.max())), name
    assert int(one(path, r"groep1_klanten = (\d+)", "code").group(1)) == model.group_sizes(4)[0]
    # the most groups with every group at least MIN_GROUP_SIZE customers
    assert int(one(path, r"(?m)^k = (\d+)$", "code").group(1)) == most_groups() == 4  # q1, q5 and the texts read k = 4


def test_every_solution_text_passes_its_own_check_in_both_languages():
    for exercise in all_exercises("05"):
        for lang in ("nl", "en"):
            feedback = solution_feedback(exercise, lang)
            assert feedback.state == CORRECT, (exercise.id, lang, feedback.text())


def test_q2s_messages_state_the_columns_ranges():
    data = model.customers()
    recency, orders, over = int(data.recency_days.max()), (int(data.orders.min()), int(data.orders.max())), int(data.monetary_eur.max() // 1000 * 1000)
    assert over < data.monetary_eur.max() < over + 1000  # "over € 2.000"
    q2 = get("m05.q2")
    for lang, words in (("nl", ("Dagen lopen van 0 tot {}", "loopt van {} tot {}", "tot ruim € {}")), ("en", ("Days go from 0 to {}", "goes from {} to {}", "up to over € {}"))):
        assert words[0].format(recency) in q2.evaluate("recency_days").message(lang)
        assert words[1].format(*orders) in q2.evaluate("orders").message(lang)
        assert words[2].format(i18n.format_number(over, lang)) in q2.evaluate("monetary_eur").message(lang)
