"""``nbgrader zip_collect`` with the kit's own assessments/nbgrader_config.py: files handed in as
<learner>_<notebook>.ipynb (loose or in a zip, in any folder) land in submitted/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = "m01-wat-is-ai.ipynb"


def test_zip_collect_puts_each_learners_notebook_in_submitted(tmp_path):
    root = tmp_path / "assessments"
    root.mkdir()
    shutil.copyfile(REPO / "assessments" / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(REPO / "assessments" / "source" / "m01", root / "source" / "m01")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter")}

    def nbgrader(*args):
        result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        return result

    nbgrader("generate_assignment", "m01", "--force")
    released = root / "release" / "m01" / NOTEBOOK
    archive = root / "downloaded" / "m01" / "archive"
    (archive / "Anna de Vries_123_assignsubmission_file_").mkdir(parents=True)
    shutil.copyfile(released, archive / "Anna de Vries_123_assignsubmission_file_" / f"anna_{NOTEBOOK}")
    with zipfile.ZipFile(archive / "groep2.zip", "w") as bundle:
        bundle.write(released, f"groep2/bram.de-wit_{NOTEBOOK}")
    result = nbgrader("zip_collect", "m01")
    for learner in ("anna", "bram.de-wit"):
        assert (root / "submitted" / learner / "m01" / NOTEBOOK).read_bytes() == released.read_bytes(), result.stderr[-3000:]
