"""The completion record: what the learner did in the course, from their own progress store.

It is exported as one self-contained HTML file and as a PDF. It holds the learner's name, role
and organisation (each optional), the modules completed with dates and the time measured, the
exercises and quiz questions answered correctly, the self-scan before and after, the learning
outcomes that the checks and quiz show, the fields an employer needs to document AI-literacy
measures (EU AI Act, Article 4), and a block for an employer or trainer to sign it off. It says
plainly that it is a record of training, not a certificate issued by an authority.

One job per file: ``model`` (what the events show), ``text`` (what the record says),
``html_page`` and ``pdf`` (+ ``pdf_layout``) (the two files), ``files`` (writing them) and
``widget`` (the button in module 09).
"""

from .files import export, write
from .html_page import to_html
from .model import PASS_SHARE, PLAUSIBLE_SHARE, REFRESH_AFTER_YEARS, ModuleRecord, Record, build, day
from .pdf import pdf_pages, to_pdf
from .text import employer_lines, module_rows, person_lines, scan_note, scan_rows, signoff_fields, summary_lines
from .widget import show_record

__all__ = [
    "PASS_SHARE", "PLAUSIBLE_SHARE", "REFRESH_AFTER_YEARS", "ModuleRecord", "Record", "build", "day", "employer_lines", "export",
    "module_rows", "pdf_pages", "person_lines", "scan_note", "scan_rows", "show_record", "signoff_fields", "summary_lines",
    "to_html", "to_pdf", "write",
]
