"""The record as one self-contained HTML page: inline CSS, the chart as a data: image, no scripts
and no links to anything outside."""

from __future__ import annotations

import base64
import io
from html import escape as e

from .. import __version__, selfscan
from ..i18n import t
from . import text
from .model import Record

_CSS = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}
h1{font-size:1.6em;border-bottom:4px solid #0072B2;padding-bottom:0.2em}
h2{font-size:1.2em;margin-top:1.6em;border-left:6px solid #E69F00;padding-left:0.4em}
table{border-collapse:collapse;margin:0.5em 0;width:100%}
th,td{border:1px solid #999;padding:0.3em 0.5em;text-align:left;vertical-align:top}
th{background:#eee;hyphens:none;word-break:normal}
.notice{border:2px solid #D55E00;padding:0.5em 1em;margin:1em 0;background:#fff7f0}
.warning{font-weight:bold;color:#8a2c00}
.done{font-weight:bold}
.signoff td{height:2.4em}
figure{margin:1em 0}img{max-width:100%}
footer{margin-top:2em;font-size:0.9em;color:#333}
@media print{body{margin:0}h2{break-after:avoid}table,figure,.signoff{break-inside:avoid}thead{display:table-header-group}}
""".strip()


def scan_png(record: Record) -> bytes | None:
    """The self-scan chart as a PNG, with labels in the record's language."""
    if not record.scan_before and not record.scan_after:
        return None
    figure = selfscan.plot(record.scan_before or record.scan_after, record.scan_after if record.scan_before else None, lang=record.lang)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    return buffer.getvalue()


def _table(header: list[str] | None, rows: list[list[str]], css: str = "") -> str:
    head = "<thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in header) + "</tr></thead>" if header else ""
    body = "".join("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    css = f' class="{css}"' if css else ""
    return f"<table{css}>{head}<tbody>{body}</tbody></table>"


def _pairs(pairs: list[tuple[str, str]]) -> str:
    return "<table>" + "".join(f'<tr><th scope="row">{e(k)}</th><td>{e(v)}</td></tr>' for k, v in pairs) + "</table>"


def to_html(record: Record) -> str:
    lang = record.lang
    parts = [f"<h1>{e(t('record.title', lang))}</h1>", _pairs(text.person_lines(record))]
    parts.append(f'<p class="notice" role="note"><b>{e(t("record.notice_title", lang))}</b> {e(t("record.notice", lang))}</p>')

    summary = text.summary_lines(record)
    remark = text.time_remark(record)
    items = "".join(f'<li class="warning">{e(x)}</li>' if x == remark else f"<li>{e(x)}</li>" for x in summary)
    parts.append(f"<h2>{e(t('record.sections.summary', lang))}</h2><ul>{items}</ul>")

    parts.append(f"<h2>{e(t('record.sections.modules', lang))}</h2>")
    head = "<thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in text.header(text.MODULE_COLUMNS, "record.columns", lang)) + "</tr></thead>"
    body = "".join(
        f'<tr class="{"done" if m.completed else "open"}">' + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>"
        for m, row in zip(record.modules, text.module_rows(record))
    )
    parts.append(f"<table>{head}<tbody>{body}</tbody></table>")
    parts.append(f"<p>{e(text.columns_note(record))}</p>")

    parts.append(f"<h2>{e(t('record.sections.not_completed', lang))}</h2>")
    if record.not_completed:
        parts.append("<ul>" + "".join(f"<li>{e(m.number)} · {e(m.title)} ({e(text.status_text(m, lang))})</li>" for m in record.not_completed) + "</ul>")
    else:
        parts.append(f"<p>{e(t('record.all_completed', lang))}</p>")

    parts.append(f"<h2>{e(t('record.sections.outcomes', lang))}</h2>")
    if record.shown:
        parts.append(f"<p>{e(text.outcomes_intro(record))}</p>")
        for m in record.shown:
            parts.append(f"<h3>{e(m.number)} · {e(m.title)}</h3><ul>" + "".join(f"<li>{e(o)}</li>" for o in m.outcomes) + "</ul>")
    else:
        parts.append(f"<p>{e(t('record.no_outcomes', lang))}</p>")
    if record.weak:
        parts.append(f"<h3>{e(t('record.weak.title', lang))}</h3><ul>" + "".join(f'<li class="warning">{e(text.weak_text(m, lang))}</li>' for m in record.weak) + "</ul>")

    parts.append(f"<h2>{e(t('record.sections.scan', lang))}</h2><p>{e(text.scan_note(record))}</p>")
    if record.scan:
        parts.append(_table(text.header(text.SCAN_COLUMNS, "record.scan", lang), text.scan_rows(record)))
        png = scan_png(record)
        if png:
            data = base64.b64encode(png).decode("ascii")
            parts.append(f'<figure><img src="data:image/png;base64,{data}" alt="{e(t("record.scan.alt", lang))}"></figure>')

    parts.append(f"<h2>{e(t('record.sections.employer', lang))}</h2><p>{e(t('record.employer.intro', lang))}</p>")
    parts.append(_pairs(text.employer_lines(record)))

    parts.append(f"<h2>{e(t('record.sections.signoff', lang))}</h2><p>{e(t('record.signoff.intro', lang))}</p>")
    parts.append('<table class="signoff">' + "".join(f'<tr><th scope="row">{e(label)}</th><td></td></tr>' for label in text.signoff_fields(record)) + "</table>")

    parts.append(f"<footer>{e(t('record.footer', lang, version=__version__))}</footer>")
    title = t("record.title", lang) + (f" · {record.name}" if record.name else "")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{e(title)}</title>\n'
        f"<style>\n{_CSS}\n</style>\n</head>\n<body>\n" + "\n".join(parts) + "\n</body>\n</html>\n"
    )
