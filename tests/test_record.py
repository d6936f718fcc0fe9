"""The record of completion, tested against progress stores made for the purpose: full, partial,
empty and corrupt. It must show exactly what was and was not done, and never claim more."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone

import pytest

from smeai import i18n, progress, record
from smeai.course import MODULES
from smeai.exercises import all_exercises
from smeai.progress import ProgressWarning
from smeai.quiz import questions
from smeai.selfscan import AREAS, STATEMENTS

HOSTILE = '<script>alert("x")</script>'
TODAY = date(2026, 6, 1)
NUMBERS = [m.number for m in MODULES]


def ts(day: date, minutes: int = 0) -> str:
    """Noon UTC plus some minutes: the same calendar date in every time zone a learner is in."""
    return (datetime(day.year, day.month, day.day, 12, 0, tzinfo=timezone.utc) + timedelta(minutes=minutes)).isoformat()


class Store:
    """Events with known times, written as a real progress file."""

    def __init__(self):
        self.events = []

    def add(self, kind, when, **data):
        self.events.append({"id": f"e{len(self.events)}", "ts": when, "kind": kind, **data})

    def module(self, number, day, *, minutes=10, finish=True, correct=(), wrong=(), quiz=(), solutions=()):
        self.add("module_start", ts(day), module=number)
        for exercise in wrong:
            self.add("check", ts(day, 2), module=number, exercise=exercise, state="incorrect")
        for exercise in solutions:
            self.add("solution", ts(day, 3), module=number, exercise=exercise)
        for exercise in correct:
            self.add("check", ts(day, 4), module=number, exercise=exercise, state="correct")
        for question in quiz:
            self.add("quiz", ts(day, 6), module=number, question=question, correct=True)
        if finish:
            self.add("module_finish", ts(day, minutes), module=number)

    def scan(self, phase, value, day):
        self.add("selfscan", ts(day), phase=phase, answers={s.id: value for s in STATEMENTS}, scale=5)

    def write(self, folder):
        folder.mkdir(parents=True, exist_ok=True)
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in self.events)
        (folder / progress.FILE_NAME).write_text(text, encoding="utf-8")
        return self.events


def declared(number):
    return [e.id for e in all_exercises(number)], [q.id for q in questions(number)]


@pytest.fixture
def full(learner_home):
    """Every module done on its own day in March 2026, every exercise and quiz question right."""
    store = Store()
    store.add("profile", ts(date(2026, 3, 1)), name="Anna de Vries", role="office", sector="retail", organisation="Bakkerij & Zn")
    store.scan("before", 2, date(2026, 3, 1))
    for i, number in enumerate(NUMBERS):
        exercises, quiz = declared(number)
        store.module(number, date(2026, 3, 1 + i), minutes=15, correct=exercises, quiz=quiz)
    store.scan("after", 4, date(2026, 3, 10))
    return store.write(learner_home)


@pytest.fixture
def partial(learner_home):
    """00 done; 01 done with two of four exercises right (one only after the solution), one wrong;
    02 started, not finished; a forged check of an exercise that does not exist; no scan at the end."""
    store = Store()
    store.add("profile", ts(date(2026, 3, 1)), role="production")
    store.scan("before", 3, date(2026, 3, 1))
    store.module("00", date(2026, 3, 1), minutes=12, correct=["m00.q1"])
    store.module("01", date(2026, 3, 3), minutes=18, correct=["m01.q1", "m01.q2"], wrong=["m01.q3"], solutions=["m01.q2"], quiz=["m01.quiz1"])
    store.add("check", ts(date(2026, 3, 3), 5), module="01", exercise="m01.q99", state="correct")  # no such exercise
    store.add("quiz", ts(date(2026, 3, 3), 5), module="01", question="m01.quiz99", correct=True)  # no such question
    store.add("module_finish", ts(date(2026, 3, 3), 200), module="42")  # no such module
    store.module("02", date(2026, 3, 5), finish=False)
    return store.write(learner_home)


# -- what the record holds --------------------------------------------------------------------------

def test_full_store_lists_every_module_as_completed_with_dates_and_all_outcomes(full):
    r = record.build(today=TODAY)
    assert [m.number for m in r.completed] == NUMBERS and r.not_completed == []
    assert [record.day(m.finished) for m in r.modules] == [date(2026, 3, 1 + i) for i in range(len(NUMBERS))]
    assert all(m.minutes == 15 for m in r.modules) and r.minutes == 15 * len(NUMBERS)
    done, total = r.exercises
    assert done == total == sum(len(declared(n)[0]) for n in NUMBERS)
    assert r.quiz[0] == r.quiz[1] == sum(len(declared(n)[1]) for n in NUMBERS)
    assert (r.name, r.role, r.organisation, r.sector) == ("Anna de Vries", "Kantoor, administratie of financiën", "Bakkerij & Zn", "Detailhandel en webwinkels")
    assert r.scan == [(i18n.t(f"selfscan.areas.{a}"), 2.0, 4.0) for a in AREAS]
    assert r.refresh_on == date(2027, 3, 10)  # a year after the last module
    assert all(m.outcomes for m in r.modules)
    page = record.to_html(r)
    assert "Alle modules zijn afgerond." in page and "Modules afgerond: 10 van 10." in page
    assert page.count("<h3>") == len(NUMBERS)  # the outcomes of every module
    assert "+2,0" in page and "10 maart 2027" in page
    assert "Leeruitkomsten aangetoond: in 10 van de 10 afgeronde modules." in page


def test_partial_store_shows_exactly_what_was_and_was_not_done(partial):
    r = record.build(today=TODAY)
    by_number = {m.number: m for m in r.modules}
    assert [m.number for m in r.completed] == ["00", "01"]
    assert [m.number for m in r.not_completed] == NUMBERS[2:]
    assert by_number["02"].status == "started" and by_number["03"].status == "not_started"
    assert record.day(by_number["01"].finished) == date(2026, 3, 3) and by_number["02"].finished is None
    assert (by_number["00"].minutes, by_number["01"].minutes) == (12, 18)
    m01 = by_number["01"]
    assert (m01.exercises_correct, m01.exercises_total, m01.solutions_seen) == (2, 4, 1)  # m01.q99 does not count
    assert (m01.quiz_correct, m01.quiz_total) == (1, 5)  # m01.quiz99 does not count
    assert r.exercises[0] == 3 and r.quiz[0] == 1
    assert r.name is None and r.organisation is None and r.role == "Productie of werkplaats"
    assert r.scan_after is None and all(after is None for _, _, after in r.scan)
    assert r.refresh_on == date(2027, 3, 3)

    page = record.to_html(r)
    assert "Modules afgerond: 2 van 10." in page and "Opdrachten goed: 3 van" in page
    assert "<li>02 · Data, de brandstof van AI (begonnen, niet afgerond)</li>" in page
    # 01 is completed, but only one exercise was right on the learner's own (q2 after its
    # solution) and one quiz question of five: its outcomes are not claimed, and it says why
    assert [m.number for m in r.shown] == ["00"] and [m.number for m in r.weak] == ["01"]
    assert i18n.lookup("outcomes.m00")[0] in page and i18n.lookup("outcomes.m01")[0] not in page
    assert "Afgerond, maar niet aangetoond" in page
    assert "01 · Wat is AI?: afgerond, maar de opdrachten waren zwak: 1 van 4 zelf goed" in page
    assert "de quiz was zwak: 1 van 5 vragen in één keer goed" in page
    assert "alleen aan het begin" in page and "niet ingevuld" in page  # no scan at the end; no name
    rows = record.module_rows(r)
    assert [c.replace("\u00a0", " ") for c in rows[1][:7]] == ["01", "Wat is AI?", "afgerond", "3-3-2026", "3-3-2026", "18 / 45", "2 van 4"]
    assert rows[2][2:5] == ["begonnen, niet afgerond", "5-3-2026", "–"]


def test_finish_order_does_not_matter_all_work_done_counts_as_completed():
    # module 09 makes the record above its finish cell: with every exercise right and every quiz
    # question answered, the module is completed, dated at the last piece of work
    store = Store()
    exercises, quiz = declared("09")
    store.module("09", date(2026, 3, 3), finish=False, correct=exercises, quiz=quiz)
    r = record.build(store.events, today=TODAY)
    m09 = next(m for m in r.modules if m.number == "09")
    assert m09.status == "finished" and m09.shown and [m.number for m in r.completed] == ["09"]
    assert record.day(m09.finished) == date(2026, 3, 3)
    assert "Modules afgerond: 1 van 10." in record.to_html(r) and "09 · Van idee naar actieplan (" not in record.to_html(r)
    # finish run afterwards changes nothing
    store.add("module_finish", ts(date(2026, 3, 4)), module="09")
    assert record.day(next(m for m in record.build(store.events, today=TODAY).modules if m.number == "09").finished) == date(2026, 3, 3)


def test_part_of_the_work_without_finish_is_started_not_completed():
    store = Store()
    exercises, quiz = declared("09")
    store.module("09", date(2026, 3, 3), finish=False, correct=exercises[:-1], quiz=quiz)  # one exercise still open
    r = record.build(store.events, today=TODAY)
    m09 = next(m for m in r.modules if m.number == "09")
    assert m09.status == "started" and r.completed == [] and m09.exercises_correct == len(exercises) - 1
    page = record.to_html(r)
    assert "Modules afgerond: 0 van 10." in page and "<li>09 · Van idee naar actieplan (begonnen, niet afgerond)</li>" in page


def test_a_weak_quiz_is_said_and_its_outcomes_are_not_claimed():
    store = Store()
    exercises, quiz = declared("04")
    store.module("04", date(2026, 3, 3), minutes=90, correct=exercises)
    for i, question in enumerate(quiz):  # 2 of 5 right at the first answer; the rest right after a retry
        store.add("quiz", ts(date(2026, 3, 3), 10 + i), module="04", question=question, correct=i < 2)
        store.add("quiz", ts(date(2026, 3, 3), 11 + i), module="04", question=question, correct=True)
    r = record.build(store.events, today=TODAY)
    m04 = next(m for m in r.modules if m.number == "04")
    assert m04.completed and not m04.shown and m04.weak == [("quiz", 2, 5)] and (m04.quiz_correct, m04.quiz_total) == (2, 5)
    page = record.to_html(r)
    assert "de quiz was zwak: 2 van 5 vragen in één keer goed" in page and i18n.lookup("outcomes.m04")[0] not in page
    assert "Leeruitkomsten aangetoond: in 0 van de 1 afgeronde modules." in page
    text = " ".join(t.get_text() for f in record.pdf_pages(r) for t in f.texts)
    assert "de quiz was zwak: 2 van 5" in text and i18n.lookup("outcomes.m04")[0] not in text
    # three of five is a pass (55%): the outcomes are claimed
    store = Store()
    store.module("04", date(2026, 3, 3), minutes=90, correct=exercises, quiz=quiz[:3])
    for question in quiz[3:]:
        store.add("quiz", ts(date(2026, 3, 3), 20), module="04", question=question, correct=False)
    assert next(m for m in record.build(store.events, today=TODAY).modules if m.number == "04").shown


def test_a_time_too_short_for_a_real_session_is_said(full):
    # every module "done" in 15 minutes, as an automated run would: far below the estimates
    r = record.build(today=TODAY)
    assert r.too_short and all(m.too_short for m in r.modules if m.estimate > 45)
    page = record.to_html(r)
    assert f"dat is veel korter dan de ongeveer {sum(m.minutes for m in MODULES)} minuten" in page
    assert "korte tijd is geen echte sessie" in page and "(te kort)" in page.replace("\u00a0", " ")
    assert "Let op: de gemeten tijd is veel korter" in dict(record.employer_lines(r))["Maatregel"]


def test_a_real_session_gets_no_remark_about_time():
    store = Store()
    exercises, quiz = declared("01")
    store.module("01", date(2026, 3, 3), minutes=40, correct=exercises, quiz=quiz)
    store.add("check", ts(date(2026, 3, 3), 20), module="01", exercise=exercises[0], state="correct")  # activity in between
    r = record.build(store.events, today=TODAY)
    assert not r.too_short and r.minutes == 40
    page = record.to_html(r).replace("\u00a0", " ")
    assert "korte tijd is geen echte sessie" not in page and "(te kort)" not in page and "40 / 45" in page


def test_no_events_no_remark_and_a_signoff_block(learner_home):
    r = record.build(today=TODAY)
    assert not r.too_short and r.estimate == 0
    page = record.to_html(r)
    assert "korte tijd is geen echte sessie" not in page and "Leeruitkomsten aangetoond" not in page
    assert "Aftekenen door werkgever of trainer" in page
    for label in ("Naam", "Functie", "Datum", "Handtekening"):
        assert f'<th scope="row">{label}</th><td></td>' in page
    texts = [t.get_text() for f in record.pdf_pages(r) for t in f.texts]
    assert "Aftekenen door werkgever of trainer" in texts and {"Functie", "Handtekening"} <= set(texts)


def test_empty_store_still_gives_a_record_that_claims_nothing(learner_home):
    r = record.build(today=TODAY)
    assert r.completed == [] and len(r.not_completed) == len(NUMBERS) and r.minutes == 0
    assert r.exercises[0] == 0 and r.quiz[0] == 0 and r.scan == [] and r.events == 0 and r.first_activity is None
    assert r.refresh_on == date(2027, 6, 1)
    page = record.to_html(r)
    assert "Er is nog geen module afgerond" in page and "niet ingevuld" in page and "zelfscan niet ingevuld" in page
    assert "<img" not in page
    html_path, pdf_path = record.export(learner_home.parent / "out", today=TODAY)
    assert html_path.exists() and pdf_path.read_bytes().startswith(b"%PDF")


def test_corrupt_store_warns_and_uses_the_readable_rest(learner_home):
    store = Store()
    store.module("00", date(2026, 3, 1))
    store.write(learner_home)
    with open(learner_home / progress.FILE_NAME, "ab") as f:
        f.write(b'{"id": "torn", "ts": "2026-03-02T12:00:00+00:00", "kind": "module_fin\n')  # a torn line
        f.write(b"\xff\xfe not json at all\n")
        f.write(json.dumps({"id": "late", "ts": ts(date(2026, 3, 4)), "kind": "module_finish", "module": "01"}).encode() + b"\n")
    with pytest.warns(ProgressWarning, match="overgeslagen"):
        r = record.build(today=TODAY)
    assert [m.number for m in r.completed] == ["00", "01"]
    assert r.events == 3


def test_arguments_override_the_profile_and_roles_are_put_in_words(partial):
    r = record.build(name="  Bram  ", organisation="Kwekerij Van Dijk", role="owner", today=TODAY)
    assert (r.name, r.organisation, r.role) == ("Bram", "Kwekerij Van Dijk", "Eigenaar of leidinggevende")
    assert record.build(role="Planner", today=TODAY).role == "Planner"  # free text is kept as written
    assert record.build(role="", today=TODAY).role is None  # empty text: the learner left it out
    assert record.build(today=TODAY).role == "Productie of werkplaats"  # None: from the profile
    assert record.build(role="owner", lang="en", today=TODAY).role == "Owner or manager"


def test_employer_fields_for_ai_literacy(partial):
    r = record.build(today=TODAY)
    fields = dict(record.employer_lines(r))
    assert list(fields) == ["Doelgroep en rol", "Doel", "Maatregel", "Bewijs", "Opfrissen"]
    assert "Productie of werkplaats" in fields["Doelgroep en rol"]
    assert "2 van 10 modules (modules: 00, 01)" in fields["Maatregel"] and "30 minuten" in fields["Maatregel"]
    assert "1 juni 2026" in fields["Bewijs"] and f"{r.events} gebeurtenissen" in fields["Bewijs"]
    assert "3 maart 2027" in fields["Opfrissen"]


def test_refresh_after_the_29th_of_february():
    store = Store()
    store.module("00", date(2028, 2, 29))
    assert record.build(store.events, today=TODAY).refresh_on == date(2029, 2, 28)


def test_the_record_says_plainly_it_is_not_a_certificate(partial):
    for lang, words in (("nl", "geen certificaat van een officiële instantie"), ("en", "not a certificate issued by an authority")):
        r = record.build(lang=lang, today=TODAY)
        assert words in record.to_html(r)
        assert words in " ".join(t.get_text() for f in record.pdf_pages(r) for t in f.texts)  # lines are wrapped


# -- the files ----------------------------------------------------------------------------------------

def test_html_is_self_contained_and_escapes_a_hostile_name(full):
    r = record.build(name=HOSTILE, organisation='O"Brien & <Zn>', today=TODAY)
    page = record.to_html(r)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page and "O&quot;Brien &amp; &lt;Zn&gt;" in page
    sources = re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)""", page, re.IGNORECASE)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)  # the chart, inline
    assert not re.search(r"https?://|url\(|@import|<link|<iframe|<object", page, re.IGNORECASE)


def test_pdf_is_a_valid_pdf_with_the_pages_drawn(full, tmp_path):
    r = record.build(name="Anna de Vries", today=TODAY)
    figures = record.pdf_pages(r)
    path = record.to_pdf(r, tmp_path / "record.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == len(figures) >= 2
    assert b"Bewijs van deelname" in data  # the document title in the PDF's metadata
    texts = [t.get_text() for f in figures for t in f.texts]
    assert "Anna de Vries" in texts and "Bewijs van deelname: AI voor het mkb" in texts
    assert "Modules afgerond: 10 van 10." in " ".join(texts)
    assert any(len(f.axes) == 1 for f in figures)  # the self-scan chart is on a page
    assert texts[-1] == f"{len(figures)} / {len(figures)}"
    if shutil.which("pdftotext"):  # only where the tool happens to be installed
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
        assert "Anna de Vries" in text


def test_pdf_of_a_partial_record_lists_what_was_not_done(partial, tmp_path):
    r = record.build(lang="en", today=TODAY)
    text = " ".join(t.get_text() for f in record.pdf_pages(r) for t in f.texts)
    assert "Modules completed: 2 of 10." in text and "• 02 · Data, the fuel of AI (started, not completed)" in text
    assert "Not completed" in text and i18n.lookup("outcomes.m02", "en")[0] not in text
    assert record.to_pdf(r, tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_export_writes_html_and_pdf_in_the_learners_language(partial, tmp_path):
    html_path, pdf_path = record.export(tmp_path, today=TODAY)
    assert (html_path.name, pdf_path.name) == ("bewijs-van-deelname.html", "bewijs-van-deelname.pdf")
    html_en, pdf_en = record.export(tmp_path, lang="en", today=TODAY)
    assert html_en.name == "record-of-completion.html" and "Record of completion" in html_en.read_text(encoding="utf-8")
    assert pdf_en.read_bytes().startswith(b"%PDF") and not list(tmp_path.glob("*.tmp"))


def test_outcomes_exist_for_every_module_in_both_languages():
    for lang in i18n.LANGUAGES:
        for number in NUMBERS:
            outcomes = i18n.catalogue(lang)[f"outcomes.m{number}"]
            assert isinstance(outcomes, list) and len(outcomes) >= 3, (lang, number)
    assert len(i18n.lookup("outcomes.m09", "nl")) == len(i18n.lookup("outcomes.m09", "en"))


# -- the widget -------------------------------------------------------------------------------------

def test_record_widget_writes_the_files_and_sums_up(partial, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    box = record.show_record()
    name, organisation, role, button, status, summary = box.children
    assert role.value == "production" and name.value == ""
    name.value = HOSTILE
    button.click()
    assert "✔" in status.value and "bewijs-van-deelname.pdf" in status.value
    assert "Modules afgerond: 2 van 10." in summary.value and "Nog niet afgerond: module 02, 03" in summary.value
    assert "&lt;script&gt;" in (tmp_path / "bewijs-van-deelname.html").read_text(encoding="utf-8")
    assert (tmp_path / "bewijs-van-deelname.pdf").read_bytes().startswith(b"%PDF")


def test_record_widget_reports_a_folder_it_cannot_write(partial, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bewijs-van-deelname.html").mkdir()  # a folder where the file should go
    box = record.show_record()
    box.children[3].click()
    assert box.children[4].value.startswith("✘") and "niet worden gemaakt" in box.children[4].value


def test_record_widget_turns_an_unexpected_error_into_a_message(partial, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("font cache broken")

    monkeypatch.setattr(record.files, "write", broken)
    box = record.show_record()
    box.children[3].click()
    assert box.children[4].value == "✘ " + i18n.t("record.widget.failed", error="RuntimeError")
    assert box.children[5].value == ""


# -- a clean printed page -----------------------------------------------------------------------------

def _page_texts(figure):
    return [t.get_text() for t in figure.texts]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_never_breaks_a_word_in_a_table_header(full, lang):
    from smeai.record import text as record_text

    r = record.build(lang=lang, today=TODAY)
    figures = record.pdf_pages(r)
    tokens = {word for f in figures for t in _page_texts(f) for word in re.split(r"[ \u00a0]+", t)}
    for label in record_text.header(record_text.MODULE_COLUMNS, "record.columns", lang) + record_text.header(record_text.SCAN_COLUMNS, "record.scan", lang):
        assert set(label.split()) <= tokens, label  # "Oplossing", never "Oplossi" + "ng"
    assert not [t for f in figures for t in _page_texts(f) if t.endswith("-")]  # no word cut anywhere
    rows = [t for t in _page_texts(figures[0])]
    assert any(t.replace("\u00a0", " ") == "5 van 5" or t.replace("\u00a0", " ") == "5 of 5" for t in rows)  # a count stays on one line


def test_pdf_keeps_the_scan_table_with_its_header_and_its_chart(full):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    r = record.build(today=TODAY)
    figures = record.pdf_pages(r)
    (page,) = [f for f in figures if "Gebied" in _page_texts(f)]
    assert {area for area, _, _ in r.scan} <= set(_page_texts(page)) and len(page.axes) == 1
    ax = page.axes[0]
    renderer = FigureCanvasAgg(page).get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    assert not any(legend.overlaps(bar.get_window_extent(renderer)) for bar in ax.patches)
    assert not any(legend.overlaps(t.get_window_extent(renderer)) for t in page.texts)  # nor over the next heading
    signoff = [f for f in figures if "Handtekening" in _page_texts(f)]
    assert len(signoff) == 1 and {"Aftekenen door werkgever of trainer", "Naam", "Functie", "Datum"} <= set(_page_texts(signoff[0]))


def test_a_table_that_fits_a_page_moves_whole_and_a_long_one_repeats_its_header():
    from smeai.record.pdf_layout import Pages

    pages = Pages("footer")
    pages.y = pages.BOTTOM + 0.05  # almost at the foot of the page
    pages.table(["Gebied", "Begin"], [[f"rij {i}", "2,0"] for i in range(6)], [0.5, 0.5])
    assert len(pages.figures) == 2 and not pages.figures[0].texts  # nothing left behind, header and rows together
    assert _page_texts(pages.figures[1])[:2] == ["Gebied", "Begin"]

    pages = Pages("footer")
    pages.table(["Module", "Oplossing bekeken"], [[str(i), "0"] for i in range(150)], [0.5, 0.5])
    assert len(pages.figures) >= 2
    for figure in pages.figures:
        assert _page_texts(figure)[:2] == ["Module", "Oplossing bekeken"]  # every page starts with the header


def test_columns_widen_to_fit_their_longest_word_and_the_font_shrinks_only_if_it_must():
    from smeai.record.pdf_layout import fit_columns, text_width

    widths, size = fit_columns(["Oplossing bekeken", "x"], [["0", "a b c"]], [0.05, 0.95], 0.84, 8)
    assert size == 8 and widths[0] * 8.27 * 72 >= text_width("Oplossing", 8, True) and sum(widths) == pytest.approx(0.84)
    widths, size = fit_columns(["Onwaarschijnlijkheidsverklaring"] * 6, [], [1] * 6, 0.84, 8)
    assert size < 8


def test_record_widget_in_module_09_before_finish_does_not_call_09_unfinished(learner_home, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = Store()
    exercises, quiz = declared("09")
    store.module("09", date(2026, 3, 3), finish=False, correct=exercises, quiz=quiz)
    store.write(learner_home)
    box = record.show_record()
    box.children[3].click()
    summary = box.children[5].value
    assert "Modules afgerond: 1 van 10." in summary and "module 00, 01, 02, 03, 04, 05, 06, 07, 08." in summary
    assert "09." not in summary.split("Nog niet afgerond")[1]
