"""Hooks for the Jupyter server that runs the course (``smeai lab``, Binder, a hub).

Server side only: a learner's kernel never imports this module.
"""

from __future__ import annotations

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def drop_widget_views(model: dict, **_kwargs) -> None:
    """``ContentsManager.pre_save_hook``: save widget outputs as their text stand-in.

    A saved widget output only points at a model in the running kernel. Once the kernel is gone
    JupyterLab cannot draw it and shows "Error displaying widget: model not found". Without the
    pointer it shows the output's ``text/plain``, which ``smeai.start`` sets to "run this
    cell again" in the learner's language for every widget (``smeai.ui.formats``). The widget state that
    JupyterLab may keep in the notebook's metadata goes too: it cannot bring back a live widget.
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    notebook = model["content"]
    notebook.get("metadata", {}).pop("widgets", None)
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data")
            if isinstance(data, dict) and WIDGET_VIEW in data and "text/plain" in data:
                del data[WIDGET_VIEW]
