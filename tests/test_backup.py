"""The save-progress button (smeai.backup): a folder it cannot write in is a message, not a traceback."""

from __future__ import annotations

import errno

from smeai import backup, progress


def test_save_button_writes_the_export_and_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    progress.log_event("module_finish", module="00")
    box = backup.show_backup()
    save, status = box.children[0].children[0], box.children[1]
    save.click()
    assert status.value.startswith("✔ ") and list(tmp_path.glob("smeai-progress-*.json"))


def test_save_button_in_a_folder_that_is_gone_is_a_message(tmp_path, monkeypatch):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()  # the notebook's folder was removed under it
    box = backup.show_backup()
    save, status = box.children[0].children[0], box.children[1]
    save.click()
    assert status.value.startswith("✘ ") and "kon niet worden geschreven" in status.value


def test_save_button_on_a_full_disk_is_a_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(progress.Path, "write_text", full)
    box = backup.show_backup()
    save, status = box.children[0].children[0], box.children[1]
    save.click()
    assert status.value.startswith("✘ ") and "No space left on device" in status.value
    assert not list(tmp_path.iterdir())  # no half-written export, no temporary file
