"""Profile, reflections, backup and standing: what the learner keeps, read back from progress."""

from datetime import datetime, timedelta

import pytest

from smeai import backup, profile, progress, reflection, standing
from smeai.i18n import t
from smeai.progress import ProgressImportError


def test_profile_keeps_the_latest_value_per_field():
    profile.save(role="office", sector="agro", name="  Anna ", organisation="")
    profile.save(sector="healthcare")
    assert profile.latest() == {"role": "office", "sector": "healthcare", "name": "Anna", "organisation": None}
    with pytest.raises(ValueError, match="lijst met sectoren"):
        profile.save(sector="space")
    with pytest.raises(ValueError, match="unknown profile fields"):
        profile.save(age=40)


def test_profile_widget_saves():
    box = profile.show_profile()
    role, sector, name, organisation, button, status, _style = box.children
    # every field has a real label (ipywidgets links a description with <label for>), on its
    # own line so it is never cut off; "optional" is in the label, not only in a placeholder
    assert [w.description for w in (role, sector, name, organisation)] == ["Jouw rol", "Jouw sector", "Je naam (mag leeg blijven)", "Organisatie (mag leeg blijven)"]
    assert all("smeai-field" in w._dom_classes for w in (role, sector, name, organisation))
    assert button.layout.width == "auto"
    role.value, sector.value, name.value = "owner", "retail", "Bram"
    button.click()
    assert profile.latest()["sector"] == "retail" and "Bewaard" in status.value
    assert profile.show_profile().children[1].value == "retail"  # prefilled after a restart


def test_reflection_survives_a_restart():
    box = reflection.show_reflection("m01.r1")
    text, row, _style = box.children
    assert text.description == t("m01.r1.prompt") and "smeai-field" in text._dom_classes  # the question is the label
    assert row.children[0].layout.width == "auto"
    text.value = "Offertes maken doe ik op ervaring."
    assert reflection.latest("m01.r1") == "Offertes maken doe ik op ervaring."
    assert reflection.show_reflection("m01.r1").children[0].value == "Offertes maken doe ik op ervaring."
    with pytest.raises(ValueError):
        reflection.save("r1", "x")


def test_backup_export_and_upload(tmp_path):
    progress.log_event("module_finish", module="00")
    path = backup.export_file(tmp_path)
    assert path.name.startswith("smeai-progress-") and path.exists()
    progress.store().path.unlink()
    assert backup.import_bytes(path.read_bytes(), path.name) == 1
    with pytest.raises(ProgressImportError):
        backup.import_bytes(b"garbage")


def test_standing_counts_only_what_happened():
    t0 = datetime(2026, 11, 2, 9, 0)
    def ev(minutes, **data):
        return {"id": str(minutes), "ts": (t0 + timedelta(minutes=minutes)).isoformat(), **data}
    events = [
        ev(0, kind="module_start", module="01"),
        ev(5, kind="check", module="01", exercise="m01.q1", state="incorrect"),
        ev(8, kind="check", module="01", exercise="m01.q1", state="correct"),
        ev(9, kind="check", module="01", exercise="m01.q1", state="correct"),
        ev(10, kind="check", module="01", exercise="m01.q99", state="correct"),  # not declared: never counted
        ev(12, kind="solution", module="01", exercise="m01.q2"),
        ev(15, kind="quiz", module="01", question="m01.quiz1", correct=True),
        ev(200, kind="module_finish", module="01"),  # after a long break: not counted as work
    ]
    s = standing.standings(events)
    m01 = s["01"]
    assert m01.status == "finished" and m01.minutes == 15
    assert m01.exercises_correct == {"m01.q1"} and m01.exercises_total == 4
    assert m01.quiz_correct == {"m01.quiz1"} and m01.solutions_seen == {"m01.q2"}
    assert s["00"].status == "not_started" and s["02"].status == "not_started"
    text = standing.describe_all(events)
    assert "opdrachten goed: 1 van 4" in text and "Module 00" not in text


def test_course_map_lists_every_module(monkeypatch):
    html = standing.course_map_html([])
    assert html.count("<tr>") == 11 and "nog niet begonnen" in html
    from smeai.course import Module

    # as if 02-09 were not written yet
    monkeypatch.setattr(Module, "available", property(lambda m: m.number in ("00", "01")))
    assert standing.course_map_html([]).count("komt binnenkort") == 8
    assert standing.describe_all([]) .startswith("Je hebt nog niets gedaan")
