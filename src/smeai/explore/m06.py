"""Module 06: sorting customer e-mails with a bag of words, and a tiny next-word model.

The logic is plain functions on data and models made once (``functools.cache``): the e-mail
sorter is trained on first use, the next-word models read their shipped text once. Every widget
callback only transforms one text, samples a few words and redraws one small figure.
"""

from __future__ import annotations

import html
import numbers
from dataclasses import dataclass
from functools import cache, lru_cache

from ..datasets.emails import CATEGORIES, make_emails
from ..i18n import format_number, get_language, t

EMAILS_SEED = 8
N_TRAIN, N_TEST = 400, 100
EXAMPLE_EMAIL = 75  # the test e-mail of q2 and q3: an urgent complaint the model sorts wrong
HUMAN_THRESHOLD_PCT = 80  # q4: below this certainty a person sorts the e-mail
KEYWORD_CATEGORY = "complaint"  # q1: one keyword to find complaints
# q5 and q6: the word whose next words the learner studies, and the two words compared
NEXT_WORD = {"nl": ("de monteur", "komt", "belt"), "en": ("the engineer", "comes", "calls")}
TEMPERATURE_RANGE = (0.1, 2.0)
LENGTH_RANGE = (5, 60)
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"  # words of two letters or more; numbers are left out

# one colour and one hatching per category, so colour is never the only cue
STYLE = {
    "question": ("#56B4E9", "//"),
    "complaint": ("#D55E00", "xx"),
    "order": ("#009E73", ".."),
    "invoice": ("#E69F00", "\\\\"),
}
SYNONYMS = {
    "question": ("vraag", "vragen", "question", "questions", "vraagje"),
    "complaint": ("klacht", "klachten", "complaint", "complaints"),
    "order": ("bestelling", "bestellingen", "bestellen", "order", "orders"),
    "invoice": ("factuur", "facturen", "invoice", "invoices", "rekening", "bill", "betaling", "payment"),
}


# -- the e-mails and the sorter -------------------------------------------------------------------

@cache
def emails():
    """The 500 e-mails Fatima sorted by hand: the first 400 teach the model, the last 100 test it."""
    return make_emails(n_samples=N_TRAIN + N_TEST, random_state=EMAILS_SEED)


def train_emails():
    return emails().iloc[:N_TRAIN]


def test_emails():
    """The 100 test e-mails, numbered from 1 as the learner sees them."""
    data = emails().iloc[N_TRAIN:].reset_index(drop=True)
    data.index = data.index + 1
    return data


def email_text(subject: str, body: str) -> str:
    """What the sorter reads: the subject, an empty line, and the body."""
    return f"{subject}\n\n{body}"


def _texts(data) -> list[str]:
    return [email_text(s, b) for s, b in zip(data.subject, data.body)]


@cache
def sorter():
    """The bag-of-words sorter: which words occur (CountVectorizer) and points per word for
    each category (logistic regression), trained once on the 400 training e-mails."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(binary=True, strip_accents="unicode", lowercase=True, token_pattern=TOKEN_PATTERN)
    features = vectorizer.fit_transform(_texts(train_emails()))
    model = LogisticRegression(C=1.0, max_iter=2000).fit(features, train_emails().category)
    return vectorizer, model


@cache
def _analyzer():
    return sorter()[0].build_analyzer()


def words_of(text: str) -> list[str]:
    """The words the sorter sees in ``text``: lower case, no accents, no numbers."""
    return _analyzer()(str(text))


def category_name(category: str, lang: str | None = None) -> str:
    return t(f"m06.explore.category.{category}", lang)


def parse_category(text: str) -> str | None:
    """A category typed in Dutch or English ("klacht", "Invoice"), or None."""
    from ..exercises.answers import normalise_text

    word = normalise_text(str(text))
    for category, words in SYNONYMS.items():
        if word in words:
            return category
    return None


@dataclass(frozen=True)
class Prediction:
    category: str
    certainty_pct: int  # the model's own chance for its choice, in whole percent
    chances: dict  # category -> chance in percent


def predict(text: str) -> Prediction:
    vectorizer, model = sorter()
    chances = model.predict_proba(vectorizer.transform([str(text)]))[0]
    by_category = {c: round(100 * float(p), 1) for c, p in zip(model.classes_, chances)}
    best = max(by_category, key=by_category.get)
    return Prediction(best, int(round(by_category[best])), by_category)


def word_points(text: str, category: str) -> list[tuple[str, float]]:
    """Every word of ``text`` the sorter knows, with the points it gives to ``category``
    (positive pushes towards it, negative away), most points first."""
    vectorizer, model = sorter()
    row = list(model.classes_).index(category)
    seen, points = set(), []
    for word in words_of(text):
        column = vectorizer.vocabulary_.get(word)
        if column is not None and word not in seen:
            seen.add(word)
            points.append((word, round(float(model.coef_[row, column]), 2)))
    return sorted(points, key=lambda pair: -pair[1])


def top_words(category: str, n: int = 10) -> list[tuple[str, float]]:
    """The ``n`` words that give the most points to ``category``."""
    vectorizer, model = sorter()
    row = model.coef_[list(model.classes_).index(category)]
    words = vectorizer.get_feature_names_out()
    order = row.argsort()[::-1][:n]
    return [(str(words[i]), round(float(row[i]), 2)) for i in order]


@cache
def test_results():
    """The test e-mails with the model's choice and certainty."""
    data = test_emails().copy()
    predictions = [predict(text) for text in _texts(data)]
    data["predicted"] = [p.category for p in predictions]
    data["certainty_pct"] = [p.certainty_pct for p in predictions]
    data["right"] = data.predicted == data.category
    return data


def accuracy_pct() -> float:
    return round(100 * float(test_results().right.mean()), 1)


def confusion():
    """Counts of test e-mails: rows the real category, columns the model's choice."""
    import pandas as pd

    data = test_results()
    return pd.crosstab(data.category, data.predicted).reindex(index=CATEGORIES, columns=CATEGORIES, fill_value=0)


def urgent_misrouted() -> tuple[int, int]:
    """(urgent complaints among the test e-mails, how many of them the model sorted wrong)."""
    urgent = test_results()[test_results().urgent]
    return len(urgent), int((~urgent.right).sum())


@dataclass(frozen=True)
class HumanCheck:
    threshold_pct: float
    to_person: int  # e-mails below the threshold: a person sorts them
    automatic: int
    mistakes: int  # all mistakes of the model in the test e-mails
    caught: int  # mistakes among the e-mails a person sorts
    urgent_missed: int  # urgent complaints sorted wrong without a person looking


def human_check(threshold_pct: float) -> HumanCheck:
    """What happens when every e-mail the model is less than ``threshold_pct`` sure of goes to a person."""
    data = test_results()
    to_person = data.certainty_pct < threshold_pct
    wrong = ~data.right
    return HumanCheck(
        threshold_pct, int(to_person.sum()), int((~to_person).sum()), int(wrong.sum()),
        int((wrong & to_person).sum()), int((wrong & ~to_person & data.urgent).sum()),
    )


@cache
def _train_word_sets() -> tuple[frozenset, ...]:
    return tuple(frozenset(words_of(text)) for text in _texts(train_emails()))


@dataclass(frozen=True)
class KeywordStats:
    word: str
    hits: int  # e-mails of the category that contain the word
    total: int  # e-mails of the category
    other_hits: int  # other e-mails that contain the word
    other_total: int


def keyword_stats(word: str, category: str = KEYWORD_CATEGORY) -> KeywordStats:
    """How well the rule "``word`` in the e-mail means ``category``" works on the 400 training
    e-mails. Raises ValueError if ``word`` is not one word."""
    tokens = words_of(word)
    if len(tokens) != 1:
        raise ValueError(f"one word please, not {word!r}")
    import numpy as np

    token = tokens[0]
    contains = np.array([token in words for words in _train_word_sets()])
    mine = (train_emails().category == category).to_numpy()
    return KeywordStats(token, int((contains & mine).sum()), int(mine.sum()), int((contains & ~mine).sum()), int((~mine).sum()))


# -- the next-word model ------------------------------------------------------------------------

def next_word_model(lang: str | None = None):
    from ..nextword import load

    return load(lang or get_language())


def chance_pct(start: str, word: str, *, temperature: float = 1.0, context: int = 1, lang: str | None = None) -> float:
    """The chance, in percent, that the model writes ``word`` right after ``start``."""
    chances = dict(next_word_model(lang).probabilities(start, temperature=temperature, context=context))
    return round(100 * chances.get(word, 0.0), 1)


# -- what the notebook shows (plain functions that return something to display) ------------------

class _Shown:
    """Text with an HTML form: plain in a terminal, formatted in a notebook."""

    def __init__(self, text: str, markup: str):
        self.text, self.markup = text, markup

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return self.markup


def _badge(category: str) -> str:
    colour, _ = STYLE[category]
    return (f'<span style="border:2px solid {colour};border-radius:4px;padding:0 0.4em;font-weight:bold">'
            f'{html.escape(category_name(category))}</span>')


def show_inbox(n_per_category: int = 2) -> _Shown:
    """A few e-mails from the training set, ``n_per_category`` of each category, as cards."""
    data = train_emails()
    picked = []
    for category in CATEGORIES:
        rows = data[data.category == category]
        # one Dutch and one English e-mail where there are both, so the inbox shows both languages
        first = rows[rows.language == "nl"].head(n_per_category - 1 if n_per_category > 1 else 1)
        second = rows[rows.language == "en"].head(n_per_category - len(first))
        picked.extend(list(first.itertuples()) + list(second.itertuples()))
    picked.sort(key=lambda row: row.Index)
    cards, lines = [], []
    for row in picked:
        label = t("m06.explore.inbox_label", category=category_name(row.category))
        urgent = " · " + t("m06.explore.urgent") if row.urgent else ""
        cards.append(
            '<div style="border:1px solid #999;border-radius:6px;padding:0.4em 0.7em;margin:0.4em 0;max-width:46em">'
            f'<div>{_badge(row.category)}{html.escape(urgent)} &nbsp; <b>{html.escape(row.subject)}</b></div>'
            f'<div style="white-space:pre-wrap;font-size:0.92em;margin-top:0.3em">{html.escape(row.body)}</div></div>'
        )
        lines.append(f"[{label}{urgent}] {row.subject}\n{row.body}\n")
    return _Shown("\n".join(lines), "".join(cards))


def try_keyword(word) -> _Shown:
    """The result of the rule "this word means a complaint", in a sentence."""
    if not isinstance(word, str) or not word.strip():
        message = t("m06.explore.keyword_need_word")
        return _Shown(message, f"<p>{html.escape(message)}</p>")
    try:
        stats = keyword_stats(word)
    except ValueError:
        message = t("m06.explore.keyword_one_word", given=word.strip())
        return _Shown(message, f"<p>{html.escape(message)}</p>")
    pct = round(100 * stats.hits / stats.total, 1)
    message = t("m06.explore.keyword_result", word=stats.word, hits=stats.hits, total=stats.total, pct=pct,
                other=stats.other_hits, other_total=stats.other_total)
    return _Shown(_plain(message), f"<p>{message}</p>")


def bag_of_words(text) -> _Shown:
    """The bag of words of ``text``: each word the sorter sees, how often, and whether the
    sorter learned anything about it."""
    if not isinstance(text, str) or not words_of(text):
        message = t("m06.explore.bag_need_text")
        return _Shown(message, f"<p>{html.escape(message)}</p>")
    from collections import Counter

    counts = Counter(words_of(text))
    known = sorter()[0].vocabulary_
    rows = sorted(counts.items(), key=lambda pair: -pair[1])
    yes, no = t("m06.explore.yes"), t("m06.explore.no")
    head = (t("m06.explore.bag_word"), t("m06.explore.bag_count"), t("m06.explore.bag_known"))
    lines = [" | ".join(head)] + [f"{w} | {c} | {yes if w in known else no}" for w, c in rows]
    cells = "".join(f"<tr><td>{html.escape(w)}</td><td style='text-align:right'>{c}</td><td>{yes if w in known else no}</td></tr>" for w, c in rows)
    markup = (f"<table><thead><tr>{''.join(f'<th>{html.escape(h)}</th>' for h in head)}</tr></thead><tbody>{cells}</tbody></table>"
              f"<p>{html.escape(t('m06.explore.bag_total', words=sum(counts.values()), different=len(counts)))}</p>")
    return _Shown("\n".join(lines), markup)


def explain_email(number: int) -> _Shown:
    """One test e-mail as text: the e-mail, the real pile, the model's choice and a table of the
    points its words give to that choice (the sorter without a widget, e.g. for the graded
    assignment)."""
    data = test_emails()
    if isinstance(number, bool) or not isinstance(number, numbers.Integral) or int(number) not in data.index:
        message = t("m06.explore.no_such_email", last=N_TEST)
        return _Shown(message, f"<p>{html.escape(message)}</p>")
    number = int(number)
    row = data.loc[number]
    text = email_text(row.subject, row.body)
    chosen = predict(text).category
    sentence = describe_sorting(text, row)
    points = word_points(text, chosen)
    shown = points[:8] + [p for p in points[8:] if p[1] < 0][-4:]
    head = (t("m06.explore.bag_word"), t("m06.explore.points_header", category=category_name(chosen)))
    title = t("m06.explore.email_title", number=number)
    lines = [title, text, "", _plain(sentence.replace("<br>", " ")), "", " | ".join(head)]
    lines += [f"{w} | {_signed(p)}" for w, p in shown]
    cells = "".join(f"<tr><td>{html.escape(w)}</td><td style='text-align:right'>{_signed(p)}</td></tr>" for w, p in shown)
    markup = (f"<p><b>{html.escape(title)}</b></p>"
              f'<div style="border:1px solid #999;border-radius:6px;padding:0.4em 0.7em;max-width:46em;white-space:pre-wrap">{html.escape(text)}</div>'
              f"<p>{sentence}</p><table><thead><tr>{''.join(f'<th>{html.escape(h)}</th>' for h in head)}</tr></thead><tbody>{cells}</tbody></table>")
    return _Shown("\n".join(lines), markup)


def sorting_report() -> _Shown:
    """How the sorter did on the 100 test e-mails: a table of real against chosen category,
    and what happened to the urgent complaints."""
    table = confusion()
    right = int(test_results().right.sum())
    urgent, missed = urgent_misrouted()
    summary = t("m06.explore.report_summary", right=right, total=N_TEST, pct=accuracy_pct())
    urgent_line = t("m06.explore.report_urgent", urgent=urgent, missed=missed)
    head = "".join(f"<th>{html.escape(category_name(c))}</th>" for c in CATEGORIES)
    body = ""
    lines = [t("m06.explore.report_corner") + " | " + " | ".join(category_name(c) for c in CATEGORIES)]
    for real in CATEGORIES:
        cells = ""
        for chosen in CATEGORIES:
            count = int(table.loc[real, chosen])
            style = "font-weight:bold" if real == chosen else ("outline:2px dashed #D55E00" if count else "")
            cells += f"<td style='text-align:right;{style}'>{count}</td>"
        body += f"<tr><th style='text-align:left'>{html.escape(category_name(real))}</th>{cells}</tr>"
        lines.append(category_name(real) + " | " + " | ".join(str(int(table.loc[real, c])) for c in CATEGORIES))
    markup = (f"<p>{summary}</p><table><thead><tr><th>{html.escape(t('m06.explore.report_corner'))}</th>{head}</tr></thead>"
              f"<tbody>{body}</tbody></table><p>{html.escape(t('m06.explore.report_legend'))}</p><p>{urgent_line}</p>")
    return _Shown("\n".join([_plain(summary), *lines, _plain(urgent_line)]), markup)


def next_words(start, *, context: int = 1) -> _Shown:
    """Which words followed the last word (or two) of ``start`` in the practice text, and how often."""
    model = next_word_model()
    from ..nextword import tokenize

    if not isinstance(start, str) or not tokenize(start):
        message = t("m06.explore.next_need_words")
        return _Shown(message, f"<p>{html.escape(message)}</p>")
    if context not in (1, 2):
        message = t("m06.explore.next_bad_context")
        return _Shown(message, f"<p>{html.escape(message)}</p>")
    words = tokenize(start)
    after = " ".join(words[-context:])
    counts = model.counts_after(words, context=context)
    if not counts:
        message = t("m06.explore.next_never_seen", words=after)
        return _Shown(message, f"<p>{html.escape(message)}</p>")
    head = (t("m06.explore.next_word"), t("m06.explore.next_count", words=after))
    total = sum(c for _, c in counts)
    lines = [" | ".join(head)] + [f"{w} | {c}" for w, c in counts]
    cells = "".join(f"<tr><td>{html.escape(w)}</td><td style='text-align:right'>{c}</td></tr>" for w, c in counts)
    footer = t("m06.explore.next_total", words=after, total=total)
    markup = (f"<table><thead><tr>{''.join(f'<th>{html.escape(h)}</th>' for h in head)}</tr></thead><tbody>{cells}</tbody></table>"
              f"<p>{html.escape(footer)}</p>")
    return _Shown("\n".join(lines + [footer]), markup)


def _signed(points: float) -> str:
    """Points the learner's way, with a sign: +1,13 or -0,3 in Dutch."""
    return ("+" if points > 0 else "") + format_number(round(points, 2))


def _plain(markup: str) -> str:
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", markup))


# -- widgets ----------------------------------------------------------------------------------------

def _margins(figure, *, left: float, bottom: float, top: float = 0.4, right: float = 0.15) -> None:
    """Fixed margins in inches. (``tight_layout`` would draw the figure an extra time, and a
    widget must redraw fast.)"""
    width, height = figure.get_size_inches()
    figure.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height, top=1 - top / height)


@lru_cache(maxsize=256)
def _image(kind: str, lang: str, *key):
    """A widget's figure as a PNG image, drawn once per setting and language: a learner who
    moves a slider back and forth waits for each picture only the first time."""
    from ..plotting import as_image

    if kind == "top":
        figure = top_words_figure(*key)
    elif kind == "sorting":
        figure = sorting_figure(*key)
    elif kind == "human":
        figure = human_check_figure(*key)
    else:
        start, temperature, context = key
        chances = describe_generation(start, temperature=temperature, length=0, context=context, seed=0)[1]
        figure = chances_figure(chances, temperature, start, context)
    return as_image(figure)


def _show(out, image) -> None:
    """Replace what an ``Output`` shows with ``image``."""
    from IPython.display import display

    out.clear_output(wait=True)
    with out:
        display(image)


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
    from ..plotting import new_axes

    colour, hatch = STYLE[category]
    ax = new_axes(figsize=(6, 0.26 * n + 1.4))
    _bars(ax, top_words(category, n), colour, hatch, t("m06.explore.top_axis", category=category_name(category)),
          t("m06.explore.top_title", category=category_name(category)))
    _margins(ax.figure, left=_label_room(ax), bottom=0.55)
    return ax.figure


def top_words_explorer():
    """Choose a category and how many words; see the words that point to it most."""
    import ipywidgets as widgets

    choice = widgets.Dropdown(options=[(category_name(c), c) for c in CATEGORIES], value="complaint",
                              description=t("m06.explore.category_label"), style={"description_width": "initial"})
    count = widgets.IntSlider(value=10, min=5, max=15, description=t("m06.explore.count_label"),
                              continuous_update=False, style={"description_width": "initial"})
    out = widgets.Output()
    for category in CATEGORIES:  # drawn now, in the cell: a category's first draw took ~170 ms
        _image("top", get_language(), category, count.value)

    def update(change=None):
        _show(out, _image("top", get_language(), choice.value, count.value))

    choice.observe(update, names="value")
    count.observe(update, names="value")
    update()
    box = widgets.VBox([widgets.HBox([choice, count]), out])
    box.add_class("smeai-top-words")
    return box


def describe_sorting(text: str, original=None) -> str:
    """The sentence under the e-mail sorter: the model's choice, its certainty and, for an
    unchanged test e-mail, whether that is the right category."""
    if not words_of(text):
        return t("m06.explore.sort_empty")
    prediction = predict(text)
    chosen = t("m06.explore.sort_choice", category=category_name(prediction.category), pct=prediction.certainty_pct)
    if original is None:
        return t("m06.explore.sort_changed") + " " + chosen
    real = t("m06.explore.sort_real", category=category_name(original.category))
    urgent = " " + t("m06.explore.sort_urgent") if original.urgent else ""
    verdict = t("m06.explore.sort_right") if prediction.category == original.category else t("m06.explore.sort_wrong")
    return f"{real}{urgent}<br>{chosen} {verdict}"


def sorting_figure(text: str):
    """Bars of the points each word of ``text`` gives to the pile the model chooses: the
    strongest pushes towards it, and the strongest against it (grey)."""
    from ..plotting import new_axes

    category = predict(text).category
    colour, hatch = STYLE[category]
    points = word_points(text, category)
    shown = points[:8] + [p for p in points[8:] if p[1] < 0][-4:]
    ax = new_axes(figsize=(6, 0.26 * len(shown) + 1.4))
    _bars(ax, shown, colour, hatch, t("m06.explore.points_axis", category=category_name(category)),
          t("m06.explore.why_title", category=category_name(category)))
    _margins(ax.figure, left=_label_room(ax), bottom=0.55)
    return ax.figure


def email_explorer(number: int = 1):
    """Pick a test e-mail (or change its text) and see where the model puts it, and why."""
    import ipywidgets as widgets

    data = test_emails()
    picker = widgets.Dropdown(options=[(f"{i}. {row.subject}", i) for i, row in data.iterrows()], value=number,
                              description=t("m06.explore.email_label"), style={"description_width": "initial"},
                              layout=widgets.Layout(width="34em"))
    box_text = widgets.Textarea(continuous_update=False, layout=widgets.Layout(width="46em", height="12em"),
                                description=t("m06.explore.text_label"), style={"description_width": "initial"})
    result = widgets.HTML()
    result.add_class("smeai-sort-result")
    out = widgets.Output()

    def original():
        row = data.loc[picker.value]
        return row if box_text.value == email_text(row.subject, row.body) else None

    def update(change=None):
        text = box_text.value
        result.value = describe_sorting(text, original())
        if words_of(text):
            _show(out, _image("sorting", get_language(), text))
        else:
            out.clear_output()

    def pick(change=None):
        row = data.loc[picker.value]
        text = email_text(row.subject, row.body)
        if box_text.value == text:
            update()
        else:
            box_text.value = text  # its observer redraws

    picker.observe(pick, names="value")
    box_text.observe(update, names="value")
    pick()
    box = widgets.VBox([picker, box_text, result, out])
    box.add_class("smeai-email-sorter")
    return box


def human_check_figure(threshold_pct: float):
    """Two stacked bars: the e-mails the model sorts alone and those a person sorts, each split
    into right and wrong piles."""
    from ..plotting import new_axes

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


def human_check_explorer():
    """A slider for the certainty below which a person sorts the e-mail; see the work and the
    mistakes it catches."""
    import ipywidgets as widgets

    slider = widgets.IntSlider(value=50, min=30, max=100, step=5, description=t("m06.explore.threshold_label"),
                               continuous_update=False, style={"description_width": "initial"}, layout=widgets.Layout(width="30em"))
    result = widgets.HTML()
    result.add_class("smeai-human-result")
    out = widgets.Output()

    def update(change=None):
        check = human_check(slider.value)
        result.value = t("m06.explore.human_result", threshold=check.threshold_pct, person=check.to_person, total=N_TEST,
                         caught=check.caught, mistakes=check.mistakes, missed=check.mistakes - check.caught,
                         urgent=check.urgent_missed)
        _show(out, _image("human", get_language(), slider.value))

    slider.observe(update, names="value")
    update()
    box = widgets.VBox([slider, result, out])
    box.add_class("smeai-human-check")
    return box


def describe_generation(start: str, *, temperature: float, length: int, context: int, seed) -> tuple[str, list]:
    """The generated text as HTML (the start words in bold), a line on the sentences it made,
    and the chances for the word after the start words (at this temperature and at 1)."""
    model = next_word_model()
    generation = model.generate(start, n_words=length, temperature=temperature, context=context, random_state=seed)
    start_text = model.detokenize(generation.start)
    full = generation.text
    shown = f"<b>{html.escape(full[:len(start_text)])}</b>{html.escape(full[len(start_text):])}" if start_text and full.startswith(start_text) else html.escape(full)
    parts = [f'<p style="font-size:1.1em;max-width:46em">{shown} …</p>']
    if generation.unknown:
        parts.append(f"<p>{html.escape(t('m06.explore.gen_unknown', words=', '.join(generation.unknown)))}</p>")
    sentences = model.sentences_seen(generation.tokens)
    if sentences:
        copied = sum(seen for _, seen in sentences)
        parts.append(f"<p>{t('m06.explore.gen_sentences', total=len(sentences), copied=copied, new=len(sentences) - copied)}</p>")
    chances = model.probabilities(generation.start, temperature=temperature, context=context)[:8]
    plain = model.probabilities(generation.start, temperature=1.0, context=context)
    at_one = dict(plain)
    return "".join(parts), [(w, 100 * p, 100 * at_one.get(w, 0.0)) for w, p in chances]


def chances_figure(chances, temperature: float, start: str, context: int):
    """Bars of the chance of each next word after ``start``: at ``temperature`` (hatched) and
    at temperature 1 (white), so the effect of the temperature is visible."""
    from ..nextword import tokenize
    from ..plotting import new_axes

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


def nextword_explorer(start: str | None = None):
    """Type start words, choose a temperature and a length; the model writes on.

    With "same result every time" ticked, the same settings give the same text (a fixed seed,
    the starting number for the chance draws); untick it and each click draws new text."""
    import ipywidgets as widgets

    start_box = widgets.Text(value=start if start is not None else NEXT_WORD.get(get_language(), NEXT_WORD["nl"])[0],
                             description=t("m06.explore.start_label"), continuous_update=False,
                             style={"description_width": "initial"}, layout=widgets.Layout(width="30em"))
    temperature = widgets.FloatSlider(value=1.0, min=TEMPERATURE_RANGE[0], max=TEMPERATURE_RANGE[1], step=0.1, readout_format=".1f",
                                      description=t("m06.explore.temperature_label"), continuous_update=False,
                                      style={"description_width": "initial"}, layout=widgets.Layout(width="30em"))
    length = widgets.IntSlider(value=25, min=LENGTH_RANGE[0], max=LENGTH_RANGE[1], step=5, description=t("m06.explore.length_label"),
                               continuous_update=False, style={"description_width": "initial"}, layout=widgets.Layout(width="30em"))
    context = widgets.ToggleButtons(options=[(t("m06.explore.context_one"), 1), (t("m06.explore.context_two"), 2)], value=1,
                                    description=t("m06.explore.context_label"), style={"description_width": "initial"})
    fixed = widgets.Checkbox(value=True, description=t("m06.explore.fixed_label"), indent=False)
    seed = widgets.BoundedIntText(value=1, min=0, max=9999, description=t("m06.explore.seed_label"),
                                  style={"description_width": "initial"}, layout=widgets.Layout(width="14em"))
    again = widgets.Button(description=t("m06.explore.again_label"), icon="refresh")
    result = widgets.HTML()
    result.add_class("smeai-generated")
    out = widgets.Output()
    shown = {"chart": None}

    def update(change=None):
        seed.disabled = not fixed.value
        chosen_seed = seed.value if fixed.value else None
        try:
            text, chances = describe_generation(start_box.value, temperature=float(temperature.value), length=int(length.value),
                                                context=int(context.value), seed=chosen_seed)
        except (ValueError, TypeError):
            result.value = t("m06.explore.gen_problem")
            shown["chart"] = None
            out.clear_output()
            return
        result.value = text
        chart = (get_language(), start_box.value, round(float(temperature.value), 1), int(context.value))
        if chart != shown["chart"]:  # the length and the seed change the text, not the chances
            shown["chart"] = chart
            _show(out, _image("chances", *chart))

    def redraw(_):
        if fixed.value:
            seed.value = (seed.value + 1) % 10000  # a new seed; its observer redraws
        else:
            update()

    for control in (start_box, temperature, length, context, fixed, seed):
        control.observe(update, names="value")
    again.on_click(redraw)
    update()
    box = widgets.VBox([start_box, temperature, length, context, widgets.HBox([fixed, seed, again]), result, out])
    box.add_class("smeai-nextword")
    return box
