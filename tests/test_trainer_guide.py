"""The trainer guide (docs/trainer-guide.md), tried from top to bottom.

Every shell command in the guide's ```bash blocks is exercised, in one of three ways:

1. ``ELSEWHERE``: commands that need nbgrader's exchange, a hub, accounts or an install are run
   by another test; each entry names that file and a piece of text that must be in it.
2. ``NOT_HERE``: commands that need what no test machine has (a Docker engine, a Kubernetes
   cluster), each with the reason.
3. Every other command runs here (``test_the_guide_runs_from_top_to_bottom``), in the guide's
   order, in a temporary folder that holds a copy of the kit's course root as
   ``smeai/assessments`` (the guide's clone), following ``cd``. Where the guide says the trainer
   puts learners' work in place by hand, ``BEFORE`` does it. A command that is in the guide
   twice runs once.

When the guide changes: a new command runs here as it is. If it cannot run here, add it to
ELSEWHERE (with the test that runs it) or NOT_HERE (with the reason). The failure messages say
which command and why.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "trainer-guide.md"
HUB_TEST = "tests/hub/test_jupyterhub_class.py"

# command (or the start of one) -> (test file that runs it, text that must be in that file)
ELSEWHERE = {
    "nbgrader release_assignment m01": (HUB_TEST, '"nbgrader release_assignment m01"'),
    "nbgrader collect m01": (HUB_TEST, '"nbgrader collect m01"'),
    "nbgrader release_feedback m01": (HUB_TEST, '"nbgrader release_feedback m01"'),
    "jupyterhub -f smeai/docs/hub/jupyterhub_config.py": (HUB_TEST, '"jupyterhub", "-f", str(HUB_CONFIG)'),
    "useradd --create-home --key HOME_MODE=0700 ": ("tests/hub/system.py", '"useradd", "--create-home", "--key", "HOME_MODE=0700"'),
    "mkdir -p /srv/nbgrader/exchange": (HUB_TEST, "exchange.mkdir()"),
    "chmod 777 /srv/nbgrader/exchange": (HUB_TEST, "exchange.chmod(0o777)"),
    'python -m pip install "jupyterhub>=5,<7"': ("pyproject.toml", '"jupyterhub>=5,<7"'),
    "npm install --global configurable-http-proxy@5": (".ci/run", "npm install --global --silent --no-fund --no-audit configurable-http-proxy@5"),
}
# command (or the start of one) -> why no test runs it
NOT_HERE = {
    "jupyter-repo2docker ": "needs a Docker engine; the test machines have none",
    "docker push ": "needs a Docker engine and a registry",
    "kubectl ": "needs a Kubernetes cluster (docs/hub/*.yaml are checked in tests/hub/test_hub_docs.py)",
    "helm ": "needs a Kubernetes cluster (docs/hub/values.yaml is checked in tests/hub/test_hub_docs.py)",
}
# Sections the guide must have (issue 9): a word of each heading (## or ###), in this order.
SECTIONS = ["course root", "Release", "Collect", "Grade", "formgrader", "Feedback", "report", "LMS",
            "JupyterHub", "Kubernetes"]

FENCE = re.compile(r"^( *)```(?:bash|sh|shell)\n(.*?)^\1```[ \t]*$", re.S | re.M)
COMMENT = re.compile(r"\s+#\s.*$")


def guide_commands() -> list[str]:
    """Each command of the guide's bash blocks, in order: comments dropped, ``&&`` split."""
    commands = []
    for match in FENCE.finditer(GUIDE.read_text(encoding="utf-8")):
        for line in match.group(2).splitlines():
            line = COMMENT.sub("", line.strip())
            if line and not line.startswith("#"):
                commands.extend(part.strip() for part in line.split(" && "))
    return commands


def entry(table: dict, command: str):
    return next((key for key in table if command == key or (key.endswith(" ") and command.startswith(key))), None)


def runs_here(command: str) -> bool:
    return entry(ELSEWHERE, command) is None and entry(NOT_HERE, command) is None


# -- the guide's shape and its command tables -----------------------------------------------------

def test_guide_covers_every_part_of_a_trainers_work_in_order():
    headings = [line for line in GUIDE.read_text(encoding="utf-8").splitlines() if line.startswith(("## ", "### "))]
    positions = []
    for word in SECTIONS:
        found = [i for i, heading in enumerate(headings) if word.lower() in heading.lower()]
        assert found, f"no section heading with {word!r} in the guide: {headings}"
        positions.append(found[0])
    assert positions == sorted(positions), list(zip(SECTIONS, positions))


def test_guide_never_names_a_command_that_does_not_exist():
    text = GUIDE.read_text(encoding="utf-8")
    # formgrader is a page of nbgrader's lab extension, not a subcommand
    assert re.findall(r"`nbgrader formgrader`", text) == ["`nbgrader formgrader`"], (
        "only the sentence that says it does not exist may name `nbgrader formgrader`")
    assert "/user/<your name>/formgrader" in text


def test_commands_run_elsewhere_are_in_the_test_that_runs_them():
    for command, (path, needle) in ELSEWHERE.items():
        assert needle in (REPO / path).read_text(encoding="utf-8"), f"{command!r}: {path} no longer has {needle!r}"


def test_every_table_entry_is_still_in_the_guide():
    commands = guide_commands()
    for table in (ELSEWHERE, NOT_HERE):
        for key in table:
            assert any(entry({key: 0}, c) for c in commands), f"{key!r} is no longer in the guide: remove it here"


def test_the_guide_has_commands_that_run_here_for_each_local_step():
    here = [c for c in guide_commands() if runs_here(c)]
    for start in ("cp -r smeai/assessments", "nbgrader generate_assignment", "smeai grade", "smeai feedback",
                  "smeai report"):
        assert any(c.startswith(start) for c in here), start


# -- the walk through the guide ---------------------------------------------------------------------

def put_downloads(cwd: Path, home: Path) -> None:
    """Section 3: the learners' notebooks, downloaded from e-mail or an LMS as
    ``<learner>_<notebook>.ipynb``: anna's answers right, bram's wrong."""
    from tests.hub.test_jupyterhub_class import answered

    release = cwd / "release" / "m01" / "m01-wat-is-ai.ipynb"
    (home / "Downloads").mkdir(parents=True, exist_ok=True)
    for learner, right in (("anna", True), ("bram", False)):
        nbformat.write(answered(nbformat.read(release, 4), right), home / "Downloads" / f"{learner}_{release.name}")


# the first command that starts with the key -> what the trainer did by hand just before it
BEFORE = {"cp ~/Downloads/": put_downloads}


@pytest.mark.slow
def test_the_guide_runs_from_top_to_bottom(tmp_path):
    clone = tmp_path / "smeai"
    shutil.copytree(REPO / "assessments", clone / "assessments", ignore=shutil.ignore_patterns(
        "release", "submitted", "autograded", "feedback", "gradebook.db", "smeai-grading", ".nbgrader.log",
        ".ipynb_checkpoints", "downloaded"))
    home = tmp_path / "home"  # the trainer's ~ for commands that name it (~/Downloads)
    home.mkdir()
    env = {**os.environ, "SMEAI_HOME": str(tmp_path / "smeai-home"), "SMEAI_LANG": "nl",
           # the guide's `nbgrader` and `smeai` are this Python's scripts
           "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    cwd, done, hooks = tmp_path, [], dict(BEFORE)
    for command in guide_commands():
        if not runs_here(command) or command in done:
            continue
        if command.startswith("cd "):
            cwd = (cwd / command[3:].strip()).resolve()
            assert cwd.is_dir(), command
            continue
        for start in [s for s in hooks if command.startswith(s)]:
            hooks.pop(start)(cwd, home)
        # Only commands that name ~ get the temporary home; the others keep the trainer's real
        # one. (As root, smeai grade's box runs the learner's Python under an unused user id; a
        # Python in a private folder such as /root/.pyenv is reachable only when that folder is
        # $HOME, which the box replaces by an open tmpfs: with HOME elsewhere every kernel dies.)
        result = subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, timeout=600,
                                env={**env, "HOME": str(home)} if "~" in command else env)
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"guide command `{command}` (in {cwd}) exited {result.returncode}:\n{output}"
        assert "Traceback" not in output, f"guide command `{command}` printed a traceback:\n{output}"
        done.append(command)

    course = tmp_path / "klas-2025-voorjaar"
    # the sed line of section 1 changed the course_id (it would silently do nothing if the kit's
    # line changed)
    assert 'course_id = "klas-2025-voorjaar"' in (course / "nbgrader_config.py").read_text()
    assert sorted(p.name for p in (course / "submitted").iterdir()) == ["anna", "bram"]  # by zip_collect
    assert (course / "smeai-grading" / "m01.json").is_file()
    assert sorted(p.parent.parent.name for p in course.glob("feedback/*/m01/*.html")) == ["anna", "bram"]
    assert (course / "smeai-grading" / "report.html").is_file()
    assert hooks == {}, f"these steps were never reached: {list(hooks)}"
