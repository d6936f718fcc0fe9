"""A plain nbgrader course through nbgrader's exchange, graded with ``smeai grade``.

The course is nbgrader's own example (``ps1``, shipped inside the installed nbgrader package),
with the documented minimal ``nbgrader_config.py`` (course_id and the exchange folder only). The
trainer releases, a learner fetches and submits with nbgrader's commands, the trainer collects,
runs ``smeai grade`` and ``smeai feedback``, and then ``nbgrader release_feedback``; the learner
fetches the feedback. This needs the files that ``nbgrader submit`` writes (timestamp.txt and
submission_secret.txt) to travel through smeai's intake into autograded/ and feedback/.
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbgrader
import pytest

pytestmark = pytest.mark.slow

EXAMPLE = Path(nbgrader.__file__).parent / "docs" / "source" / "user_guide"


def run(*args, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def exchanged(tmp_path_factory):
    base = tmp_path_factory.mktemp("exchange")
    course, learner, exchange = base / "course", base / "learner", base / "exchange"
    for folder in (course, learner, exchange):
        folder.mkdir()
    exchange.chmod(0o777)  # nbgrader's exchange must be writable by every learner
    shutil.copytree(EXAMPLE / "source" / "ps1", course / "source" / "ps1")
    shutil.copyfile(EXAMPLE / "source" / "header.ipynb", course / "source" / "header.ipynb")
    (course / "nbgrader_config.py").write_text(
        f'c = get_config()\nc.CourseDirectory.course_id = "example"\nc.Exchange.root = {str(exchange)!r}\n')
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(base / "jupyter"), "SMEAI_HOME": str(base / "home")}
    outside = ["--course", "example", f"--Exchange.root={exchange}"]
    run("nbgrader", "generate_assignment", "ps1", cwd=course, env=env)
    run("nbgrader", "release_assignment", "ps1", cwd=course, env=env)
    run("nbgrader", "fetch_assignment", "ps1", *outside, cwd=learner, env=env)
    run("nbgrader", "submit", "ps1", *outside, cwd=learner, env=env)
    run("nbgrader", "collect", "ps1", cwd=course, env=env)
    grade = run("smeai.cli", "grade", "ps1", "--quiet", "--jobs", "2", cwd=course, env=env)
    feedback = run("smeai.cli", "feedback", "ps1", cwd=course, env=env)
    released = run("nbgrader", "release_feedback", "ps1", cwd=course, env=env)
    fetched = run("nbgrader", "fetch_feedback", "ps1", *outside, cwd=learner, env=env)
    return {"course": course, "learner": learner, "grade": grade, "feedback": feedback, "released": released,
            "fetched": fetched, "student": getpass.getuser()}


def test_the_exchange_files_reach_autograded_and_feedback(exchanged):
    course, student = exchanged["course"], exchanged["student"]
    for step in ("autograded", "feedback"):
        folder = course / step / student / "ps1"
        for name in ("timestamp.txt", "submission_secret.txt"):
            assert (folder / name).read_text() == (course / "submitted" / student / "ps1" / name).read_text(), (step, name)


def test_the_learner_fetches_feedback_after_smeai_grade_and_feedback(exchanged):
    pages = sorted((exchanged["learner"] / "ps1" / "feedback").rglob("*.html"))
    assert [p.name for p in pages] == ["problem1.html", "problem2.html"]
    assert "Feedback released" in exchanged["released"].stderr + exchanged["released"].stdout


def test_a_plain_course_is_graded_with_the_missing_steps_added(exchanged):
    out = exchanged["grade"].stdout
    assert "1 submissions" in out and "0 failed" in out, out
    assert "SandboxedExecute" in exchanged["grade"].stdout + exchanged["grade"].stderr


def test_smeai_feedback_pages_load_nothing_from_the_internet(exchanged):
    # nbgrader's feedback template loads MathJax from a CDN: smeai feedback leaves it out
    pages = sorted((exchanged["course"] / "feedback").rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "cdnjs" not in text and "MathJax.js" not in text and "latest.js?config" not in text, page
        assert 'src="http' not in text and "src='http" not in text, page
