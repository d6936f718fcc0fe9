"""JupyterHub for a smeai class on one machine: local accounts, each learner's server runs as
that learner, nbgrader's exchange for release and collect (trainer guide, section 9).

Start it as root in a folder of its own (it keeps its database and cookie secret there):

    jupyterhub -f /path/to/docs/hub/jupyterhub_config.py

tests/hub/test_jupyterhub_class.py starts JupyterHub with this very file (ports and folders
given on its command line, which wins over this file). Kubernetes: values.yaml in this folder,
whose hub.extraConfig holds the block marked below, word for word (a test checks it).
"""

import os
import sys
from pathlib import Path

from smeai.lab import jupyter_config_dir

c = get_config()  # noqa: F821 (JupyterHub provides get_config when it loads this file)

# -- where the hub listens ---------------------------------------------------------------------
# Put a TLS proxy (nginx, caddy) in front, or set c.JupyterHub.ssl_cert and ssl_key.
c.JupyterHub.bind_url = "http://:8000"

# -- who logs in ---------------------------------------------------------------------------------
# The machine's own accounts (PAM): create one per learner (`useradd -m -K HOME_MODE=0700 anna`,
# so nobody reads another's folder), and one for the trainer.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allow_all = True  # every account on this machine; narrow with allowed_users

# -- each learner's server, as that learner ------------------------------------------------------
c.JupyterHub.spawner_class = "localprocess"
# the hub's own Python (smeai, nbgrader and JupyterLab are installed there for everybody)
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 60

# The Jupyter configuration folders, before the user's own: every learner gets smeai's learner
# configuration (formgrader and create-assignment hidden, the Assignments tab kept); trainers get
# docs/hub/trainer/ in front of it, which switches formgrader back on. Add the class's nbgrader
# settings folder if they are not in /etc/jupyter/nbgrader_config.py (which is always read).
os.environ.setdefault("SMEAI_JUPYTER_CONFIG_PATH", str(jupyter_config_dir()))
os.environ.setdefault("SMEAI_TRAINER_CONFIG_PATH", str(Path(__file__).resolve().parent / "trainer"))

# --- begin: who sees what (the same in values.yaml, hub.extraConfig.smeai) ---
import os  # noqa: E402 (the block stands alone in values.yaml)

TRAINERS = set(os.environ.get("SMEAI_TRAINERS", "trainer").split())


def smeai_jupyter_config(spawner):
    """Learners get the learner configuration; trainers get the trainer configuration in front."""
    folders = os.environ.get("SMEAI_JUPYTER_CONFIG_PATH", "").split(os.pathsep)
    if spawner.user.name in TRAINERS:
        folders = os.environ.get("SMEAI_TRAINER_CONFIG_PATH", "").split(os.pathsep) + folders
    spawner.environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join(f for f in folders if f)


c.Spawner.pre_spawn_hook = smeai_jupyter_config
c.Authenticator.admin_users = TRAINERS
# --- end: who sees what ---
