"""The machine side of the hub test (tests/hub/system.py), fast: it fails loudly where it cannot
run, never touches an account it did not make, and undoes the folder rights it changed."""

from __future__ import annotations

import os
import stat

import pytest

from tests.hub import system


def test_a_machine_without_root_or_tools_is_named_not_skipped_silently(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    monkeypatch.setattr(system.shutil, "which", lambda tool: None)
    missing = " ".join(system.missing_requirements())
    for need in ("root", "useradd", "userdel", "configurable-http-proxy"):
        assert need in missing


@pytest.mark.parametrize("ci", ["true", None])
def test_the_hub_test_fails_when_it_cannot_run_in_ci_and_elsewhere(monkeypatch, ci):
    from tests.hub import test_jupyterhub_class as hub_test

    monkeypatch.setattr(hub_test, "missing_requirements", lambda: ["root"])
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.fail.Exception, match="needs root"):
        next(hub_test.hub_class.__wrapped__())


def test_an_account_the_test_did_not_make_is_never_removed():
    # root exists on every machine and does not carry the test's mark
    with pytest.raises(system.CannotRun, match="not made by this test"):
        system.remove_leftover("root")


def test_folder_rights_are_given_only_where_missing_and_put_back(tmp_path):
    private = tmp_path / "private"
    inner = private / "inner"
    inner.mkdir(parents=True)
    private.chmod(0o700)
    machine = system.Machine()
    machine.let_everybody_reach(inner / "file")
    assert stat.S_IMODE(private.stat().st_mode) == 0o701
    assert private in machine.modes and inner not in machine.modes  # inner already had o+x
    assert machine.cleanup() == []
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
