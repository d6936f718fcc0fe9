"""Modules 02 and 03: the daily sales of Bakkerij De Korenschoof in Amersfoort.

The bakery is open Monday to Saturday and closed on Sundays. It is also closed on New Year's Day
and on both Christmas days. On the other Dutch public holidays (Easter Monday, King's Day,
Ascension Day, Whit Monday and, every fifth year, Liberation Day) it is open, with a different
day: less bread, more apple pie. Warm days sell less bread and more baguettes (for the barbecue);
rain keeps people at home. Those are the patterns modules 02 and 03 teach, with noise on top.

Besides the generator, this file makes the two small files module 02 ships in ``smeai/data``:
an Excel workbook kept by hand and a CSV export from the till, each with the data-quality
problems the exercises ask the learner to find (:func:`write_messy_sales`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from ._random import BadOption, check_option, check_random_state

BAKERY = "Bakkerij De Korenschoof, Amersfoort"

# product: (price in euros, kind, mean units on an ordinary Wednesday at 10 °C)
PRODUCTS = {
    "Volkorenbrood": (3.45, "brood", 72.0),
    "Witbrood": (2.95, "brood", 48.0),
    "Stokbrood": (1.95, "brood", 24.0),
    "Krentenbol": (0.85, "banket", 80.0),
    "Appeltaart": (14.50, "banket", 6.0),
}
# Monday .. Saturday; Sunday (6) the bakery is closed
WEEKDAY_FACTORS = {
    "Volkorenbrood": (0.92, 0.95, 1.00, 1.00, 1.12, 1.45),
    "Witbrood": (0.92, 0.95, 1.00, 1.00, 1.12, 1.45),
    "Stokbrood": (0.80, 0.85, 0.90, 0.95, 1.25, 1.60),
    "Krentenbol": (1.00, 1.00, 1.00, 1.00, 1.10, 1.30),
    "Appeltaart": (0.60, 0.70, 0.80, 0.80, 1.20, 2.00),
}
# on a public holiday the bakery is open: fewer sandwiches for work, more visiting family
HOLIDAY_FACTORS = {"Volkorenbrood": 0.70, "Witbrood": 0.70, "Stokbrood": 1.10, "Krentenbol": 1.15, "Appeltaart": 2.00}
CLOSED_HOLIDAYS = ("Nieuwjaarsdag", "Eerste Paasdag", "Eerste Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag")


def _temperature_factor(product: str, temperature_c):
    """Warm days: less bread for the table (soup and sandwiches), more baguettes for the barbecue."""
    t = np.asarray(temperature_c, dtype=float)
    if product in ("Volkorenbrood", "Witbrood"):
        return 1 - 0.013 * (t - 10)
    if product == "Stokbrood":
        return 1 + 0.06 * np.clip(t - 12, 0, None)
    if product == "Krentenbol":
        return 1 - 0.004 * (t - 10)
    return np.ones_like(t)


def _rain_factor(rain_mm):
    """Heavy rain keeps walk-in customers at home."""
    return 1 - 0.012 * np.clip(np.asarray(rain_mm, dtype=float), 0, 15)


def easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).

    Examples
    --------
    >>> easter(2024), easter(2025)
    (datetime.date(2024, 3, 31), datetime.date(2025, 4, 20))
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def dutch_holidays(year: int) -> dict[dt.date, str]:
    """The Dutch public holidays of one year, by date, with their Dutch names.

    King's Day is 27 April, or the Saturday before when 27 April is a Sunday. Liberation Day
    (5 May) is a holiday every year, but most employers give the day off only every fifth year
    (2020, 2025, 2030, ...); the bakery follows that, so it is listed only in those years.

    Examples
    --------
    >>> holidays = dutch_holidays(2025)
    >>> holidays[dt.date(2025, 4, 26)], holidays[dt.date(2025, 5, 29)]
    ('Koningsdag', 'Hemelvaartsdag')
    """
    e = easter(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day -= dt.timedelta(days=1)
    days = {
        dt.date(year, 1, 1): "Nieuwjaarsdag",
        e: "Eerste Paasdag",
        e + dt.timedelta(days=1): "Tweede Paasdag",
        kings_day: "Koningsdag",
        e + dt.timedelta(days=39): "Hemelvaartsdag",
        e + dt.timedelta(days=49): "Eerste Pinksterdag",
        e + dt.timedelta(days=50): "Tweede Pinksterdag",
        dt.date(year, 12, 25): "Eerste Kerstdag",
        dt.date(year, 12, 26): "Tweede Kerstdag",
    }
    if year % 5 == 0:
        days[dt.date(year, 5, 5)] = "Bevrijdingsdag"
    return dict(sorted(days.items()))


def _weather(dates, rng):
    """Daily mean temperature (°C) and rain (mm) in Amersfoort: seasons, spells of weather, showers."""
    doy = np.array([d.timetuple().tm_yday for d in dates], dtype=float)
    normal = 10.6 - 7.4 * np.cos(2 * np.pi * (doy - 18) / 365.25)
    anomaly = np.empty(len(dates))
    value = rng.normal(0, 3.0)
    for i in range(len(dates)):  # weather comes in spells: today looks like yesterday
        value = 0.7 * value + rng.normal(0, 2.2)
        anomaly[i] = value
    temperature = np.round(normal + anomaly, 1)
    wet = rng.random(len(dates)) < 0.48
    rain = np.where(wet, np.round(rng.gamma(0.8, 4.5, len(dates)), 1), 0.0)
    return temperature, rain


def make_bakery_sales(*, start="2024-01-01", end="2025-12-31", noise: float = 0.08, random_state=None):
    """Daily sales per product of Bakkerij De Korenschoof in Amersfoort.

    One row per open day and product. The bakery is closed on Sundays, New Year's Day and both
    Christmas days. Sales follow the weekday (Saturday is busiest, Monday quietest), Dutch public
    holidays (less bread, twice the apple pie), the temperature (warm days: less bread, more
    baguettes) and rain (fewer customers), times random day-to-day variation.

    Parameters
    ----------
    start, end : str or datetime.date, default="2024-01-01", "2025-12-31"
        First and last calendar day (both included).
    noise : float, default=0.08
        Day-to-day variation as a share of the expected sales (on top of counting noise).
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    pandas.DataFrame
        Columns ``date`` (datetime64), ``weekday`` (int, 0 = Monday .. 5 = Saturday),
        ``holiday`` (str: the Dutch name of the public holiday, "" on other days),
        ``temperature_c`` (float, daily mean in °C), ``rain_mm`` (float),
        ``product`` (str, one of :data:`PRODUCTS`), ``units`` (int, pieces sold),
        ``price_eur`` (float) and ``revenue_eur`` (float).

    Examples
    --------
    >>> from smeai.datasets.bakery import make_bakery_sales
    >>> sales = make_bakery_sales(start="2025-01-01", end="2025-01-31", random_state=0)
    >>> sales.shape
    (130, 9)
    >>> sorted(sales["product"].unique())
    ['Appeltaart', 'Krentenbol', 'Stokbrood', 'Volkorenbrood', 'Witbrood']
    >>> int((sales["date"].dt.day_of_week == 6).sum())  # closed on Sundays
    0
    """
    import pandas as pd

    try:
        first, last = pd.Timestamp(start).date(), pd.Timestamp(end).date()
    except (TypeError, ValueError) as error:
        raise BadOption(f"start and end must be dates like '2024-01-01': {error}") from None
    if last < first:
        raise BadOption(f"end ({last}) comes before start ({first})")
    noise = check_option(noise, "noise", low=0, high=1, closed="left")
    rng = check_random_state(random_state)

    calendar = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    temperature, rain = _weather(calendar, rng)
    holidays = {}
    for year in range(first.year, last.year + 1):
        holidays.update(dutch_holidays(year))
    names = [holidays.get(d, "") for d in calendar]
    is_open = np.array([d.weekday() != 6 and name not in CLOSED_HOLIDAYS for d, name in zip(calendar, names)])
    days = [d for d, o in zip(calendar, is_open) if o]
    temperature, rain = temperature[is_open], rain[is_open]
    names = [n for n, o in zip(names, is_open) if o]
    weekday = np.array([d.weekday() for d in days])
    holiday = np.array([n != "" for n in names])

    columns = {k: [] for k in ("date", "weekday", "holiday", "temperature_c", "rain_mm", "product", "units", "price_eur")}
    n = len(days)
    per_product = {}
    for product, (price, _, base) in PRODUCTS.items():
        expected = (
            base
            * np.asarray(WEEKDAY_FACTORS[product])[weekday]
            * np.where(holiday, HOLIDAY_FACTORS[product], 1.0)
            * _temperature_factor(product, temperature)
            * _rain_factor(rain)
        )
        expected = expected * rng.lognormal(0, noise, n) if noise else expected
        per_product[product] = rng.poisson(np.clip(expected, 0, None))
    for i in range(n):  # one row per day and product, days in order
        for product, (price, _, _) in PRODUCTS.items():
            columns["date"].append(days[i])
            columns["weekday"].append(int(weekday[i]))
            columns["holiday"].append(names[i])
            columns["temperature_c"].append(float(temperature[i]))
            columns["rain_mm"].append(float(rain[i]))
            columns["product"].append(product)
            columns["units"].append(int(per_product[product][i]))
            columns["price_eur"].append(price)
    table = pd.DataFrame(columns)
    table["date"] = pd.to_datetime(table["date"])
    table["revenue_eur"] = (table["units"] * table["price_eur"]).round(2)
    return table


# -- the files module 02 ships, with their problems --------------------------------------------

WORKBOOK = "korenschoof_verkoop.xlsx"  # kept by hand: sheet "verkoop" (sales) and "producten"
TILL_CSV = "korenschoof_kassa.csv"  # the till's export of daily totals, in Dutch number format
MESSY_SEED = 2025
MESSY_PERIOD = ("2025-01-01", "2025-03-31")

# The problems, at fixed places, so that a test can pin exactly what the exercises rely on.
# Dates typed as text instead of entered as dates (day first, as Dutch people write them)
TEXT_DATES = {
    "2025-01-07": "07-01-2025",
    "2025-01-14": "14-01-2025",
    "2025-02-03": "3-2-2025",
    "2025-02-11": "11/02/2025",
    "2025-02-18": "18-02-2025",
    "2025-03-04": "04-03-2025",
    "2025-03-10": "10-3-2025",
}
# Product names mistyped on these days
TYPOS = {
    ("2025-01-09", "Volkorenbrood"): "volkorenbrood",
    ("2025-01-10", "Volkorenbrood"): "volkorenbrood",
    ("2025-01-11", "Volkorenbrood"): "volkorenbrood",
    ("2025-02-25", "Volkorenbrood"): "volkorenbrood",
    ("2025-01-28", "Volkorenbrood"): "Volkoren brood",
    ("2025-01-29", "Volkorenbrood"): "Volkoren brood",
    ("2025-03-19", "Volkorenbrood"): "Volkoren brood",
    ("2025-02-06", "Witbrood"): "Witbrod",
    ("2025-02-07", "Witbrood"): "Witbrod",
    ("2025-03-22", "Witbrood"): "Witbrod",
    ("2025-03-12", "Krentenbol"): "Krentebol",
    ("2025-03-13", "Krentenbol"): "Krentebol",
}
SICK_DAY = "2025-02-20"  # nothing typed in that day: all products empty
MISSING_ONE = ("2025-03-15", "Appeltaart")  # one more empty cell
OUTLIER = ("2025-01-21", "Volkorenbrood")  # typed with one zero too many
NOTES = {
    ("2025-01-22", "Volkorenbrood"): "oven 2 kapot, minder gebakken",
    ("2025-02-01", "Volkorenbrood"): "markt op de Hof",
    ("2025-02-15", "Volkorenbrood"): "markt op de Hof",
    (SICK_DAY, "Volkorenbrood"): "ziek, niet ingevuld",
    ("2025-03-01", "Krentenbol"): "actie: 6 halen, 5 betalen",
    ("2025-03-08", "Volkorenbrood"): "markt op de Hof",
    ("2025-03-26", "Stokbrood"): "veel regen",
}


def _messy_source(random_state=MESSY_SEED):
    """The true sales behind the shipped files: three months of 2025."""
    return make_bakery_sales(start=MESSY_PERIOD[0], end=MESSY_PERIOD[1], random_state=random_state)


def messy_truth(random_state=MESSY_SEED):
    """What the shipped workbook would hold without its problems (for tests and checks):
    columns ``datum`` (datetime64), ``product``, ``aantal`` (true pieces sold), ``prijs_eur``."""
    source = _messy_source(random_state)
    return source.rename(columns={"date": "datum", "units": "aantal", "price_eur": "prijs_eur"})[["datum", "product", "aantal", "prijs_eur"]]


def write_messy_sales(folder, *, random_state=MESSY_SEED) -> dict[str, Path]:
    """Write the two files of module 02 into ``folder``, with their deliberate problems.

    - ``korenschoof_verkoop.xlsx``, the owner's hand-kept workbook. Sheet ``verkoop``: one row per
      day and product (``datum``, ``product``, ``aantal``, ``prijs_eur``, ``opmerking``). Its
      problems: 6 empty cells in ``aantal`` (a sick day and one forgotten cell), one number typed
      with a zero too many, four misspelled product names, and some dates typed as text in
      different day-first formats. Sheet ``producten``: the five products, spelled right.
    - ``korenschoof_kassa.csv``, the till's daily totals (``datum``, ``klanten``, ``omzet_eur``),
      in the Dutch number format: fields separated by ``;`` and a decimal comma.

    Parameters
    ----------
    folder : str or pathlib.Path
        Where to write the files (created if needed).
    random_state : None, int or numpy.random.Generator, default=2025
        Seed of the sales behind the files; the default makes the files that ship.

    Returns
    -------
    dict
        File name -> path written.

    Examples
    --------
    >>> import tempfile
    >>> paths = write_messy_sales(tempfile.mkdtemp())
    >>> sorted(paths)
    ['korenschoof_kassa.csv', 'korenschoof_verkoop.xlsx']
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = check_random_state(random_state)
    source = _messy_source(rng)

    # -- the workbook -------------------------------------------------------------------------
    book = Workbook()
    sheet = book.active
    sheet.title = "verkoop"
    header = ("datum", "product", "aantal", "prijs_eur", "opmerking")
    sheet.append(header)
    for row in source.itertuples(index=False):
        day = row.date.date()
        key = (day.isoformat(), row.product)
        date_cell = TEXT_DATES.get(day.isoformat(), day)
        units = row.units
        if day.isoformat() == SICK_DAY or key == MISSING_ONE:
            units = None
        elif key == OUTLIER:
            units = row.units * 10
        sheet.append((date_cell, TYPOS.get(key, row.product), units, row.price_eur, NOTES.get(key)))
    for cells in sheet.iter_rows(min_row=2, max_col=1):
        if isinstance(cells[0].value, dt.datetime):
            cells[0].number_format = "dd-mm-yyyy"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDE", (12, 16, 8, 10, 32)):
        sheet.column_dimensions[letter].width = width
    products = book.create_sheet("producten")
    products.append(("product", "soort", "prijs_eur"))
    for name, (price, kind, _) in PRODUCTS.items():
        products.append((name, kind, price))
    for cell in products[1]:
        cell.font = Font(bold=True)
    book.properties.creator = BAKERY
    book.properties.created = book.properties.modified = dt.datetime(2025, 4, 1, 8, 0)
    paths = {WORKBOOK: folder / WORKBOOK, TILL_CSV: folder / TILL_CSV}
    book.save(paths[WORKBOOK])

    # -- the till's CSV ---------------------------------------------------------------------------
    daily = source.groupby("date", sort=True)["revenue_eur"].sum().round(2)
    receipt = rng.normal(6.9, 0.35, len(daily))  # euros per customer, varies a little per day
    customers = np.round(daily.to_numpy() / receipt).astype(int)
    lines = ["datum;klanten;omzet_eur"]
    for (day, revenue), count in zip(daily.items(), customers):
        lines.append(f"{day:%d-%m-%Y};{count};{revenue:.2f}".replace(".", ","))
    paths[TILL_CSV].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def shipped_path(name: str) -> Path:
    """The path of a file that ships with smeai (``smeai/data/<name>``), wherever it is installed.

    Examples
    --------
    >>> shipped_path("korenschoof_kassa.csv").name
    'korenschoof_kassa.csv'
    """
    from importlib import resources

    path = Path(str(resources.files("smeai") / "data" / name))
    if not path.is_file():
        available = sorted(p.name for p in path.parent.iterdir() if p.is_file() and not p.name.startswith("_")) if path.parent.is_dir() else []
        raise FileNotFoundError(f"smeai has no data file {name!r}; it has: {', '.join(available) or 'none'}")
    return path
