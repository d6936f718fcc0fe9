import json
import multiprocessing
import os

import pytest

from smeai import progress
from smeai.progress import ProgressImportError, ProgressStore, ProgressWarning


def test_home_follows_smeai_home(learner_home):
    assert progress.home() == learner_home
    event = progress.log_event("check", exercise="m01.q1", state="correct")
    (own,) = (learner_home / "events").iterdir()
    assert own == progress.store().path and not (learner_home / "progress.jsonl").exists()
    assert progress.store().events() == [event]


def test_events_round_trip_in_order(tmp_path):
    store = ProgressStore(tmp_path)
    written = [store.log_event("quiz", question=f"m01.quiz{i}", correct=i % 2 == 0) for i in range(5)]
    assert store.events() == written
    assert len({e["id"] for e in written}) == 5


def test_torn_last_line_loses_nothing_else_and_next_write_starts_fresh(tmp_path):
    store = ProgressStore(tmp_path)
    first = store.log_event("check", exercise="m01.q1", state="correct")
    with open(store.path, "ab") as f:  # a crash in the middle of writing an event
        f.write(b'{"id": "torn", "kind": "che')
    with pytest.warns(ProgressWarning, match="regel 2"):
        assert store.events() == [first]
    second = store.log_event("check", exercise="m01.q2", state="incorrect")
    with pytest.warns(ProgressWarning):
        assert store.events() == [first, second]


def test_corrupt_lines_in_the_middle_are_skipped_with_one_warning(tmp_path):
    store = ProgressStore(tmp_path)
    a = store.log_event("check", exercise="m01.q1", state="correct")
    with open(store.path, "ab") as f:
        f.write(b"\xff\xfe not utf-8\n[1, 2, 3]\n{\"no_kind\": 1}\n")
    b = store.log_event("check", exercise="m01.q2", state="correct")
    with pytest.warns(ProgressWarning) as caught:
        assert store.events() == [a, b]
    assert len(caught) == 1
    assert "2, 3, 4" in str(caught[0].message) and "2 gebeurtenissen" in str(caught[0].message)


def test_missing_file_is_empty(tmp_path):
    assert ProgressStore(tmp_path / "nothing-here").events() == []


def _writer(folder, name, count):
    store = ProgressStore(folder)
    for i in range(count):
        store.log_event("check", exercise="m01.q1", writer=name, n=i)


def test_two_notebooks_writing_at_once_lose_no_events(tmp_path):
    # "spawn" as on Windows and macOS; each process writes to a file of its own
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(tmp_path, name, 400)) for name in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    events = ProgressStore(tmp_path).events()  # any torn or interleaved line would warn and fail
    assert len(events) == 800
    for name in ("a", "b"):
        assert [e["n"] for e in events if e["writer"] == name] == list(range(400))
    assert len(list((tmp_path / "events").iterdir())) == 2


def test_a_forked_child_writes_to_a_file_of_its_own(tmp_path):
    store = ProgressStore(tmp_path)
    store.log_event("check", writer="parent", n=0)
    worker = multiprocessing.get_context("fork").Process(target=_writer, args=(tmp_path, "child", 3))
    worker.start()
    worker.join(60)
    assert worker.exitcode == 0
    assert len(list((tmp_path / "events").iterdir())) == 2
    assert [e["writer"] for e in store.events()] == ["parent", "child", "child", "child"]


def test_files_are_merged_in_time_order_each_keeping_its_own_order(tmp_path):
    events = tmp_path / "events"
    events.mkdir()
    line = lambda i, ts: json.dumps({"id": i, "ts": ts, "kind": "check"}) + "\n"
    (events / "20260101T000000000000-1-a.jsonl").write_text(line("a1", "2026-01-01T10:00:00") + line("a2", "2026-01-01T10:05:00"))
    (events / "20260101T000000000001-2-b.jsonl").write_text(line("b1", "2026-01-01T10:02:00") + line("b2", "2026-01-01T10:05:00"))
    (events / "notes.txt").write_text("not an events file")
    assert [e["id"] for e in ProgressStore(tmp_path).events()] == ["a1", "b1", "a2", "b2"]


def test_a_store_of_version_0_1_is_still_read_and_never_written(tmp_path):
    """Upgrade path: the single progress.jsonl of smeai 0.1 (written under a lock) stays readable."""
    old = {"id": "old1", "ts": "2025-05-01T09:00:00+00:00", "kind": "module_finish", "module": "00"}
    legacy = tmp_path / "progress.jsonl"
    legacy.write_text(json.dumps(old) + "\n")
    store = ProgressStore(tmp_path)
    new = store.log_event("module_start", module="01")
    assert store.events() == [old, new]
    assert legacy.read_text() == json.dumps(old) + "\n"
    exported = store.export(tmp_path / "all.json")
    fresh = ProgressStore(tmp_path / "fresh")
    assert fresh.import_(exported) == 2 and fresh.events() == [old, new]


def test_a_torn_line_in_one_file_warns_once_and_keeps_the_other_files(tmp_path):
    store = ProgressStore(tmp_path)
    mine = store.log_event("check", exercise="m01.q1", state="correct")
    other = tmp_path / "events" / "00000000T000000000000-9-crashed.jsonl"
    other.write_bytes(json.dumps({"id": "x", "ts": "2025-01-01T00:00:00+00:00", "kind": "quiz"}).encode() + b'\n{"id": "y", "ki')
    with pytest.warns(ProgressWarning) as caught:
        events = store.events()
    assert [e["id"] for e in events] == ["x", mine["id"]]
    assert len(caught) == 1 and str(other) in str(caught[0].message)


def test_export_and_import_merge_without_duplicates(tmp_path):
    laptop, binder = ProgressStore(tmp_path / "laptop"), ProgressStore(tmp_path / "binder")
    laptop.log_event("check", exercise="m01.q1", state="correct")
    laptop.log_event("module_finish", module="01")
    binder.log_event("check", exercise="m00.q1", state="correct")
    exported = laptop.export(tmp_path / "export.json")
    assert json.loads(exported.read_text())["format"] == "smeai-progress"
    assert binder.import_(exported) == 2
    assert binder.import_(exported) == 0  # importing twice adds nothing twice
    kinds = sorted(e["kind"] for e in binder.events())
    assert kinds == ["check", "check", "module_finish"]
    assert not list(tmp_path.glob("*.tmp"))


def test_export_never_creates_folders_and_says_why(tmp_path):
    store = ProgressStore(tmp_path / "store")
    store.log_event("check", exercise="m01.q1", state="correct")
    with pytest.raises(progress.ProgressExportError, match="bestaat niet"):
        store.export(tmp_path / "nope" / "deeper" / "out.json")
    assert not (tmp_path / "nope").exists()
    with pytest.raises(progress.ProgressExportError, match="is een map"):
        store.export(tmp_path)


def test_import_of_a_folder_says_so(tmp_path):
    with pytest.raises(ProgressImportError, match="is een map"):
        ProgressStore(tmp_path / "store").import_(tmp_path)


@pytest.mark.parametrize(
    "content, message",
    [(None, "bestaat niet"), (b"not json {", "geen leesbare JSON"), (b'{"format": "other"}', "geen export"), (b"[1, 2]", "geen export")],
)
def test_import_of_a_bad_file_says_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "upload.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ProgressImportError, match=message):
        ProgressStore(tmp_path / "store").import_(path)


def test_import_skips_malformed_events(tmp_path):
    path = tmp_path / "upload.json"
    path.write_text(json.dumps({"format": "smeai-progress", "events": [{"id": "x1", "kind": "check"}, {"kind": "no id"}, "junk", {"id": "x2"}]}))
    store = ProgressStore(tmp_path / "store")
    assert store.import_(path) == 1
    assert [e["id"] for e in store.events()] == ["x1"]


def test_a_read_only_home_warns_but_does_not_break(tmp_path, monkeypatch):
    if os.geteuid() == 0:
        # root may write anywhere, so simulate the full disk instead of a read-only folder
        monkeypatch.setattr(ProgressStore, "_append", lambda self, events: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    else:
        home = tmp_path / "ro"
        home.mkdir()
        home.chmod(0o500)
        monkeypatch.setenv("SMEAI_HOME", str(home))
    with pytest.warns(ProgressWarning, match="niet worden bewaard"):
        assert progress.log_event("check", exercise="m01.q1") is None
