"""Save progress to a file and read it back: for Binder, where the disk is thrown away."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from . import progress
from .i18n import t


def export_file(folder: str | Path = ".") -> Path:
    """Write the learner's progress next to the notebook, under a dated name."""
    path = Path(folder) / f"smeai-progress-{date.today().isoformat()}.json"
    return progress.store().export(path)


def import_bytes(content: bytes, name: str = "upload.json") -> int:
    """Import an uploaded export; returns how many events were new."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(name).name
        path.write_bytes(content)
        return progress.store().import_(path)


def show_backup():
    """A button that saves progress to a file, and an upload box that reads one back."""
    import ipywidgets as widgets

    from .ui.fields import button, field_style

    save = button(t("backup.export"), icon="download")
    upload = widgets.FileUpload(accept=".json", multiple=False, description=t("backup.import"), layout=widgets.Layout(width="auto"))
    upload.add_class("smeai-button")
    status = widgets.HTML()

    def on_save(_):
        try:
            status.value = "✔ " + t("progress.exported", path=export_file().name)
        except OSError as problem:  # a folder it cannot write in, a full disk: a message, no traceback
            status.value = "✘ " + (str(problem) if isinstance(problem, progress.ProgressExportError) else t("progress.write_failed", error=problem.strerror or str(problem)))

    def on_upload(change):
        for item in change["new"]:
            try:
                count = import_bytes(bytes(item["content"]), item["name"])
            except progress.ProgressImportError as problem:
                status.value = "✘ " + str(problem)
                return
            status.value = "✔ " + t("progress.imported", count=count, path=item["name"])

    save.on_click(on_save)
    upload.observe(on_upload, names="value")
    box = widgets.VBox([widgets.HBox([save, upload], layout=widgets.Layout(flex_flow="row wrap")), status, field_style()])
    box.add_class("smeai-backup")
    return box
