"""smeai: an open course on AI for small and medium businesses, in Jupyter.

Course notebooks open with one setup cell::

    from smeai import start, ___
    start("01", lang="nl")

Heavy libraries (scikit-learn, matplotlib, pandas) are imported only where they are needed, so
``import smeai`` and the ``smeai`` command stay fast.
"""

import logging

from .exercises.answers import ___
from .i18n import get_language, set_language
from .session import finish, start

__version__ = "0.2.0"

# A library logs; the application decides where logs go. Without this, Python's last-resort
# handler would print a check's internal error, traceback and all, under a learner's cell.
logging.getLogger(__name__).addHandler(logging.NullHandler())
__all__ = ["___", "start", "finish", "set_language", "get_language", "__version__"]
