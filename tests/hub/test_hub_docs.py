"""The hub files of the trainer guide (docs/hub/), fast: what can be checked without a cluster.

- docs/hub/jupyterhub_config.py is the file the JupyterHub class test runs (test_jupyterhub_class);
  its per-user hook gives learners the learner configuration and trainers formgrader;
- docs/hub/values.yaml (Zero to JupyterHub) parses, uses only keys of the chart's values schema,
  and carries the same hook and the same trainer files;
- the guide shows both files verbatim.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml
from traitlets.config.loader import PyFileConfigLoader

from smeai.lab import jupyter_config_dir

REPO = Path(__file__).resolve().parents[2]
HUB = REPO / "docs" / "hub"
GUIDE = REPO / "docs" / "trainer-guide.md"
BEGIN = "# --- begin: who sees what (the same in values.yaml, hub.extraConfig.smeai) ---\n"
END = "# --- end: who sees what ---"

# Every key path of values.yaml that the chart's schema defines. Checked against
# jupyterhub/zero-to-jupyterhub-k8s, jupyterhub/values.schema.yaml at commit 48ea50e (2026-07-24):
# the chart's default values merged with ours validate with no error (jsonschema, Draft 7).
# Below these, hub.config, hub.extraEnv, hub.extraConfig and singleuser.extraFiles are free-form.
Z2JH_KEYS = frozenset({
    "hub", "hub.config", "hub.extraEnv", "hub.extraConfig",
    "singleuser", "singleuser.image", "singleuser.image.name", "singleuser.image.tag", "singleuser.defaultUrl",
    "singleuser.memory", "singleuser.memory.guarantee", "singleuser.memory.limit",
    "singleuser.cpu", "singleuser.cpu.guarantee", "singleuser.cpu.limit",
    "singleuser.storage", "singleuser.storage.capacity", "singleuser.storage.extraVolumes",
    "singleuser.storage.extraVolumeMounts", "singleuser.extraFiles",
    "cull", "cull.enabled", "cull.timeout", "scheduling", "scheduling.userScheduler",
    "scheduling.userScheduler.enabled",
})
FREE_FORM = {"hub.config", "hub.extraEnv", "hub.extraConfig", "singleuser.extraFiles"}


def values() -> dict:
    return yaml.safe_load((HUB / "values.yaml").read_text(encoding="utf-8"))


def hook_block() -> str:
    text = (HUB / "jupyterhub_config.py").read_text(encoding="utf-8")
    assert BEGIN in text and END in text
    return text.split(BEGIN, 1)[1].split(END, 1)[0]


def key_paths(node: dict, prefix: str = ""):
    for key, value in node.items():
        path = f"{prefix}.{key}" if prefix else key
        yield path
        if isinstance(value, dict) and path not in FREE_FORM:
            yield from key_paths(value, path)


def guide_blocks(language: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    return [m.group(1) for m in re.finditer(rf"^```{language}\n(.*?)^```$", text, re.S | re.M)]


# -- the JupyterHub config ------------------------------------------------------------------------

class FakeUser:
    def __init__(self, name):
        self.name = name


class FakeSpawner:
    """Only what the hook touches: the user's name and the environment it fills in."""

    def __init__(self, name):
        self.user = FakeUser(name)
        self.environment = {}


@pytest.fixture
def hub_config(monkeypatch):
    # the config sets defaults in os.environ (setdefault): set and delete first, so monkeypatch
    # puts the environment back as it was afterwards
    for name in ("SMEAI_JUPYTER_CONFIG_PATH", "SMEAI_TRAINER_CONFIG_PATH", "SMEAI_TRAINERS"):
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    return PyFileConfigLoader("jupyterhub_config.py", path=str(HUB)).load_config()


def test_hub_config_runs_each_users_server_as_that_user_with_the_hubs_python(hub_config):
    assert hub_config.JupyterHub.spawner_class == "localprocess"
    assert hub_config.JupyterHub.authenticator_class == "pam"
    assert hub_config.Spawner.cmd[1:] == ["-m", "jupyterhub.singleuser"]
    assert hub_config.Authenticator.admin_users == {"trainer"}


def test_hub_config_gives_learners_the_learner_config_and_trainers_formgrader(hub_config):
    hook = hub_config.Spawner.pre_spawn_hook
    learner, trainer = FakeSpawner("anna"), FakeSpawner("trainer")
    hook(learner)
    hook(trainer)
    assert learner.environment["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(jupyter_config_dir())]
    assert trainer.environment["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [
        str(HUB / "trainer"), str(jupyter_config_dir())]


def test_trainer_config_switches_back_on_exactly_what_the_learner_config_switches_off():
    learner = json.loads((jupyter_config_dir() / "labconfig" / "page_config.json").read_text())
    trainer = json.loads((HUB / "trainer" / "labconfig" / "page_config.json").read_text())
    for key in ("disabledExtensions", "lockedExtensions"):
        assert set(trainer[key]) == set(learner[key])
        assert all(learner[key].values()) and not any(trainer[key].values())
    server = json.loads((HUB / "trainer" / "jupyter_server_config.d" / "smeai-trainer.json").read_text())
    learner_server = json.loads((jupyter_config_dir() / "jupyter_server_config.d" / "smeai.json").read_text())
    assert {k: not v for k, v in learner_server["ServerApp"]["jpserver_extensions"].items()} == \
        server["ServerApp"]["jpserver_extensions"]


# -- the Zero to JupyterHub values -------------------------------------------------------------------

def test_values_use_only_keys_of_the_charts_schema():
    unknown = sorted(set(key_paths(values())) - Z2JH_KEYS)
    assert unknown == [], f"not checked against Z2JH's values schema: {unknown}"


def test_values_carry_the_same_hook_as_the_tested_hub_config():
    assert values()["hub"]["extraConfig"]["smeai"] == hook_block()


def test_values_mount_the_same_trainer_files_and_the_exchange():
    single = values()["singleuser"]
    files = {f["mountPath"]: f for f in single["extraFiles"].values()}
    env = values()["hub"]["extraEnv"]
    trainer_root = Path(env["SMEAI_TRAINER_CONFIG_PATH"])
    for local in (HUB / "trainer").rglob("*.json"):
        mounted = files[str(trainer_root / local.relative_to(HUB / "trainer"))]
        assert mounted["data"] == json.loads(local.read_text()), local
    nbgrader = files["/etc/jupyter/nbgrader_config.py"]["stringData"]
    (mount,) = single["storage"]["extraVolumeMounts"]
    assert f'c.Exchange.root = "{mount["mountPath"]}"' in nbgrader
    assert single["memory"]["limit"] and single["cpu"]["limit"]


# -- the guide shows these files as they are ------------------------------------------------------------

def test_guide_shows_the_hub_config_verbatim():
    assert (HUB / "jupyterhub_config.py").read_text(encoding="utf-8") in guide_blocks("python"), (
        "copy docs/hub/jupyterhub_config.py into the guide's ```python block in the hub section")


def test_guide_shows_the_values_verbatim():
    assert (HUB / "values.yaml").read_text(encoding="utf-8") in guide_blocks("yaml"), (
        "copy docs/hub/values.yaml into the guide's ```yaml block in the Kubernetes section")


def test_exchange_volume_is_shared_and_is_the_one_the_values_mount():
    pvc = yaml.safe_load((HUB / "nbgrader-exchange-pvc.yaml").read_text(encoding="utf-8"))
    assert pvc["kind"] == "PersistentVolumeClaim" and pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    (volume,) = values()["singleuser"]["storage"]["extraVolumes"]
    assert volume["persistentVolumeClaim"]["claimName"] == pvc["metadata"]["name"]
    assert (HUB / "nbgrader-exchange-pvc.yaml").read_text(encoding="utf-8") in guide_blocks("yaml"), (
        "copy docs/hub/nbgrader-exchange-pvc.yaml into the guide's Kubernetes section")
