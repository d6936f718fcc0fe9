"""Module 05: the groupings without a browser, the figure, and the widget driven in-process.

Group sizes are not pinned: k-means on another numpy or scikit-learn release may move a customer.
The tests check what the course says about the groups (group 1 spends most, k = 4 is the most
groups of at least 40) and that what the learner sees is what the model computes.
"""

import re

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from smeai import i18n
from smeai.datasets.webshop import make_webshop_customers
from smeai.i18n import format_number
from smeai.exercises import GradeFailure, get, grade
from smeai.modules.m05 import figures, model, widgets
from smeai.ui import explorer

from .written import assignment, hidden_cases

m05 = model  # the model's functions, under the name the tests always used

RM = ("recency_days", "monetary_eur")


def test_the_customers_are_fixed():
    data = m05.customers()
    assert data.shape == (400, 6) and data is m05.customers()
    assert len(m05.hidden_segments()) == 400
    assert data.equals(make_webshop_customers(n_samples=400, random_state=m05.CUSTOMERS_SEED))


def test_scale_gives_average_zero_and_spread_one():
    scaled = m05.scale(m05.customers()[list(m05.FEATURES)])
    assert np.allclose(scaled.mean(axis=0), 0) and np.allclose(scaled.std(axis=0), 1)
    assert np.allclose(m05.scale([[200.0], [100.0], [0.0]]).ravel(), [1.2247449, 0, -1.2247449])


def test_groups_are_numbered_by_spend_and_the_same_every_time():
    for k in m05.K_VALUES:
        for scaled in (True, False):
            labels = m05.groups(k, scaled=scaled)
            assert sorted(set(labels)) == list(range(1, k + 1))
            spend = m05.profile(k, scaled=scaled).monetary_eur.to_numpy()
            assert (np.diff(spend) <= 0).all(), (k, scaled, spend)  # group 1 spends most
    assert m05.groups(4) is m05.groups(4, ["monetary_eur", "recency_days", "orders"], True)  # any order, one cache entry
    with pytest.raises(ValueError):
        m05.groups(4)[0] = 2  # shared by every caller: read-only


def test_what_the_exercises_and_texts_rely_on():
    sizes = m05.group_sizes(4)
    assert sum(sizes) == m05.N_CUSTOMERS and len(sizes) == 4
    # q1's mistakes can be told apart: group 1 at k = 4 is neither group 1 unscaled nor at k = 3
    assert sizes[0] not in (m05.group_sizes(4, scaled=False)[0], m05.group_sizes(3)[0], *sizes[1:])
    # q4: k = 4 is the most groups with every group at least 40 customers
    smallest = {k: min(m05.group_sizes(k)) for k in m05.K_VALUES}
    assert [k for k, n in smallest.items() if n >= m05.MIN_GROUP_SIZE] == [2, 3, 4]
    # q5 and the texts: group 2 orders often but spends little per order; group 3 sleeps
    table = m05.profile(4)
    assert table.loc[2, "orders"] > 11 and table.loc[2, "per_order_eur"] < 30 < table.loc[1, "per_order_eur"]
    assert table.loc[3, "recency_days"] > 365 and table.loc[1, "monetary_eur"] > 1000
    assert table.loc[4, "orders"] < 1.5
    # q2 and its messages: the orders are the column with the smallest numbers
    data = m05.customers()
    assert data.orders.max() < 50 < data.recency_days.max() and 2000 < data.monetary_eur.max() < 2500


def test_scaled_rfm_finds_the_hidden_kinds_and_unscaled_does_not():
    truth = m05.hidden_segments()
    scaled = adjusted_rand_score(truth, m05.groups(4))
    unscaled = adjusted_rand_score(truth, m05.groups(4, scaled=False))
    assert scaled > 0.9 and unscaled < 0.7
    # group 2 is the bargain hunters, group 3 the sleeping customers (q5, q6)
    kinds = truth.groupby(m05.groups(4)).agg(lambda s: s.value_counts().index[0])
    assert kinds.to_dict() == {1: "loyal", 2: "bargain", 3: "sleeping", 4: "new"}


def test_without_scaling_the_orders_hardly_count():
    with_orders = m05.groups(4, m05.FEATURES, False)
    assert adjusted_rand_score(with_orders, m05.groups(4, RM, False)) == 1.0
    # the other two columns do count: leaving one out changes the groups
    assert adjusted_rand_score(with_orders, m05.groups(4, ("orders", "monetary_eur"), False)) < 0.9
    assert adjusted_rand_score(with_orders, m05.groups(4, ("recency_days", "orders"), False)) < 0.9
    # with scaling, leaving the orders out does change the groups
    assert adjusted_rand_score(m05.groups(4), m05.groups(4, RM, True)) < 0.9


@pytest.mark.parametrize(
    "k, features, scaled",
    [(7, m05.FEATURES, True), (1, m05.FEATURES, True), ("4", m05.FEATURES, True), (True, m05.FEATURES, True),
     (4, (), True), (4, None, True), (4, ("province",), True), (4, m05.FEATURES, "yes")],
)
def test_bad_settings_are_refused(k, features, scaled):
    with pytest.raises(ValueError):
        m05.groups(k, features, scaled)


def test_precompute_makes_every_grouping_the_explorer_offers():
    assert m05.precompute() == 70  # 5 values of k x 7 choices of columns x scaled or not
    assert model._profile.cache_info().currsize >= 70


def test_tables_for_the_learner_in_their_language():
    first = list(m05.profile(4).iloc[0])
    frame = m05.profile_frame(4)
    assert frame.index.name == "groep" and list(frame.index) == ["● groep 1", "✖ groep 2", "■ groep 3", "▲ groep 4"]
    assert list(frame.columns)[0] == "klanten" and list(frame.iloc[0]) == [format_number(v, "nl") for v in first]
    assert "," in frame.iloc[0, 2]  # orders: one decimal, with a Dutch comma
    i18n.set_language("en")
    frame = m05.profile_frame(4)
    assert frame.index.name == "group" and frame.index[0] == "● group 1"
    assert list(frame.columns)[0] == "customers" and list(frame.iloc[0]) == [format_number(v, "en") for v in first]
    sizes = m05.sizes_frame()
    assert sizes.shape == (5, 6) and list(sizes.index) == [2, 3, 4, 5, 6] and sizes.index.name == "k"
    assert list(sizes.loc[4]) == [str(n) for n in m05.group_sizes(4)] + ["", ""]
    assert list(sizes.loc[5])[0] == str(m05.group_sizes(5)[0])


def test_the_figure_has_titles_labels_with_units_and_shapes_per_group():
    figure = figures.draw(4)
    left, right = figure.axes
    assert "k = 4" in figure.get_suptitle()
    assert left.get_xlabel().endswith("(dagen)") and right.get_xlabel().endswith("(stuks)") and left.get_ylabel().endswith("(€)")
    assert left.get_title() and right.get_title()
    legend = figure.legends[0]
    assert [text.get_text() for text in legend.get_texts()] == [f"groep {g} ({n} klanten)" for g, n in enumerate(m05.group_sizes(4), 1)]
    # each group has its own marker shape, not only its own colour
    shapes = {tuple(map(tuple, c.get_paths()[0].vertices.round(3))) for c in left.collections[::2]}
    assert len(shapes) == 4


def cells(table):
    """The texts of the table's data cells, in order (the symbol of each group left out)."""
    return [re.sub(r"<span[^>]*>.*?</span>\s*", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", table.value)]


def controls(box):
    k, columns, scaling, summary, out, table = box.children
    return k, dict(zip(m05.FEATURES, columns.children[1:])), scaling, summary, out, table


@pytest.fixture
def shown(monkeypatch):
    """What the explorer displays (outside a kernel an Output widget captures nothing)."""
    pictures = []
    monkeypatch.setattr(explorer, "display", lambda obj, **kwargs: pictures.append(obj))
    return pictures


def test_explorer_follows_the_controls(shown):
    box = widgets.show_segment_explorer()
    assert "smeai-segment-explorer" in box._dom_classes
    k, boxes, scaling, summary, out, table = controls(box)
    assert k.value == m05.START_K == 3 and scaling.value is True and all(b.value for b in boxes.values())
    assert "<b>3</b>" in summary.value and f"<b>{max(m05.group_sizes(3))}</b>" in summary.value
    k.value = 4
    sizes = m05.group_sizes(4)
    assert "<b>4</b>" in summary.value and f"<b>{min(sizes)}</b>" in summary.value and f"<b>{max(sizes)}</b>" in summary.value
    assert cells(table)[:2] == ["groep 1", str(sizes[0])] and str(sizes[1]) in cells(table)
    scaling.value = False
    unscaled = str(m05.group_sizes(4, scaled=False)[0])
    assert "niet geschaald" in summary.value and cells(table)[1] == unscaled
    boxes["orders"].value = False  # without scaling the orders hardly count: same groups
    assert cells(table)[1] == unscaled and "bestellingen" not in summary.value.split("op:")[1]
    # one picture for the opening view and one per change (three), each a PNG
    assert len(shown) == 4 and all(picture.format == "png" and picture.data.startswith(b"\x89PNG") for picture in shown)
    assert shown[-1] is figures.image(4, RM, False)  # looked up, not drawn again


def test_explorer_asks_for_a_column_and_never_shows_a_traceback(monkeypatch, shown):
    box = widgets.show_segment_explorer()
    k, boxes, scaling, summary, out, table = controls(box)
    for checkbox in boxes.values():
        checkbox.value = False
    assert summary.value.startswith("✎") and "kolom" in summary.value and table.value == ""
    assert len(shown) == 3  # the opening view, and the two changes that still had a column
    boxes["monetary_eur"].value = True  # one column is allowed too
    assert "besteding" in summary.value and len(cells(table)) == 3 * 7  # k = 3: three rows of seven cells

    def broken(*args, **kwargs):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(widgets, "image", broken)
    k.value = 5
    assert summary.value == i18n.t("widgets.error", error="RuntimeError") and table.value == ""


def test_callbacks_only_look_up_after_the_explorer_is_made(monkeypatch):
    box = widgets.show_segment_explorer()
    k, boxes, scaling, summary, out, table = controls(box)

    def no_training(*args, **kwargs):
        raise AssertionError("a callback trained a model")

    monkeypatch.setattr(model, "_fit", no_training)
    for value in (2, 4, 6, 5):
        k.value = value
        assert summary.value.startswith("k-means"), summary.value
    scaling.value = False
    boxes["recency_days"].value = False
    assert summary.value.startswith("k-means")


def test_the_notebooks_python_cell_finds_the_same_groups():
    # course notebooks: StandardScaler + KMeans(n_init=10, random_state=0) on the RFM columns,
    # "the numbers can differ from the explorer, but the groups are the same"
    from sklearn.cluster import KMeans
    from sklearn.preprocessing import StandardScaler

    assert m05.CUSTOMERS_SEED == 7 and m05.N_CUSTOMERS == 400  # make_webshop_customers(random_state=7)
    data = make_webshop_customers(random_state=7)
    scaled = StandardScaler().fit_transform(data[list(m05.FEATURES)])
    labels = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(scaled)
    assert adjusted_rand_score(labels, m05.groups(4)) == 1.0


def test_q3_extra_cases_catch_a_rule_with_the_examples_average_typed_in():
    cases = hidden_cases(assignment("05"), "m05.q3")  # the trainer's cases, from the assignment

    def typed_in(value, average, spread):  # passes the public cases, whose average is always 100
        return (value - 100) / spread

    q3 = get("m05.q3")
    assert q3.evaluate(typed_in).correct
    assert not q3.evaluate(typed_in, cases=cases).correct
    with pytest.raises(GradeFailure) as failed:
        grade("m05.q3", typed_in, cases=cases)
    assert "een groot getal" in str(failed.value) and "900" not in str(failed.value)  # the kind, never the input
    assert grade("m05.q3", lambda v, a, s: (v - a) / s, cases=cases) is True


def test_q1_and_q4_follow_the_explorer_numbers():
    assert get("m05.q1").evaluate(m05.group_sizes(4)[0]).correct
    assert get("m05.q4").evaluate(4).params.items() >= {"given": 4, "smallest": min(m05.group_sizes(4)), "minimum": m05.MIN_GROUP_SIZE}.items()
    too_small = get("m05.q4").evaluate(6)
    sizes = m05.group_sizes(6)
    assert too_small.key == "m05.q4.too_small" and too_small.params["size"] == min(sizes) < m05.MIN_GROUP_SIZE
    assert too_small.params["group"] == sizes.index(min(sizes)) + 1


def test_controls_are_named_and_the_figure_has_a_text_alternative():
    from smeai.ui.controls import IntSlider, ToggleGroup
    from smeai.ui.picture import Picture

    for lang, words in (("nl", ("Aantal groepen (k)", "Schalen:", "geschaald", "Twee spreidingsdiagrammen", "klanten")),
                        ("en", ("Number of groups (k)", "Scaling:", "scaled", "Two scatter plots", "customers"))):
        i18n.set_language(lang)
        try:
            box = widgets.show_segment_explorer()
            k, columns, scaling, *_ = box.children
            assert isinstance(k, IntSlider) and k.description == words[0]
            assert isinstance(scaling, ToggleGroup) and scaling.description == words[1] and scaling.labels[0] == words[2]
            assert columns.layout.flex_flow == "row wrap" and all(box_.layout.width == "auto" for box_ in columns.children[1:])
            k.value = 3
            picture = box.update.render().picture
            assert isinstance(picture, Picture) and picture.alt.startswith(words[3]) and " 3 " in picture.alt
            sizes = model.group_sizes(3, model.FEATURES, True)
            assert all(f"{n} {words[4]}" in picture.alt for n in sizes)
        finally:
            i18n.set_language("nl")
