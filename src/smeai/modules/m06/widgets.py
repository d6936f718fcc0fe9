"""Module 06's explorers, and what notebook cells show (the inbox, a keyword's result, a bag of
words, one e-mail explained, the sorting report, the words after a start)."""

from __future__ import annotations

import html
import numbers
import re

import ipywidgets as widgets

from ...i18n import format_number, get_language, t
from ...nextword import tokenize
from ...numbers import read_back
from ...ui.controls import FloatSlider, IntSlider, ToggleGroup
from ...ui.explorer import View, build_explorer
from ...ui.messagebox import MessageBox
from .figures import STYLE, image
from .model import (CATEGORIES, N_TEST, NEXT_WORD, LENGTH_RANGE, TEMPERATURE_RANGE, accuracy_pct, category_name,
                    confusion, email_text, human_check, keyword_stats, next_word_chances, next_word_model, predict,
                    sorter, test_emails, test_results, train_emails, urgent_misrouted, word_counts,
                    word_points, words_of)

__all__ = [
    "show_inbox", "try_keyword", "bag_of_words", "explain_email", "sorting_report", "next_words",
    "describe_sorting", "describe_generation", "show_top_words_explorer", "show_email_explorer",
    "show_human_check_explorer", "show_nextword_explorer", "read_seed",
]


# -- what notebook cells show --------------------------------------------------------------------

def _shown(text: str, markup: str) -> MessageBox:
    """Text with an HTML form, in the one message box: plain in a terminal, formatted in a notebook."""
    return MessageBox(text, icon="", css="smeai-m06-shown", body_html=markup)


def _badge(category: str) -> str:
    colour, _ = STYLE[category]
    return (f'<span style="border:2px solid {colour};border-radius:4px;padding:0 0.4em;font-weight:bold">'
            f'{html.escape(category_name(category))}</span>')


def show_inbox(n_per_category: int = 2) -> MessageBox:
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
    return _shown("\n".join(lines), "".join(cards))


def try_keyword(word) -> MessageBox:
    """The result of the rule "this word means a complaint", in a sentence."""
    if not isinstance(word, str) or not word.strip():
        message = t("m06.explore.keyword_need_word")
        return _shown(message, f"<p>{html.escape(message)}</p>")
    try:
        stats = keyword_stats(word)
    except ValueError:
        message = t("m06.explore.keyword_one_word", given=word.strip())
        return _shown(message, f"<p>{html.escape(message)}</p>")
    pct = round(100 * stats.hits / stats.total, 1)
    message = t("m06.explore.keyword_result", word=stats.word, hits=stats.hits, total=stats.total, pct=pct,
                other=stats.other_hits, other_total=stats.other_total)
    return _shown(_plain(message), f"<p>{message}</p>")


def bag_of_words(text) -> MessageBox:
    """The bag of words of ``text``: each word the sorter sees, how often, and whether the
    sorter learned anything about it."""
    if not isinstance(text, str) or not words_of(text):
        message = t("m06.explore.bag_need_text")
        return _shown(message, f"<p>{html.escape(message)}</p>")
    rows = word_counts(text)
    known = sorter()[0].vocabulary_
    yes, no = t("m06.explore.yes"), t("m06.explore.no")
    head = (t("m06.explore.bag_word"), t("m06.explore.bag_count"), t("m06.explore.bag_known"))
    lines = [" | ".join(head)] + [f"{w} | {c} | {yes if w in known else no}" for w, c in rows]
    cells = "".join(f"<tr><td>{html.escape(w)}</td><td style='text-align:right'>{c}</td><td>{yes if w in known else no}</td></tr>" for w, c in rows)
    markup = (f"<table><thead><tr>{''.join(f'<th>{html.escape(h)}</th>' for h in head)}</tr></thead><tbody>{cells}</tbody></table>"
              f"<p>{html.escape(t('m06.explore.bag_total', words=sum(c for _, c in rows), different=len(rows)))}</p>")
    return _shown("\n".join(lines), markup)


def explain_email(number: int) -> MessageBox:
    """One test e-mail as text: the e-mail, the real pile, the model's choice and a table of the
    points its words give to that choice (the sorter without a widget, e.g. for the graded
    assignment)."""
    data = test_emails()
    if isinstance(number, bool) or not isinstance(number, numbers.Integral) or int(number) not in data.index:
        message = t("m06.explore.no_such_email", last=N_TEST)
        return _shown(message, f"<p>{html.escape(message)}</p>")
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
    return _shown("\n".join(lines), markup)


def sorting_report() -> MessageBox:
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
    return _shown("\n".join([_plain(summary), *lines, _plain(urgent_line)]), markup)


def next_words(start, *, context: int = 1) -> MessageBox:
    """Which words followed the last word (or two) of ``start`` in the practice text, and how often."""
    model = next_word_model()
    if not isinstance(start, str) or not tokenize(start):
        message = t("m06.explore.next_need_words")
        return _shown(message, f"<p>{html.escape(message)}</p>")
    if context not in (1, 2):
        message = t("m06.explore.next_bad_context")
        return _shown(message, f"<p>{html.escape(message)}</p>")
    words = tokenize(start)
    after = " ".join(words[-context:])
    counts = model.counts_after(words, context=context)
    if not counts:
        message = t("m06.explore.next_never_seen", words=after)
        return _shown(message, f"<p>{html.escape(message)}</p>")
    head = (t("m06.explore.next_word"), t("m06.explore.next_count", words=after))
    total = sum(c for _, c in counts)
    lines = [" | ".join(head)] + [f"{w} | {c}" for w, c in counts]
    cells = "".join(f"<tr><td>{html.escape(w)}</td><td style='text-align:right'>{c}</td></tr>" for w, c in counts)
    footer = t("m06.explore.next_total", words=after, total=total)
    markup = (f"<table><thead><tr>{''.join(f'<th>{html.escape(h)}</th>' for h in head)}</tr></thead><tbody>{cells}</tbody></table>"
              f"<p>{html.escape(footer)}</p>")
    return _shown("\n".join(lines + [footer]), markup)


def _signed(points: float) -> str:
    """Points the learner's way, with a sign: +1,13 or -0,3 in Dutch."""
    return ("+" if points > 0 else "") + format_number(round(points, 2))


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


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
    return "".join(parts), next_word_chances(generation.start, temperature=temperature, context=context)



# -- the explorers (on the shared scaffold) --------------------------------------------------------

def show_top_words_explorer():
    """Choose a category and how many words; see the words that point to it most."""
    choice = widgets.Dropdown(options=[(category_name(c), c) for c in CATEGORIES], value="complaint",
                              description=t("m06.explore.category_label"), style={"description_width": "initial"})
    count = IntSlider(value=10, min=5, max=15, description=t("m06.explore.count_label"))
    for category in CATEGORIES:  # drawn now, in the cell: a category's first draw took ~170 ms
        image("top", get_language(), category, count.value)

    def render() -> View:
        return View("", image("top", get_language(), choice.value, count.value))

    # one under the other: in a row the slider's track was squeezed to 0 px (06 [24])
    return build_explorer([choice, count], render, watch=[choice, count], css="smeai-top-words-explorer")


def show_email_explorer(number: int = 1):
    """Pick a test e-mail (or change its text) and see where the model puts it, and why."""
    data = test_emails()
    picker = widgets.Dropdown(options=[(f"{i}. {row.subject}", i) for i, row in data.iterrows()], value=number,
                              description=t("m06.explore.email_label"), style={"description_width": "initial"},
                              layout=widgets.Layout(width="34em"))
    first = data.loc[number]
    box_text = widgets.Textarea(value=email_text(first.subject, first.body), continuous_update=False,
                                layout=widgets.Layout(width="46em", height="12em"),
                                description=t("m06.explore.text_label"), style={"description_width": "initial"})

    def original():
        row = data.loc[picker.value]
        return row if box_text.value == email_text(row.subject, row.body) else None

    def render() -> View:
        text = box_text.value
        return View(describe_sorting(text, original()), image("sorting", get_language(), text) if words_of(text) else None)

    explorer = build_explorer([picker, box_text], render, watch=[box_text], css="smeai-email-explorer")

    def pick(change=None):
        row = data.loc[picker.value]
        text = email_text(row.subject, row.body)
        if box_text.value == text:
            explorer.update()  # the same text, but now it is (or is no longer) this e-mail's own
        else:
            box_text.value = text  # the scaffold redraws when the text changes

    picker.observe(pick, names="value")
    return explorer


def show_human_check_explorer():
    """A slider for the certainty below which a person sorts the e-mail; see the work and the
    mistakes it catches."""
    slider = IntSlider(value=50, min=30, max=100, step=5, description=t("m06.explore.threshold_label"), suffix=" %")

    def render() -> View:
        check = human_check(slider.value)
        text = t("m06.explore.human_result", threshold=check.threshold_pct, person=check.to_person, total=N_TEST,
                 caught=check.caught, mistakes=check.mistakes, missed=check.mistakes - check.caught, urgent=check.urgent_missed)
        return View(text, image("human", get_language(), slider.value))

    return build_explorer(slider, render, css="smeai-human-check-explorer")


SEED_MAX = 9999


def read_seed(text) -> tuple[int | None, str]:
    """The starting number typed in the field: ``(number, sentence)``; the sentence shows the
    number read, or says why it cannot be used (then the number is None)."""
    value, sentence = read_back(text)
    if value is None:
        return None, sentence
    if value != int(value) or not 0 <= value <= SEED_MAX:
        return None, f"{sentence} {t('m06.explore.seed_whole', last=str(SEED_MAX))}"
    return int(value), sentence


def show_nextword_explorer(start: str | None = None):
    """Type start words, choose a temperature and a length; the model writes on.

    With "same result every time" ticked, the same settings give the same text (a fixed seed,
    the starting number for the chance draws); untick it and each click draws new text."""
    start_box = widgets.Text(value=start if start is not None else NEXT_WORD.get(get_language(), NEXT_WORD["nl"])[0],
                             description=t("m06.explore.start_label"), continuous_update=False,
                             style={"description_width": "initial"}, layout=widgets.Layout(width="30em"))
    temperature = FloatSlider(value=1.0, min=TEMPERATURE_RANGE[0], max=TEMPERATURE_RANGE[1], step=0.1, decimals=1,
                              description=t("m06.explore.temperature_label"))
    length = IntSlider(value=25, min=LENGTH_RANGE[0], max=LENGTH_RANGE[1], step=5, description=t("m06.explore.length_label"))
    context = ToggleGroup(options=[(t("m06.explore.context_one"), 1), (t("m06.explore.context_two"), 2)], value=1,
                          description=t("m06.explore.context_label"))
    fixed = widgets.Checkbox(value=True, description=t("m06.explore.fixed_label"), indent=False, layout=widgets.Layout(width="auto"))
    # a text field read by the one number parser: it shows the number it read, and a starting
    # number it cannot read is refused (never a silent misreading)
    seed = widgets.Text(value="1", description=t("m06.explore.seed_label"), continuous_update=False,
                        style={"description_width": "initial"}, layout=widgets.Layout(width="14em"))
    seed_read = widgets.HTML()
    seed_read.add_class("smeai-read-back")
    again = widgets.Button(description=t("m06.explore.again_label"), icon="refresh", layout=widgets.Layout(width="auto"))

    def render() -> View:
        seed.disabled = not fixed.value
        number = None
        if fixed.value:
            number, sentence = read_seed(seed.value)
            seed_read.value = html.escape(sentence)
            if number is None:
                return View(html.escape(sentence))
        else:
            seed_read.value = ""
        try:
            text, _ = describe_generation(start_box.value, temperature=float(temperature.value), length=int(length.value),
                                          context=int(context.value), seed=number)
        except (ValueError, TypeError):  # settings the model cannot write with: say so, not an error
            return View(t("m06.explore.gen_problem"))
        # the chart depends on the start, the temperature and the context, not on the length or
        # the seed: a cached picture, drawn once per setting
        chart = (get_language(), start_box.value, round(float(temperature.value), 1), int(context.value))
        return View(text, image("chances", *chart))

    row = widgets.HBox([fixed, seed, again, seed_read], layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
    controls = [start_box, temperature, length, context, row]
    explorer = build_explorer(controls, render, watch=[start_box, temperature, length, context, fixed, seed],
                              css="smeai-nextword-explorer", result_css="smeai-generated")

    def redraw(_):
        number, _ = read_seed(seed.value)
        if fixed.value and number is not None:
            seed.value = str((number + 1) % (SEED_MAX + 1))  # a new seed; the scaffold redraws
        else:
            explorer.update()

    again.on_click(redraw)
    return explorer
