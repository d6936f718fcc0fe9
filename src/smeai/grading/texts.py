"""The learner-facing texts of the grading tools (``locales/<lang>/grading.toml``) and the
language a notebook is written in."""

from __future__ import annotations

import re

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES
from ..i18n import t as _t

_SET_LANGUAGE = re.compile(r"""(?:set_language|start)\s*\([^)]*?["'](nl|en)["']""")


def notebook_language(nb, default: str = DEFAULT_LANGUAGE) -> str:
    """The language of a notebook: the one its setup cell chooses (``smeai.set_language("nl")``
    or ``start("01", lang="en")``), else ``default``."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            match = _SET_LANGUAGE.search(cell.get("source", ""))
            if match:
                return match.group(1)
    lang = nb.get("metadata", {}).get("smeai", {}).get("lang")
    return lang if lang in LANGUAGES else default


def t(key: str, lang: str, **params) -> str:
    """A grading text: ``t("kernel_died", "nl")`` is the catalogue key ``grading.kernel_died``."""
    return _t(f"grading.{key}", lang, **params)
