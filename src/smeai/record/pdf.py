"""The record as a PDF, drawn with matplotlib's PDF backend (nothing beyond what the course uses)."""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages

from .. import __version__, selfscan
from ..i18n import t
from . import text
from .model import Record
from .pdf_layout import Pages

MODULE_WIDTHS = [0.08, 0.2, 0.12, 0.1, 0.1, 0.12, 0.1, 0.08, 0.1]
SCAN_WIDTHS = [0.46, 0.18, 0.18, 0.18]
CHART_HEIGHT = 0.32  # of the page
WARNING = "#8a2c00"


def pdf_pages(record: Record) -> list:
    """The record as A4 matplotlib figures, one per page (tested for their text)."""
    lang = record.lang
    pages = Pages(t("record.footer", lang, version=__version__))
    pages.text(t("record.title", lang), "h1", colour="#0072B2")
    pages.y -= 0.01
    pages.table(None, [[k, v] for k, v in text.person_lines(record)], [0.3, 0.7], style="p")
    pages.text(t("record.notice_title", lang) + " " + t("record.notice", lang), "p", colour=WARNING, gap_before=0.012)

    pages.heading(t("record.sections.summary", lang))
    remark = text.time_remark(record)
    for line in text.summary_lines(record):
        pages.text("• " + line, bold=line == remark, colour=WARNING if line == remark else "#111111")

    header = text.header(text.MODULE_COLUMNS, "record.columns", lang)
    rows = text.module_rows(record)
    pages.heading(t("record.sections.modules", lang), keep_with=pages.table_height(header, rows, MODULE_WIDTHS))
    pages.table(header, rows, MODULE_WIDTHS, bold_rows=[m.completed for m in record.modules])
    pages.text(text.columns_note(record), "small", gap_before=0.005)

    pages.heading(t("record.sections.not_completed", lang))
    if record.not_completed:
        for m in record.not_completed:
            pages.text(f"• {m.number} · {m.title} ({text.status_text(m, lang)})")
    else:
        pages.text(t("record.all_completed", lang))

    pages.heading(t("record.sections.outcomes", lang))
    if record.shown:
        pages.text(text.outcomes_intro(record))
        for m in record.shown:
            pages.room(pages.line_height(pages.SIZES["h3"]) + pages.line_height(pages.SIZES["p"]) * 2)
            pages.text(f"{m.number} · {m.title}", "h3", gap_before=0.004)
            for outcome in m.outcomes:
                pages.text("• " + outcome)
    else:
        pages.text(t("record.no_outcomes", lang))
    if record.weak:
        pages.text(t("record.weak.title", lang), "h3", gap_before=0.006)
        for m in record.weak:
            pages.text("• " + text.weak_text(m, lang), colour=WARNING)

    note = text.scan_note(record)
    scan_header, scan_rows = text.header(text.SCAN_COLUMNS, "record.scan", lang), text.scan_rows(record)
    block = pages.text_height(note) + (pages.table_height(scan_header, scan_rows, SCAN_WIDTHS) + CHART_HEIGHT if record.scan else 0)
    pages.heading(t("record.sections.scan", lang), keep_with=block)  # note, table and chart on one page
    pages.text(note)
    if record.scan:
        pages.table(scan_header, scan_rows, SCAN_WIDTHS)
        before, after = record.scan_before or record.scan_after, record.scan_after if record.scan_before else None
        pages.chart(lambda ax: selfscan.plot(before, after, ax=ax, lang=lang), CHART_HEIGHT)

    pages.heading(t("record.sections.employer", lang))
    pages.text(t("record.employer.intro", lang))
    pages.table(None, [[k, v] for k, v in text.employer_lines(record)], [0.27, 0.73], style="p")

    labels = text.signoff_fields(record)
    intro = t("record.signoff.intro", lang)
    pages.heading(t("record.sections.signoff", lang), keep_with=pages.text_height(intro) + pages.line_height(pages.SIZES["p"]) * 2.6 * (len(labels) + 1))
    pages.text(intro)
    pages.signature_lines(labels)
    return pages.finish()


def to_pdf(record: Record, path: str | Path) -> Path:
    """Write the record as a PDF; never leaves a half-written file behind."""
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
    tmp.replace(path)
    return path
