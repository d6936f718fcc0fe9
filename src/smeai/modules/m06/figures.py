"""Module 06's figures: points per word, the human check and the next-word chances. Each
widget figure is drawn once per setting and language and kept as a PNG image."""

from __future__ import annotations

from functools import lru_cache

from ...i18n import format_number, t
from ...nextword import tokenize
from ...plotting import as_image, new_axes
from .model import N_TEST, category_name, human_check, next_word_chances, predict, top_words, word_points

__all__ = ["STYLE", "top_words_figure", "sorting_figure", "human_check_figure", "chances_figure", "image", "alt"]

# one colour and one hatching per category, so colour is never the only cue
STYLE = {
    "question": ("#56B4E9", "//"),
    "complaint": ("#D55E00", "xx"),
    "order": ("#009E73", ".."),
    "invoice": ("#E69F00", "\\\\"),
}

def _margins(figure, *, left: float, bottom: float, top: float = 0.4, right: float = 0.15) -> None:
    """Fixed margins in inches. (``tight_layout`` would draw the figure an extra time, and a
    widget must redraw fast.)"""
    width, height = figure.get_size_inches()
    figure.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height, top=1 - top / height)


def _label_room(ax) -> float:
    """Inches to leave on the left for the longest word on the y axis."""
    longest = max((len(label.get_text()) for label in ax.get_yticklabels()), default=4)
    return max(0.8, 0.3 + 0.078 * longest)


def _bars(ax, pairs, colour, hatch, xlabel, title):
    words = [w for w, _ in pairs][::-1]
    values = [v for _, v in pairs][::-1]
    colours = [colour if v >= 0 else "#999999" for v in values]
    hatches = [hatch if v >= 0 else "" for v in values]
    bars = ax.barh(range(len(words)), values, color=colours, edgecolor="black", linewidth=0.6)
    for bar, pattern in zip(bars, hatches):
        bar.set_hatch(pattern)
    ax.set_yticks(range(len(words)), words)
    ax.xaxis.set_major_formatter(lambda value, _: format_number(round(value, 2)))  # 0,2 in Dutch
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(xlabel)
    ax.set_title(title)


def top_words_figure(category: str, n: int = 10):
    """Bars of the ``n`` words that point most strongly to ``category``."""
    colour, hatch = STYLE[category]
    ax = new_axes(figsize=(6, 0.26 * n + 1.4))
    _bars(ax, top_words(category, n), colour, hatch, t("m06.explore.top_axis", category=category_name(category)),
          t("m06.explore.top_title", category=category_name(category)))
    _margins(ax.figure, left=_label_room(ax), bottom=0.55)
    return ax.figure


def sorting_figure(text: str):
    """Bars of the points each word of ``text`` gives to the pile the model chooses: the
    strongest pushes towards it, and the strongest against it (grey)."""
    category = predict(text).category
    colour, hatch = STYLE[category]
    points = word_points(text, category)
    shown = points[:8] + [p for p in points[8:] if p[1] < 0][-4:]
    ax = new_axes(figsize=(6, 0.26 * len(shown) + 1.4))
    _bars(ax, shown, colour, hatch, t("m06.explore.points_axis", category=category_name(category)),
          t("m06.explore.why_title", category=category_name(category)))
    _margins(ax.figure, left=_label_room(ax), bottom=0.55)
    return ax.figure


def human_check_figure(threshold_pct: float):
    """Two stacked bars: the e-mails the model sorts alone and those a person sorts, each split
    into right and wrong piles."""
    check = human_check(threshold_pct)
    missed = check.mistakes - check.caught
    rows = [(t("m06.explore.by_model"), check.automatic - missed, missed),
            (t("m06.explore.by_person"), check.to_person - check.caught, check.caught)]
    ax = new_axes(figsize=(6, 2.7))
    for y, (_, right, wrong) in enumerate(rows):
        ax.barh(y, right, color="#56B4E9", edgecolor="black", hatch="//", label=t("m06.explore.bar_right") if y == 0 else None)
        ax.barh(y, wrong, left=right, color="#D55E00", edgecolor="black", hatch="xx", label=t("m06.explore.bar_wrong") if y == 0 else None)
    ax.set_yticks([0, 1], [label for label, _, _ in rows])
    ax.set_xlim(0, N_TEST)
    ax.set_xlabel(t("m06.explore.emails_axis"))
    ax.set_title(t("m06.explore.human_title", threshold=check.threshold_pct))
    ax.figure.legend(loc="lower center", ncol=2, fontsize="small", frameon=False)
    _margins(ax.figure, left=1.4, bottom=0.95)
    return ax.figure


def chances_figure(chances, temperature: float, start: str, context: int):
    """Bars of the chance of each next word after ``start``: at ``temperature`` (hatched) and
    at temperature 1 (white), so the effect of the temperature is visible."""
    ax = new_axes(figsize=(6, 3.0))
    xs = range(len(chances))
    ax.bar([x - 0.2 for x in xs], [c for _, c, _ in chances], width=0.4, color="#0072B2", edgecolor="black", hatch="//",
           label=t("m06.explore.at_temperature", temperature=round(float(temperature), 1)))
    ax.bar([x + 0.2 for x in xs], [c for _, _, c in chances], width=0.4, color="white", edgecolor="black",
           label=t("m06.explore.at_one"))
    ax.set_xticks(list(xs), [w for w, _, _ in chances], rotation=30, ha="right")
    ax.set_ylim(0, 100)
    ax.set_ylabel(t("m06.explore.chance_axis"))
    words = tokenize(start)
    ax.set_title(t("m06.explore.chance_title", words=" ".join(words[-context:]) if words else "."))
    ax.legend(fontsize="small")
    _margins(ax.figure, left=0.6, bottom=0.85)
    return ax.figure


def _points(pairs) -> str:
    return ", ".join(f"{word} {'+' if value > 0 else ''}{format_number(round(value, 2))}" for word, value in pairs)


def alt(kind: str, *key) -> str:
    """One sentence that says what a widget's figure shows, in the learner's language (for a
    screen reader): the same numbers the bars show."""
    if kind == "top":
        category, n = key
        return t("m06.explore.alt_top", n=n, category=category_name(category), words=_points(top_words(category, n)))
    if kind == "sorting":
        (text,) = key
        category = predict(text).category
        points = word_points(text, category)
        shown = points[:8] + [p for p in points[8:] if p[1] < 0][-4:]
        return t("m06.explore.alt_sorting", category=category_name(category), words=_points(shown))
    if kind == "human":
        check = human_check(*key)
        missed = check.mistakes - check.caught
        return t("m06.explore.alt_human", threshold=check.threshold_pct, model=check.automatic, missed=missed,
                 person=check.to_person, caught=check.caught)
    start, temperature, context = key
    words = tokenize(start)
    chances = ", ".join(f"{word} {format_number(round(a))} % ({format_number(round(b))} %)"
                        for word, a, b in next_word_chances(start, temperature=temperature, context=context))
    return t("m06.explore.alt_chances", words=" ".join(words[-context:]) if words else ".",
             temperature=round(float(temperature), 1), chances=chances)


@lru_cache(maxsize=256)
def image(kind: str, lang: str, *key):
    """A widget's figure as a PNG image with its text alternative, drawn once per setting and
    language: a learner who moves a slider back and forth waits for each picture only the first
    time."""
    if kind == "top":
        figure = top_words_figure(*key)
    elif kind == "sorting":
        figure = sorting_figure(*key)
    elif kind == "human":
        figure = human_check_figure(*key)
    else:
        start, temperature, context = key
        chances = next_word_chances(start, temperature=temperature, context=context)
        figure = chances_figure(chances, temperature, start, context)
    return as_image(figure, alt(kind, *key))
