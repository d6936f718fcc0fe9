"""Shared fixtures: every test gets its own, empty learner folder (SMEAI_HOME) and Dutch as the
language, so no test reads or writes a real learner's progress."""

from __future__ import annotations

import os

import pytest

# A catalogue text whose {field} the code does not fill fails the test (never shown to a learner
# as "{caught}"). Set before smeai is imported; kernels the tests start inherit it.
os.environ["SMEAI_STRICT_I18N"] = "1"

from smeai import i18n, kernel_poll  # noqa: E402 - after the environment is set

# nbclient's waits for kernel messages sometimes miss a wake-up until their timeout (see
# smeai.kernel_poll); every notebook this suite runs in-process waits in one-second slices.
kernel_poll.apply()


@pytest.fixture(autouse=True)
def learner_home(tmp_path, monkeypatch):
    home = tmp_path / "smeai-home"
    monkeypatch.setenv("SMEAI_HOME", str(home))
    previous = i18n.get_language()
    i18n.set_language("nl")
    yield home
    i18n.set_language(previous)
