"""Synthetic data for the business cases, in scikit-learn's ``make_*`` style.

One file per business case. Every generator takes keyword-only options and ``random_state``
(None, an int or a ``numpy.random.Generator``), turned into a generator once by
:func:`check_random_state`. The data looks real (Dutch places, euros, Dutch holidays, seasons)
and hides the pattern an exercise teaches under noise.
"""

from ._random import check_random_state
from .access import make_access_events
from .apples import make_apples
from .applicants import make_applicants
from .appointments import make_appointments
from .bakery import make_bakery_sales
from .emails import make_emails
from .greenhouse import make_greenhouse
from .images import make_product_images
from .invoices import make_invoices
from .sensors import make_machine_sensors
from .webshop import make_webshop_customers

__all__ = [
    "check_random_state",
    "make_access_events",
    "make_apples",
    "make_applicants",
    "make_appointments",
    "make_bakery_sales",
    "make_emails",
    "make_greenhouse",
    "make_invoices",
    "make_machine_sensors",
    "make_product_images",
    "make_webshop_customers",
]
