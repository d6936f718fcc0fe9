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

    def source_files(self, assignment: str) -> set[str]:
        """The assignment's files other than notebooks, relative to its source folder."""
        coursedir = self.coursedir()
        folder = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
        return {str(p.relative_to(folder)) for p in folder.rglob("*")
                if p.is_file() and p.suffix != ".ipynb" and ".ipynb_checkpoints" not in p.parts}


def load_course(root) -> Course:
    """Load the course root's nbgrader configuration, as ``nbgrader autograde`` would there."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise CourseError(f"{root} is not a folder")
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
    return Course(root, config)
