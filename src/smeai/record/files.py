"""Writing the record next to the notebook (or where ``smeai record --out`` says)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..i18n import t
from .html_page import to_html
from .model import Record, build
from .pdf import to_pdf


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


def export(folder: str | Path = ".", *, events: list[dict] | None = None, name: str | None = None, organisation: str | None = None,
           role: str | None = None, lang: str | None = None, today: date | None = None) -> tuple[Path, Path]:
    """Write the record as HTML and PDF into ``folder``; returns both paths."""
    return write(build(events, name=name, organisation=organisation, role=role, lang=lang, today=today), folder)
