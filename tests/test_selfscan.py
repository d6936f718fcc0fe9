import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from smeai.ui.controls import ToggleGroup
from smeai import progress, selfscan
from smeai.selfscan import AREAS, STATEMENTS, ScanError

DIGCOMP = {"information", "communication", "content", "safety", "problem_solving"}


def full(value=3):
    return {s.id: value for s in STATEMENTS}


def test_at_least_15_statements_over_the_five_digcomp_areas_plus_ai():
    assert len(STATEMENTS) >= 15
    assert {s.area for s in STATEMENTS} == DIGCOMP | {"ai_literacy"} == set(AREAS)
    assert len({s.id for s in STATEMENTS}) == len(STATEMENTS)
    assert all(s.text and s.text != f"selfscan.statements.{s.id}" for s in STATEMENTS)


def test_save_validates_and_stores_answers_by_statement_id():
    answers = full()
    answers["safety.2"] = 5
    event = selfscan.save(answers, "before")
    assert event["answers"]["safety.2"] == 5 and event["phase"] == "before" and event["scale"] == 5
    assert selfscan.latest("before") == event["answers"]
    assert selfscan.latest("after") is None


def test_missing_and_out_of_scale_answers_are_refused_with_numbers():
    answers = full()
    del answers["information.2"]
    answers["ai_literacy.4"] = None
    with pytest.raises(ScanError, match="2, 19"):
        selfscan.save(answers)
    for bad in (0, 6, 2.5, "4", True):
        with pytest.raises(ScanError):
            selfscan.save({**full(), "content.1": bad})
    with pytest.raises(ValueError):
        selfscan.save(full(), "during")
    assert progress.store().events() == []


def test_area_scores_and_comparison():
    before = full(2)
    after = {**full(2), "ai_literacy.1": 4, "ai_literacy.2": 4, "ai_literacy.3": 4, "ai_literacy.4": 4}
    assert selfscan.area_scores(before) == {a: 2.0 for a in AREAS}
    change = selfscan.compare(before, after)
    assert change["ai_literacy"] == (2.0, 4.0, 2.0) and change["safety"] == (2.0, 2.0, 0.0)
    # a later scan with a new statement still compares on the areas both cover
    assert selfscan.compare({"safety.1": 3}, after) == {"safety": (3.0, 2.0, -1.0)}


def test_chart_has_title_axis_label_and_paired_bars():
    figure = selfscan.plot(full(2), full(4))
    ax = figure.axes[0]
    assert ax.get_title() and "1" in ax.get_xlabel()
    assert len(ax.patches) == 2 * len(AREAS)
    assert ax.get_legend() is not None


def test_widget_saves_and_prefills():
    box = selfscan.show_scan("before")
    button = [w for w in box.children if w.__class__.__name__ == "Button"][0]
    pickers = [w for w in box.children if isinstance(w, ToggleGroup)]
    assert len(pickers) == len(STATEMENTS)
    # each statement names its own group of buttons (visible label and accessible name)
    assert [p.description for p in pickers] == [f"{n}. {s.text}" for n, s in enumerate(STATEMENTS, start=1)]
    assert pickers[0].labels == ["1", "2", "3", "4", "5"] and pickers[0].index == -1  # nothing pressed yet
    button.click()  # nothing answered: nothing stored
    assert progress.store().events() == []
    for picker in pickers:
        picker.value = 4
    button.click()
    assert selfscan.latest("before") == full(4)
    again = selfscan.show_scan("before")
    again_pickers = [w for w in again.children if isinstance(w, ToggleGroup)]
    assert all(p.value == 4 and p.index == 3 for p in again_pickers) and len(again_pickers) == len(STATEMENTS)


def _extents(figure):
    renderer = FigureCanvasAgg(figure).get_renderer()
    ax = figure.axes[0]
    return renderer, ax, [bar.get_window_extent(renderer) for bar in ax.patches]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_legend_never_covers_a_bar_and_stays_on_the_figure(lang):
    # the longest bars (5 of 5) reach the right edge, where a legend inside the axes used to sit
    # over the AI-literacy bar, the course's key result
    figure = selfscan.plot(full(5), {**full(5), "ai_literacy.1": 1}, lang=lang)
    renderer, ax, bars = _extents(figure)
    legend = ax.get_legend().get_window_extent(renderer)
    assert not any(legend.overlaps(bar) for bar in bars)
    assert not legend.overlaps(ax.xaxis.label.get_window_extent(renderer))
    assert figure.bbox.x0 <= legend.x0 and legend.x1 <= figure.bbox.x1 and figure.bbox.y0 <= legend.y0
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [selfscan.t("selfscan.before", lang), selfscan.t("selfscan.after", lang)]


def test_one_scan_has_no_legend_and_labels_in_the_language_asked():
    ax = selfscan.plot(full(3), lang="en").axes[0]
    assert ax.get_legend() is None and ax.get_title() == selfscan.t("selfscan.chart_title", "en")
    assert ax.get_yticklabels()[-1].get_text() == selfscan.t("selfscan.areas.ai_literacy", "en")
