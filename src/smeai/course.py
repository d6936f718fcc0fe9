"""The map of the course: which modules there are, in what order, and how long each takes.

Titles and learning goals are in the catalogues (``modules.<NN>.*``); this file holds only what
is the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .i18n import t

_PACKAGE = Path(__file__).parent


@dataclass(frozen=True)
class Module:
    number: str  # "01": the NN of the notebooks and the "m01" of exercise ids
    minutes: int  # the estimate shown at the top of the notebook

    @property
    def available(self) -> bool:
        """A module is there once its package is (``smeai/modules/mNN/``)."""
        return (_PACKAGE / "modules" / f"m{self.number}" / "__init__.py").is_file()

    @property
    def title(self) -> str:
        return t(f"modules.m{self.number}.title")

    @property
    def summary(self) -> str:
        return t(f"modules.m{self.number}.summary")


MODULES = (
    Module("00", 25),
    Module("01", 45),
    Module("02", 130),
    Module("03", 130),
    Module("04", 130),
    Module("05", 60),
    Module("06", 85),
    Module("07", 75),
    Module("08", 130),
    Module("09", 100),
)


def module(number: str) -> Module:
    number = str(number).removeprefix("m").zfill(2)
    for candidate in MODULES:
        if candidate.number == number:
            return candidate
    raise ValueError(f"there is no module {number!r}; modules are {', '.join(m.number for m in MODULES)}")
