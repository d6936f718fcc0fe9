"""The record of completion: what the learner did in the course, from their own progress store.

It is exported as one self-contained HTML file and as a PDF (drawn with matplotlib's PDF backend,
so it needs nothing beyond what the course already uses). It holds the learner's name, role and
organisation (each optional), the modules completed with dates and time spent, the exercises and
quiz questions answered correctly, the self-scan before and after, the learning outcomes of the
completed modules, and the fields an employer needs to document AI-literacy measures (EU AI Act,
Article 4).

It never claims more than the events show: a module counts as completed only with a
``module_finish`` event, an exercise only with a correct check of an exercise that exists, and
modules not done are listed as such. It says plainly that it is a record of training, not a
certificate issued by an authority.
"""

from __future__ import annotations

import base64
import html
import io
import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from . import __version__, progress
from .course import MODULES
from .i18n import get_language, lookup, t
from .plan import format_date
from .standing import ACTIVE_GAP_MINUTES

log = logging.getLogger(__name__)

REFRESH_AFTER_YEARS = 1
A4 = (8.27, 11.69)  # inches


@dataclass
class ModuleRecord:
    number: str
    title: str
    available: bool
    status: str  # "finished", "started", "not_started"
    started: str | None = None  # ISO time of the first activity
    finished: str | None = None  # ISO time of the first module_finish
    minutes: int = 0
    exercises_correct: int = 0
    exercises_total: int = 0
    quiz_correct: int = 0
    quiz_total: int = 0
    solutions_seen: int = 0
    outcomes: list[str] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return self.status == "finished"


@dataclass
class Record:
    lang: str
    made_on: date
    name: str | None
    role: str | None
    organisation: str | None
    sector: str | None
    modules: list[ModuleRecord]
    scan: list[tuple[str, float | None, float | None]]  # (area name, before, after)
    scan_before: dict | None
    scan_after: dict | None
    events: int
    first_activity: str | None
    last_activity: str | None

    @property
    def completed(self) -> list[ModuleRecord]:
        return [m for m in self.modules if m.completed]

    @property
    def not_completed(self) -> list[ModuleRecord]:
        return [m for m in self.modules if not m.completed]

    @property
    def minutes(self) -> int:
        return sum(m.minutes for m in self.modules)

    @property
    def exercises(self) -> tuple[int, int]:
        return sum(m.exercises_correct for m in self.modules), sum(m.exercises_total for m in self.modules)

    @property
    def quiz(self) -> tuple[int, int]:
        return sum(m.quiz_correct for m in self.modules), sum(m.quiz_total for m in self.modules)

    @property
    def last_completion(self) -> date | None:
        days = [_day(m.finished) for m in self.completed if m.finished]
        return max(days) if days else None

    @property
    def refresh_on(self) -> date:
        """One year after the last completed module (or after today, if none is completed)."""
        start = self.last_completion or self.made_on
        try:
            return start.replace(year=start.year + REFRESH_AFTER_YEARS)
        except ValueError:  # 29 February
            return start.replace(year=start.year + REFRESH_AFTER_YEARS, day=28)


def _day(ts: str | None) -> date | None:
    if not ts:
        return None
    try:
        when = datetime.fromisoformat(ts)
    except (TypeError, ValueError):
        return None
    return when.astimezone().date() if when.tzinfo else when.date()


def _role_text(role: str | None, lang: str) -> str | None:
    from .profile import ROLES

    if not role:
        return None
    return t(f"profile.roles.{role}", lang) if role in ROLES else role


def build(events: list[dict] | None = None, *, name: str | None = None, organisation: str | None = None, role: str | None = None,
          lang: str | None = None, today: date | None = None) -> Record:
    """The record, from the events (by default the learner's store; a corrupt line is skipped with
    a warning and the rest is used). ``name``, ``organisation`` and ``role`` override the profile
    (None takes the profile's value; an empty text leaves the field out)."""
    from . import profile, selfscan
    from .standing import standings

    lang = lang or get_language()
    events = progress.store().events() if events is None else events
    person = profile.latest(events)
    all_standings = standings(events)
    modules = []
    for m in MODULES:
        s = all_standings[m.number]  # counts only exercises and questions the course declares
        outcomes = lookup(f"outcomes.m{m.number}", lang)
        modules.append(ModuleRecord(
            number=m.number,
            title=t(f"modules.m{m.number}.title", lang),
            available=m.available,
            status=s.status,
            started=s.started,
            finished=s.finished,
            minutes=s.minutes,
            exercises_correct=len(s.exercises_correct),
            exercises_total=s.exercises_total,
            quiz_correct=len(s.quiz_correct),
            quiz_total=s.quiz_total,
            solutions_seen=len(s.solutions_seen),
            outcomes=list(outcomes) if isinstance(outcomes, list) else [],
        ))
    before, after = selfscan.latest("before", events), selfscan.latest("after", events)
    first, second = (selfscan.area_scores(before) if before else {}), (selfscan.area_scores(after) if after else {})
    scan = [(t(f"selfscan.areas.{area}", lang), first.get(area), second.get(area)) for area in selfscan.AREAS] if (first or second) else []
    stamps = sorted(_ts for e in events if isinstance(_ts := e.get("ts"), str) and _day(_ts))

    def pick(given, key):
        # None: take it from the profile; text (also empty text, a field the learner cleared): as given
        if given is None:
            return person.get(key) or None
        return str(given).strip() or None

    sector = person.get("sector")
    return Record(
        lang=lang,
        made_on=today or date.today(),
        name=pick(name, "name"),
        role=_role_text(pick(role, "role"), lang),
        organisation=pick(organisation, "organisation"),
        sector=t(f"profile.sectors.{sector}", lang) if sector else None,
        modules=modules,
        scan=scan,
        scan_before=before,
        scan_after=after,
        events=len(events),
        first_activity=stamps[0] if stamps else None,
        last_activity=stamps[-1] if stamps else None,
    )


# -- what the record says, as text: shared by the HTML and the PDF ------------------------------

def _score(value: float | None, lang: str) -> str:
    from .i18n import format_number

    return format_number(value, lang) if value is not None else "–"


def _change(before, after, lang: str) -> str:
    from .i18n import format_number

    if before is None or after is None:
        return "–"
    change = round(after - before, 2)
    return ("+" if change > 0 else "") + format_number(change, lang)


def _date(ts, lang: str, short: bool = False) -> str:
    day = _day(ts) if isinstance(ts, str) else ts
    return format_date(day, lang, short=short) if day else "–"


def module_rows(record: Record) -> list[list[str]]:
    """One row per module: number, title, status, started, completed, minutes, exercises, quiz, solutions seen."""
    lang = record.lang
    rows = []
    for m in record.modules:
        status = _status(m, lang)
        rows.append([
            m.number,
            m.title,
            status,
            _date(m.started, lang, short=True),
            _date(m.finished, lang, short=True),
            str(m.minutes) if m.started else "–",
            t("record.of", lang, done=m.exercises_correct, total=m.exercises_total) if m.exercises_total else "–",
            t("record.of", lang, done=m.quiz_correct, total=m.quiz_total) if m.quiz_total else "–",
            str(m.solutions_seen) if m.exercises_total else "–",
        ])
    return rows


def _status(m: ModuleRecord, lang: str) -> str:
    key = "not_available" if not m.available and m.status == "not_started" else m.status
    return t(f"record.status.{key}", lang)


def summary_lines(record: Record) -> list[str]:
    lang = record.lang
    done, total = record.exercises
    quiz_done, quiz_total = record.quiz
    lines = [
        t("record.summary.modules", lang, done=len(record.completed), total=len(record.modules)),
        t("record.summary.minutes", lang, minutes=record.minutes),
        t("record.summary.exercises", lang, done=done, total=total),
        t("record.summary.quiz", lang, done=quiz_done, total=quiz_total),
    ]
    if record.first_activity:
        lines.append(t("record.summary.period", lang, first=_date(record.first_activity, lang), last=_date(record.last_activity, lang)))
    return lines


def person_lines(record: Record) -> list[tuple[str, str]]:
    lang = record.lang
    missing = t("record.not_given", lang)
    return [
        (t("record.person.name", lang), record.name or missing),
        (t("record.person.role", lang), record.role or missing),
        (t("record.person.organisation", lang), record.organisation or missing),
        (t("record.person.made_on", lang), format_date(record.made_on, lang)),
    ]


def employer_lines(record: Record) -> list[tuple[str, str]]:
    """The fields an employer keeps to document AI-literacy measures (EU AI Act, Article 4)."""
    lang = record.lang
    audience = t("record.employer.audience_text", lang)
    who = ", ".join(x for x in (record.role, record.sector) if x)
    if who:
        audience += " " + t("record.employer.audience_role", lang, role=who)
    completed = ", ".join(m.number for m in record.completed) or t("record.none", lang)
    done, total = record.exercises
    measure = t("record.employer.measure_text", lang, version=__version__, done=len(record.completed), total=len(record.modules), modules=completed, minutes=record.minutes)
    evidence = t("record.employer.evidence_text", lang, date=format_date(record.made_on, lang), events=record.events, exercises=done, exercises_total=total)
    return [
        (t("record.employer.audience", lang), audience),
        (t("record.employer.objective", lang), t("record.employer.objective_text", lang)),
        (t("record.employer.measure", lang), measure),
        (t("record.employer.evidence", lang), evidence),
        (t("record.employer.refresh", lang), t("record.employer.refresh_text", lang, date=format_date(record.refresh_on, lang))),
    ]


def scan_rows(record: Record) -> list[list[str]]:
    lang = record.lang
    return [[area, _score(b, lang), _score(a, lang), _change(b, a, lang)] for area, b, a in record.scan]


def scan_note(record: Record) -> str:
    key = "both" if record.scan_before and record.scan_after else "before_only" if record.scan_before else "after_only" if record.scan_after else "none"
    return t(f"record.scan.{key}", record.lang)


# -- HTML ------------------------------------------------------------------------------------------

_CSS = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}
h1{font-size:1.6em;border-bottom:4px solid #0072B2;padding-bottom:0.2em}
h2{font-size:1.2em;margin-top:1.6em;border-left:6px solid #E69F00;padding-left:0.4em}
table{border-collapse:collapse;margin:0.5em 0;width:100%}
th,td{border:1px solid #999;padding:0.3em 0.5em;text-align:left;vertical-align:top}
th{background:#eee}
.notice{border:2px solid #D55E00;padding:0.5em 1em;margin:1em 0;background:#fff7f0}
.done{font-weight:bold}
figure{margin:1em 0}img{max-width:100%}
footer{margin-top:2em;font-size:0.9em;color:#333}
@media print{body{margin:0}h2{break-after:avoid}}
""".strip()


def _scan_png(record: Record) -> bytes | None:
    from . import selfscan
    from .i18n import get_language, set_language

    if not record.scan_before and not record.scan_after:
        return None
    previous = get_language()
    set_language(record.lang)  # the chart's labels in the record's language
    try:
        figure = selfscan.plot(record.scan_before or record.scan_after, record.scan_after if record.scan_before else None)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=90)
    finally:
        set_language(previous)
    return buffer.getvalue()


def to_html(record: Record) -> str:
    """The record as one self-contained HTML page: inline CSS, the chart as a data: image, no
    scripts and no links to anything outside."""
    lang, e = record.lang, html.escape
    parts = [f"<h1>{e(t('record.title', lang))}</h1>"]
    parts.append("<table>" + "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in person_lines(record)) + "</table>")
    parts.append(f'<p class="notice" role="note"><b>{e(t("record.notice_title", lang))}</b> {e(t("record.notice", lang))}</p>')

    parts.append(f"<h2>{e(t('record.sections.summary', lang))}</h2><ul>" + "".join(f"<li>{e(x)}</li>" for x in summary_lines(record)) + "</ul>")

    parts.append(f"<h2>{e(t('record.sections.modules', lang))}</h2>")
    head = "".join(f"<th>{e(t(f'record.columns.{c}', lang))}</th>" for c in ("number", "title", "status", "started", "finished", "minutes", "exercises", "quiz", "solutions"))
    body = "".join(
        f'<tr class="{"done" if m.completed else "open"}">' + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>"
        for m, row in zip(record.modules, module_rows(record))
    )
    parts.append(f"<table><tr>{head}</tr>{body}</table>")
    parts.append(f"<p>{e(t('record.columns_note', lang, gap=ACTIVE_GAP_MINUTES))}</p>")

    parts.append(f"<h2>{e(t('record.sections.not_completed', lang))}</h2>")
    if record.not_completed:
        parts.append("<ul>" + "".join(f"<li>{e(m.number)} · {e(m.title)} ({e(_status(m, lang))})</li>" for m in record.not_completed) + "</ul>")
    else:
        parts.append(f"<p>{e(t('record.all_completed', lang))}</p>")

    parts.append(f"<h2>{e(t('record.sections.outcomes', lang))}</h2>")
    if record.completed:
        parts.append(f"<p>{e(t('record.outcomes_intro', lang))}</p>")
        for m in record.completed:
            parts.append(f"<h3>{e(m.number)} · {e(m.title)}</h3><ul>" + "".join(f"<li>{e(o)}</li>" for o in m.outcomes) + "</ul>")
    else:
        parts.append(f"<p>{e(t('record.no_outcomes', lang))}</p>")

    parts.append(f"<h2>{e(t('record.sections.scan', lang))}</h2><p>{e(scan_note(record))}</p>")
    if record.scan:
        head = "".join(f"<th>{e(t(f'record.scan.{c}', lang))}</th>" for c in ("area", "before", "after", "change"))
        rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in scan_rows(record))
        parts.append(f"<table><tr>{head}</tr>{rows}</table>")
        png = _scan_png(record)
        if png:
            data = base64.b64encode(png).decode("ascii")
            parts.append(f'<figure><img src="data:image/png;base64,{data}" alt="{e(t("record.scan.alt", lang))}"></figure>')

    parts.append(f"<h2>{e(t('record.sections.employer', lang))}</h2><p>{e(t('record.employer.intro', lang))}</p>")
    parts.append("<table>" + "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in employer_lines(record)) + "</table>")
    parts.append(f"<footer>{e(t('record.footer', lang, version=__version__))}</footer>")
    title = t("record.title", lang) + (f" · {record.name}" if record.name else "")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{e(title)}</title>\n'
        f"<style>\n{_CSS}\n</style>\n</head>\n<body>\n" + "\n".join(parts) + "\n</body>\n</html>\n"
    )


# -- PDF -------------------------------------------------------------------------------------------

class _Pages:
    """Text laid out line by line on A4 figures, top to bottom, with a new page when one is full."""

    TOP, BOTTOM, LEFT, RIGHT = 0.94, 0.06, 0.08, 0.92
    SIZES = {"h1": 17, "h2": 12.5, "h3": 10.5, "p": 9.5, "small": 8}

    def __init__(self, footer: str):
        self.figures = []
        self.footer = footer
        self._new_page()

    def _new_page(self):
        from matplotlib.figure import Figure

        figure = Figure(figsize=A4)
        self.figures.append(figure)
        self.y = self.TOP

    def _line_height(self, size: float) -> float:
        return size * 1.45 / 72 / A4[1]

    def _room(self, height: float):
        if self.y - height < self.BOTTOM:
            self._new_page()

    @staticmethod
    def _wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
        """Greedy word wrap on measured widths (DejaVu Sans), so no line runs into the next column."""
        limit = width * A4[0] * 72  # points
        lines = []
        for paragraph in str(text).split("\n"):
            line = ""
            for word in paragraph.split():
                candidate = f"{line} {word}" if line else word
                if _width(candidate, size, bold) <= limit:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                while _width(word, size, bold) > limit and len(word) > 1:  # a word longer than the column
                    cut = max(1, int(len(word) * limit / _width(word, size, bold)) - 1)
                    lines.append(word[:cut])
                    word = word[cut:]
                line = word
            lines.append(line)
        return lines

    def text(self, text: str, style: str = "p", *, x: float | None = None, width: float | None = None, bold: bool = False, colour="#111111", gap_before: float = 0.0):
        size = self.SIZES[style]
        x = self.LEFT if x is None else x
        width = (self.RIGHT - x) if width is None else width
        weight = "bold" if bold or style in ("h1", "h2", "h3") else "normal"
        height = self._line_height(size)
        self.y -= gap_before
        for line in self._wrap(text, size, width, weight == "bold"):
            self._room(height)
            self.figures[-1].text(x, self.y, line, fontsize=size, fontweight=weight, color=colour, va="top", ha="left")
            self.y -= height

    def heading(self, text: str, level: str = "h2"):
        self._room(self._line_height(self.SIZES[level]) * 3)  # never a heading alone at the bottom
        self.text(text, level, gap_before=self._line_height(self.SIZES["p"]) * 0.8, colour="#0072B2" if level == "h1" else "#111111")

    def table(self, header: list[str] | None, rows: list[list[str]], widths: list[float], style: str = "small", bold_rows: list[bool] | None = None):
        """Columns at fixed relative widths; each cell wrapped; a row moves to a new page whole."""
        size = self.SIZES[style]
        height = self._line_height(size)
        total = self.RIGHT - self.LEFT
        xs = [self.LEFT + total * sum(widths[:i]) for i in range(len(widths))]
        cells_width = [total * w - 0.008 for w in widths]

        def draw(row, bold):
            wrapped = [self._wrap(cell, size, w, bold) for cell, w in zip(row, cells_width)]
            needed = max(len(w) for w in wrapped) * height + height * 0.3
            if self.y - needed < self.BOTTOM:
                self._new_page()
                draw_header()
            for x, lines in zip(xs, wrapped):
                for i, line in enumerate(lines):
                    self.figures[-1].text(x, self.y - i * height, line, fontsize=size, fontweight="bold" if bold else "normal", va="top", ha="left")
            self.y -= needed
            self.figures[-1].add_artist(_rule(self.LEFT, self.RIGHT, self.y + height * 0.15))

        def draw_header():
            if header:
                draw(header, True)

        draw_header()
        for i, row in enumerate(rows):
            draw(row, bool(bold_rows and bold_rows[i]))

    def chart(self, before: dict, after: dict | None, lang: str):
        """The self-scan chart, drawn by selfscan.plot on an axes placed on the page."""
        from . import selfscan
        from .i18n import set_language

        height = 0.3
        if self.y - height < self.BOTTOM:
            self._new_page()
        figure = self.figures[-1]
        ax = figure.add_subplot(111)
        previous = get_language()
        set_language(lang)
        try:
            selfscan.plot(before, after, ax=ax)  # its tight_layout fills the page; place it after
        finally:
            set_language(previous)
        ax.set_position([self.LEFT + 0.26, self.y - height + 0.04, self.RIGHT - self.LEFT - 0.28, height - 0.07])
        self.y -= height

    def finish(self) -> list:
        count = len(self.figures)
        for number, figure in enumerate(self.figures, start=1):
            figure.text(self.LEFT, 0.035, self.footer, fontsize=6.5, color="#444444", va="bottom", ha="left", wrap=False)
            figure.text(self.RIGHT, 0.018, f"{number} / {count}", fontsize=7, color="#444444", va="bottom", ha="right")
        return self.figures


_RENDERER = None


def _width(text: str, size: float, bold: bool) -> float:
    """The width of a text in points, measured the way matplotlib will draw it."""
    global _RENDERER
    from matplotlib.font_manager import FontProperties

    if _RENDERER is None:
        from matplotlib.backends.backend_agg import RendererAgg

        _RENDERER = RendererAgg(10, 10, 72)  # at 72 dpi, one pixel is one point
    width, _, _ = _RENDERER.get_text_width_height_descent(text, FontProperties(size=size, weight="bold" if bold else "normal"), ismath=False)
    return width


def _rule(x0, x1, y):
    from matplotlib.lines import Line2D

    return Line2D([x0, x1], [y, y], linewidth=0.4, color="#999999")


def pdf_pages(record: Record) -> list:
    """The record as A4 matplotlib figures, one per page (tested for their text)."""
    lang = record.lang
    pages = _Pages(t("record.footer", lang, version=__version__))
    pages.text(t("record.title", lang), "h1", colour="#0072B2")
    pages.y -= 0.01
    pages.table(None, [[k, v] for k, v in person_lines(record)], [0.3, 0.7], style="p")
    pages.text(t("record.notice_title", lang) + " " + t("record.notice", lang), "p", bold=False, colour="#8a2c00", gap_before=0.012)

    pages.heading(t("record.sections.summary", lang))
    for line in summary_lines(record):
        pages.text("• " + line)

    pages.heading(t("record.sections.modules", lang))
    header = [t(f"record.columns.{c}", lang) for c in ("number", "title", "status", "started", "finished", "minutes", "exercises", "quiz", "solutions")]
    pages.table(header, module_rows(record), [0.08, 0.19, 0.12, 0.11, 0.11, 0.09, 0.11, 0.09, 0.1], bold_rows=[m.completed for m in record.modules])
    pages.text(t("record.columns_note", lang, gap=ACTIVE_GAP_MINUTES), "small", gap_before=0.005)

    pages.heading(t("record.sections.not_completed", lang))
    if record.not_completed:
        for m in record.not_completed:
            pages.text(f"• {m.number} · {m.title} ({_status(m, lang)})")
    else:
        pages.text(t("record.all_completed", lang))

    pages.heading(t("record.sections.outcomes", lang))
    if record.completed:
        pages.text(t("record.outcomes_intro", lang))
        for m in record.completed:
            pages.text(f"{m.number} · {m.title}", "h3", gap_before=0.004)
            for outcome in m.outcomes:
                pages.text("• " + outcome)
    else:
        pages.text(t("record.no_outcomes", lang))

    pages.heading(t("record.sections.scan", lang))
    pages.text(scan_note(record))
    if record.scan:
        pages.table([t(f"record.scan.{c}", lang) for c in ("area", "before", "after", "change")], scan_rows(record), [0.46, 0.18, 0.18, 0.18])
        pages.chart(record.scan_before or record.scan_after, record.scan_after if record.scan_before else None, lang)

    pages.heading(t("record.sections.employer", lang))
    pages.text(t("record.employer.intro", lang))
    pages.table(None, [[k, v] for k, v in employer_lines(record)], [0.27, 0.73], style="p")
    return pages.finish()


def to_pdf(record: Record, path: str | Path) -> Path:
    """Write the record as a PDF with matplotlib's PDF backend (no new dependency)."""
    from matplotlib.backends.backend_pdf import PdfPages

    path = Path(path)
    metadata = {
        "Title": t("record.title", record.lang),
        "Subject": t("record.notice_title", record.lang) + " " + t("record.notice", record.lang),
        "Creator": f"smeai {__version__}",
        "Author": record.name or "",
    }
    tmp = path.with_name(path.name + ".tmp")
    with PdfPages(tmp, metadata=metadata) as pdf:
        for figure in pdf_pages(record):
            pdf.savefig(figure)
    tmp.replace(path)  # never leave a half-written PDF behind
    return path


def export(folder: str | Path = ".", *, events: list[dict] | None = None, name: str | None = None, organisation: str | None = None,
           role: str | None = None, lang: str | None = None, today: date | None = None) -> tuple[Path, Path]:
    """Write the record as HTML and PDF into ``folder``; returns both paths."""
    return write(build(events, name=name, organisation=organisation, role=role, lang=lang, today=today), folder)


def write(record: Record, folder: str | Path = ".") -> tuple[Path, Path]:
    """Write a record that is already built as HTML and PDF into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = t("record.file_name", record.lang)
    html_path, pdf_path = folder / f"{stem}.html", folder / f"{stem}.pdf"
    tmp = html_path.with_name(html_path.name + ".tmp")
    tmp.write_text(to_html(record), encoding="utf-8")
    tmp.replace(html_path)
    to_pdf(record, pdf_path)
    return html_path, pdf_path


# -- the widget ------------------------------------------------------------------------------------

def show_record():
    """Name, organisation and role (from the profile; change them here if you like), and a
    button that writes the record as HTML and PDF next to the notebook."""
    import ipywidgets as widgets

    from . import profile

    earlier = profile.latest()
    wide, width = {"description_width": "10em"}, widgets.Layout(width="36em")
    name = widgets.Text(value=earlier.get("name") or "", description=t("profile.name"), placeholder=t("profile.optional"), style=wide, layout=width)
    organisation = widgets.Text(value=earlier.get("organisation") or "", description=t("profile.organisation"), placeholder=t("profile.optional"), style=wide, layout=width)
    role = widgets.Dropdown(
        options=[(t("record.widget.no_role"), "")] + [(t(f"profile.roles.{r}"), r) for r in profile.ROLES],
        value=earlier.get("role") if earlier.get("role") in profile.ROLES else "",  # "" is no role: a drop-down cannot show None
        description=t("profile.role"),
        style=wide,
        layout=width,
    )
    button = widgets.Button(description=t("record.widget.make"), icon="file", button_style="primary", layout=widgets.Layout(width="auto"))
    status = widgets.HTML()
    summary = widgets.HTML()

    def on_make(_):
        status.value = html.escape(t("record.widget.busy"))
        try:
            record = build(name=name.value, organisation=organisation.value, role=role.value)
            html_path, pdf_path = write(record, ".")
        except OSError as problem:
            status.value = "✘ " + html.escape(t("record.widget.failed", error=problem.strerror or str(problem)))
            return
        except Exception as problem:  # never a traceback for the learner; the log keeps the details
            log.exception("making the record failed")
            status.value = "✘ " + html.escape(t("record.widget.failed", error=type(problem).__name__))
            return
        status.value = "✔ " + html.escape(t("record.widget.made", html=html_path.name, pdf=pdf_path.name))
        lines = summary_lines(record)
        not_done = ", ".join(m.number for m in record.not_completed)
        if not_done:
            lines.append(t("record.widget.not_done", modules=not_done))
        summary.value = "<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in lines) + "</ul>"

    button.on_click(on_make)
    box = widgets.VBox([name, organisation, role, button, status, summary])
    box.add_class("smeai-record")
    return box
