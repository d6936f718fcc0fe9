"""``smeai lab``'s command line and the learner-facing Jupyter configuration, without a server.

The browser test (tests/browser) shows that the configuration takes effect in a running
JupyterLab; these tests pin what it says, fast.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import smeai
from smeai import lab
from smeai.jupyter_hooks import WIDGET_VIEW, drop_widget_views

REPO = Path(__file__).resolve().parents[1]
NBGRADER_PLUGINS = ("@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:formgrader")


def option(argv: list[str], name: str) -> str:
    """The value of ``--name=value`` in argv."""
    values = [arg.split("=", 1)[1] for arg in argv if arg.startswith(f"--{name}=")]
    assert len(values) == 1, (name, argv)
    return values[0]


@pytest.fixture
def course(tmp_path) -> Path:
    root = tmp_path / "course"
    (root / "nl").mkdir(parents=True)
    (root / "en").mkdir()
    return root


# -- build_command --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lang, url", [("nl", "/lab/tree/nl/00-welkom.ipynb"), ("en", "/lab/tree/en/00-welcome.ipynb")]
)
def test_command_opens_module_00_in_the_language(course, lang, url):
    argv, env = lab.build_command(lang=lang, root=course)
    assert argv[:3] == [sys.executable, "-m", "jupyterlab"]  # this Python's JupyterLab, never PATH's
    assert env["PATH"].split(os.pathsep)[0] == str(Path(sys.executable).parent)
    assert option(argv, "LabApp.default_url") == url
    assert option(argv, "ServerApp.root_dir") == str(course.resolve())
    assert env["SMEAI_LANG"] == lang


def test_module_00_names_match_the_course():
    for lang, name in lab.WELCOME.items():
        path = REPO / "course" / name
        if not path.parent.is_dir() or not any(path.parent.glob("00-*.ipynb")):
            continue  # module 00 not written yet
        assert path.is_file(), f"{name} does not exist; update smeai.lab.WELCOME"


def test_language_is_normalised(course):
    _, env = lab.build_command(lang=" EN ", root=course)
    assert env["SMEAI_LANG"] == "en"


def test_port_and_browser(course):
    argv, _ = lab.build_command(port=8765, open_browser=False, root=course)
    assert option(argv, "ServerApp.port") == "8765"
    assert option(argv, "ServerApp.port_retries") == "0"  # a given port is used, or fails
    assert option(argv, "ServerApp.open_browser") == "False"

    argv, _ = lab.build_command(root=course)
    assert not any(arg.startswith("--ServerApp.port=") for arg in argv)
    assert option(argv, "ServerApp.open_browser") == "True"


def test_config_dirs_come_first_and_keep_the_existing_path(course, monkeypatch):
    ours = [str(folder) for folder in lab.config_path("nl")]
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "/somewhere/else")
    _, env = lab.build_command(root=course)
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == ours + ["/somewhere/else"]
    assert os.environ["JUPYTER_CONFIG_PATH"] == "/somewhere/else"  # ours is a copy

    monkeypatch.delenv("JUPYTER_CONFIG_PATH")
    _, env = lab.build_command(root=course)
    assert env["JUPYTER_CONFIG_PATH"] == os.pathsep.join(ours)


def test_config_path_by_language_and_setting():
    base = lab.jupyter_config_dir()
    dutch = base.parent / "jupyter_config_nl"
    self_study = base.parent / "jupyter_config_self_study"
    assert lab.config_path("nl") == [dutch, self_study, base]
    # no English language pack is needed: JupyterLab is English by itself
    assert lab.config_path("en") == [self_study, base]
    # a class on a hub keeps nbgrader's learner tools
    assert lab.config_path("nl", self_study=False) == [dutch, base]


def test_dutch_course_gets_dutch_menus_from_an_installed_pack():
    from jupyterlab_server.translation_utils import get_language_packs

    overrides = json.loads((lab.config_path("nl")[0] / "labconfig" / "default_setting_overrides.json").read_text())
    locale = overrides["@jupyterlab/translation-extension:plugin"]["locale"]
    assert locale in get_language_packs()[0], f"language pack {locale} is not installed"


def test_self_study_hides_nbgrader_learner_tools():
    folder = lab.jupyter_config_dir().parent / "jupyter_config_self_study"
    page_config = json.loads((folder / "labconfig" / "page_config.json").read_text())
    hidden = {"@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:course-list",
              "@jupyter/nbgrader:menu", "@jupyter/nbgrader:validate-assignment"}
    assert {p for p, on in page_config["disabledExtensions"].items() if on} == hidden
    assert {p for p, on in page_config["lockedExtensions"].items() if on} == hidden
    server = json.loads((folder / "jupyter_server_config.d" / "smeai-self-study.json").read_text())
    assert set(server["ServerApp"]["jpserver_extensions"].values()) == {False}


def test_config_dir_is_the_package_data():
    path = lab.jupyter_config_dir()
    assert path == Path(smeai.__file__).parent / "jupyter_config"
    assert (path / "labconfig").is_dir()


@pytest.mark.parametrize("lang", ["de", "", "nl-NL"])
def test_unknown_language_is_a_one_line_message(course, lang):
    with pytest.raises(lab.LabError) as info:
        lab.build_command(lang=lang, root=course)
    message = str(info.value)
    assert "\n" not in message and "'nl'" in message and "'en'" in message


def test_missing_root_is_a_one_line_message(tmp_path):
    with pytest.raises(lab.LabError) as info:
        lab.build_command(root=tmp_path / "nope")
    assert "\n" not in str(info.value) and str(tmp_path / "nope") in str(info.value)


# -- author_course: a clone's course/ is served as it is --------------------------------------
def _course_with_module_00(root: Path) -> Path:
    for name in lab.WELCOME.values():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("{}")
    return root


def test_author_course_is_the_clones_course_folder(tmp_path, monkeypatch):
    course = _course_with_module_00(tmp_path / "course")
    monkeypatch.chdir(tmp_path)
    assert lab.author_course() == course.resolve()
    monkeypatch.chdir(course)  # inside course/ it is course/ itself, not course/course
    assert lab.author_course() == course.resolve()


def test_no_author_course_elsewhere(tmp_path, monkeypatch):
    (tmp_path / "course" / "nl").mkdir(parents=True)  # a folder named course is not enough
    monkeypatch.chdir(tmp_path)
    assert lab.author_course() is None


def test_build_command_without_a_course_is_a_one_line_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMEAI_LANG", "en")
    with pytest.raises(lab.LabError) as info:
        lab.build_command()
    message = str(info.value)
    assert "\n" not in message and "course" in message and str(tmp_path) in message


@pytest.mark.parametrize("port", [0, -1, 65536, 99999, "abc", "80.5"])
def test_bad_ports_are_one_line_messages(course, port):
    with pytest.raises(lab.LabError, match="1 tot en met 65535") as info:
        lab.check_port(port)
    assert "\n" not in str(info.value) and str(port) in str(info.value)


def test_good_ports_and_localhost_only(course):
    assert lab.check_port("8888") == 8888 and lab.check_port(1) == 1 and lab.check_port(65535) == 65535
    argv, _ = lab.build_command(port=lab.free_port(), root=course)
    assert option(argv, "ServerApp.ip") == "127.0.0.1"


# -- the configuration files ----------------------------------------------------------------
def load(relative: str) -> dict:
    return json.loads((lab.jupyter_config_dir() / relative).read_text(encoding="utf-8"))


def test_every_config_file_is_valid_json():
    files = sorted(lab.jupyter_config_dir().rglob("*"))
    files = [f for f in files if f.is_file() and "__pycache__" not in f.parts]
    assert files
    for path in files:
        assert path.suffix == ".json", f"{path}: Jupyter reads only .json files here"
        json.loads(path.read_text(encoding="utf-8"))


def test_news_pop_up_is_off():
    overrides = load("labconfig/default_setting_overrides.json")
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false", "checkForUpdates": False}


def test_nbgrader_instructor_plugins_are_disabled_and_locked():
    page_config = load("labconfig/page_config.json")
    for key in ("disabledExtensions", "lockedExtensions"):
        assert {p for p, on in page_config[key].items() if on} == set(NBGRADER_PLUGINS), key


def test_formgrader_server_extension_is_off():
    config = load("jupyter_server_config.d/smeai.json")
    assert config["ServerApp"]["jpserver_extensions"] == {
        "nbgrader.server_extensions.formgrader": False
    }


def test_saved_notebooks_keep_no_pointers_to_a_gone_kernel(tmp_path, monkeypatch):
    """A real Jupyter server, configured from the package's folder, runs the hook on save."""
    from jupyter_server.serverapp import ServerApp  # heavy: only this test needs a server

    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(lab.jupyter_config_dir()))
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "user-config"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    app = ServerApp()
    app.initialize(["--ServerApp.port=0", "--ServerApp.open_browser=False", f"--ServerApp.root_dir={tmp_path}"])
    assert app.contents_manager.pre_save_hook is drop_widget_views


def _widget_notebook() -> dict:
    view = {"model_id": "abc", "version_major": 2, "version_minor": 0}
    return {
        "type": "notebook",
        "content": {
            "metadata": {"widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}}},
            "cells": [
                {"cell_type": "markdown", "source": "x"},
                {"cell_type": "code", "outputs": [
                    {"output_type": "display_data", "data": {WIDGET_VIEW: view, "text/plain": "run again"}},
                    {"output_type": "display_data", "data": {WIDGET_VIEW: view}},
                    {"output_type": "stream", "text": "hello"},
                    {"output_type": "execute_result", "data": {"text/plain": "42"}},
                ]},
            ],
        },
    }


def test_widget_views_are_dropped_where_a_text_stands_in():
    model = _widget_notebook()
    drop_widget_views(model=model, path="x.ipynb")
    outputs = model["content"]["cells"][1]["outputs"]
    assert outputs[0]["data"] == {"text/plain": "run again"}
    # no text to fall back on: keep the view rather than leave an empty output
    assert WIDGET_VIEW in outputs[1]["data"]
    assert outputs[2:] == _widget_notebook()["content"]["cells"][1]["outputs"][2:]
    assert "widgets" not in model["content"]["metadata"]


def test_the_hook_leaves_other_files_alone():
    for model in ({"type": "file", "content": "text"}, {"type": "notebook", "content": None}, {"type": "directory"}):
        before = json.dumps(model)
        drop_widget_views(model=model, path="x")
        assert json.dumps(model) == before


def test_nbgrader_still_has_these_names():
    """If nbgrader renames its plugins or extension, the settings above silently stop working."""
    import importlib

    import nbgrader

    importlib.import_module("nbgrader.server_extensions.formgrader")
    static = Path(nbgrader.__file__).parent / "labextension" / "static"
    code = "".join(p.read_text(encoding="utf-8", errors="replace") for p in static.glob("*.js"))
    for plugin in NBGRADER_PLUGINS:
        assert f'"{plugin}"' in code, f"nbgrader {nbgrader.__version__} has no plugin {plugin}"


# -- install_jupyter_config (Binder's postBuild) --------------------------------------------
def test_install_merges_into_existing_settings(tmp_path):
    target = tmp_path / "etc" / "jupyter"
    (target / "labconfig").mkdir(parents=True)
    (target / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"other:plugin": True}, "other": 1})
    )
    written = lab.install_jupyter_config(target)
    assert {p.relative_to(target).as_posix() for p in written} == {
        "labconfig/page_config.json",
        "labconfig/default_setting_overrides.json",
        "jupyter_server_config.d/smeai.json",
        "jupyter_server_config.d/smeai-self-study.json",
        "jupyter_server_config.json",
    }
    page_config = json.loads((target / "labconfig" / "page_config.json").read_text())
    assert page_config["other"] == 1
    assert page_config["disabledExtensions"]["other:plugin"] is True
    assert all(page_config["disabledExtensions"][p] is True for p in NBGRADER_PLUGINS)
    # running it twice changes nothing
    before = {p: p.read_text() for p in written}
    lab.install_jupyter_config(target)
    assert before == {p: p.read_text() for p in written}


def test_server_config_sorts_after_nbgrader():
    """In Binder both files share one conf.d folder, where the file sorted last wins."""
    assert sorted(["nbgrader.json", "smeai.json"])[-1] == "smeai.json"


# -- the Binder files -----------------------------------------------------------------------
def test_binder_pins_agree_with_pyproject():
    import tomllib

    from packaging.requirements import Requirement

    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    ranges = {Requirement(d).name.lower(): Requirement(d).specifier for d in deps}
    pins = {}
    for line in (REPO / "binder" / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", line
            pins[req.name.lower()] = spec.version
    assert set(pins) == set(ranges)
    for name, version in pins.items():
        assert ranges[name].contains(version, prereleases=True), (name, version, ranges[name])


def test_binder_runtime_and_postbuild():
    assert (REPO / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    assert not (REPO / "binder" / "environment.yml").exists()  # would hide requirements.txt
    post_build = REPO / "binder" / "postBuild"
    assert os.access(post_build, os.X_OK)
    assert "install_jupyter_config" in post_build.read_text()
