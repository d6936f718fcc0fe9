"""Every text a learner reads, in Dutch (``nl``, the default) and English (``en``).

The texts live in TOML catalogues under ``smeai/locales/<lang>/``, one file per topic, so that a
translator edits one readable file and a test can hold both languages to the same keys.
Nested tables become dotted keys: ``[m01.q2] hints = [...]`` is the key ``m01.q2.hints``.
"""

from __future__ import annotations

import math
import numbers
import os
import tomllib
from functools import cache
from importlib import resources

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_current = os.environ.get("SMEAI_LANG", DEFAULT_LANGUAGE)
if _current not in LANGUAGES:
    _current = DEFAULT_LANGUAGE


def set_language(lang: str) -> str:
    """Choose the language of every message from now on; returns the language set."""
    global _current
    lang = str(lang).strip().lower()
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    _current = lang
    return lang


def get_language() -> str:
    return _current


def _flatten(table: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, full + "."))
        else:
            flat[full] = value
    return flat


@cache
def catalogue(lang: str) -> dict:
    """All keys of one language, flattened, read once per process."""
    folder = resources.files("smeai") / "locales" / lang
    merged: dict = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            merged.update(_flatten(tomllib.loads(entry.read_text(encoding="utf-8"))))
    return merged


def format_number(value, lang: str | None = None, digits: int = 3) -> str:
    """A number as a learner writes it: ``3,5`` in Dutch, ``3.5`` in English."""
    lang = lang or _current
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return str(value)
    if isinstance(value, numbers.Integral) or (math.isfinite(value) and float(value).is_integer()):
        text = f"{int(value):,}"
    else:
        text = f"{float(value):,.{digits}f}".rstrip("0").rstrip(".")
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _localise(value, lang):
    return format_number(value, lang) if isinstance(value, numbers.Real) and not isinstance(value, bool) else value


def describe_kind(type_name: str, lang: str | None = None) -> str:
    """A Python type in everyday words ("int" → "heel getal"), for messages about wrong answers."""
    words = catalogue(lang or _current).get(f"kinds.{type_name}")
    return words if isinstance(words, str) else type_name


def lookup(key: str, lang: str | None = None):
    """The raw catalogue value (a string or a list); falls back to English, then to the key."""
    lang = lang or _current
    for candidate in (lang, "en"):
        value = catalogue(candidate).get(key)
        if value is not None:
            return value
    return key


def t(key: str, lang: str | None = None, **params) -> str:
    """The text for ``key`` in the current language, with ``{name}`` fields filled in.

    Numbers are written the learner's way (a decimal comma in Dutch). A field the text names but
    the caller did not give is left as written for a learner (a message is better than none),
    but raises :class:`MissingField` when ``SMEAI_STRICT_I18N=1`` (the test suite sets it), so a
    renamed field fails a test instead of showing ``{caught}`` to a learner.
    """
    lang = lang or _current
    text = lookup(key, lang)
    if isinstance(text, list):
        text = "\n".join(text)
    return fill(text, lang, key, **params)


def fill(text: str, lang: str | None = None, key: str = "", /, **params) -> str:
    """``text`` with its ``{name}`` fields filled from ``params``, numbers the learner's way."""
    if not params:
        return text
    lang = lang or _current
    try:
        return text.format(**{name: _localise(value, lang) for name, value in params.items()})
    except (KeyError, IndexError, ValueError) as error:
        if strict():
            raise MissingField(f"catalogue text {key or text[:40]!r} ({lang}) cannot be filled: {error!r}") from None
        return text


class MissingField(KeyError):
    """A catalogue text names a field the caller did not give (raised only in strict mode)."""


def strict() -> bool:
    """Whether a text with a missing field raises (``SMEAI_STRICT_I18N=1``, set by the tests)."""
    return os.environ.get("SMEAI_STRICT_I18N") == "1"
