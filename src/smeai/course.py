"""The map of the course: which modules there are, in what order, and how long each takes.

Titles and learning goals are in the catalogues (``modules.<NN>.*``); this file holds only what
is the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import t


@dataclass(frozen=True)
class Module:
    number: str  # "01": the NN of the notebooks and the "m01" of exercise ids
    minutes: int  # the estimate shown at the top of the notebook

    @property
    def available(self) -> bool:
        """A module is there once its exercise definitions are (``smeai/exercises/mNN.py``)."""
        from .exercises import MODULES

        return f"m{self.number}" in MODULES

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
