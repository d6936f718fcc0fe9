"""An nbgrader course root, with its configuration loaded the way nbgrader's own commands load it
(Jupyter's config folders, the current folder, then the course root's ``nbgrader_config.py``)."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path


class CourseError(Exception):
    """The folder is not a usable nbgrader course root (said in words for the trainer)."""


@dataclass
class Course:
    root: Path
    config: object  # traitlets Config

    def coursedir(self, **overrides):
        """A fresh nbgrader ``CourseDirectory`` for this course, with the course's config."""
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        coursedir.root = str(self.root)
        for key, value in overrides.items():
            setattr(coursedir, key, value)
        return coursedir

    @property
    def db_url(self) -> str:
        return self.coursedir().db_url

    @property
    def course_id(self) -> str:
        return self.coursedir().course_id

    def _students(self, step: str, assignment: str) -> list[str]:
        coursedir = self.coursedir()
        pattern = coursedir.format_path(getattr(coursedir, step), "*", assignment)
        prefix, _, suffix = pattern.partition("*")
        found = []
        for path in glob.glob(pattern):
            if os.path.isdir(path) and not os.path.islink(path):
                found.append(path[len(prefix): len(path) - len(suffix)] if suffix else path[len(prefix):])
        return sorted(s for s in found if s and os.sep not in s)

    def submitted_students(self, assignment: str) -> list[str]:
        return self._students("submitted_directory", assignment)

    def autograded_students(self, assignment: str) -> list[str]:
        return self._students("autograded_directory", assignment)

    def require_assignment(self, assignment: str) -> None:
        """A one-line :class:`CourseError` when ``assignment`` is not in the gradebook."""
        from nbgrader.api import Gradebook, MissingEntry

        with Gradebook(self.db_url, self.course_id) as gb:
            try:
                gb.find_assignment(assignment)
            except MissingEntry:
                raise CourseError(f"assignment {assignment!r} is not in the gradebook of {self.root}: run "
                                  f"'nbgrader generate_assignment {assignment}' there first") from None

    def submission_folder(self, student: str, assignment: str) -> Path:
        coursedir = self.coursedir()
        return Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))

    def source_files(self, assignment: str) -> set[str]:
        """The assignment's files other than notebooks, relative to its source folder."""
        coursedir = self.coursedir()
        folder = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
        return {str(p.relative_to(folder)) for p in folder.rglob("*")
                if p.is_file() and p.suffix != ".ipynb" and ".ipynb_checkpoints" not in p.parts}


def safe_name(name: str) -> str:
    """A learner id as a folder name (ids come from folder names, but may hold anything)."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name) or "_"


def load_course(root, *, need_gradebook: bool = True) -> Course:
    """Load the course root's nbgrader configuration, as ``nbgrader autograde`` would there.

    A folder without ``nbgrader_config.py``, ``source/`` or a gradebook is not a course root: the
    trainer gets a one-line error, and nothing is created there (nbgrader's ``Gradebook`` would
    make an empty gradebook.db). With ``need_gradebook``, the gradebook must exist already."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise CourseError(f"{root} is not a folder")
    if not any((root / name).exists() for name in ("nbgrader_config.py", "source", "gradebook.db")):
        raise CourseError(f"{root} is not a course root (no nbgrader_config.py, source/ or gradebook.db): "
                          "run this in the course root or give --root")
    from nbgrader.apps.baseapp import NbGrader

    class _ConfigOnly(NbGrader):
        name = "smeai"

        def start(self):  # pragma: no cover - never started
            pass

    here = os.getcwd()
    saved_path = list(__import__("sys").path)
    os.chdir(root)
    try:
        app = _ConfigOnly()
        app.initialize([f"--CourseDirectory.root={root}"])
        config = app.config.copy()
    finally:
        os.chdir(here)
        __import__("sys").path[:] = saved_path
        _ConfigOnly.clear_instance()
        NbGrader.clear_instance()
    config.CourseDirectory.root = str(root)
    course = Course(root, config)
    db = course.db_url
    if need_gradebook and db.startswith("sqlite:///") and not Path(db[len("sqlite:///"):]).exists():
        raise CourseError(f"{root} has no gradebook yet ({db[len('sqlite:///'):]}): "
                          "run 'nbgrader generate_assignment ASSIGNMENT' there first")
    return course


def course_id_settings(root) -> dict[str, str]:
    """Every nbgrader_config.py that nbgrader reads for this course root and sets
    ``CourseDirectory.course_id``: path -> value. nbgrader's commands in the course root use
    the last one, but learners' commands (fetch, submit) only see the global ones: two
    different values mean a release lands where learners do not look."""
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

    root = Path(root).resolve()
    found = {}
    folders = [*reversed(jupyter_config_path()), str(root)]
    for folder in dict.fromkeys(folders):
        path = Path(folder) / "nbgrader_config.py"
        if not path.is_file():
            continue
        try:
            config = PyFileConfigLoader(path.name, path=str(path.parent)).load_config()
        except (ConfigFileNotFound, Exception):  # noqa: BLE001 - a broken file is nbgrader's to report
            continue
        value = config.get("CourseDirectory", {}).get("course_id")
        if isinstance(value, str):
            found[str(path)] = value
    return found


def course_id_conflict(root) -> str:
    """A one-line warning when the course root and a global config disagree on course_id."""
    settings = course_id_settings(root)
    if len(set(settings.values())) < 2:
        return ""
    listed = "; ".join(f"{path} says {value!r}" for path, value in settings.items())
    return (f"course_id is set differently in two places ({listed}). Commands in the course root use the "
            "last one, learners' fetch and submit only the global one: make them the same.")
