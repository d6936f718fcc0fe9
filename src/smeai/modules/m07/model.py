"""Module 07's data model and answer key: a camera that inspects washers, sensors that warn
before a breakdown, and badge events that look unusual.

Plain functions on fixed data, made once and cached: the image model is trained once per
training size, the anomaly scores are computed once. Widget callbacks only count, threshold and
redraw one small figure. No widgets and no plotting here (see ``figures`` and ``widgets``).
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pandas as pd
from scipy import ndimage
from sklearn.ensemble import IsolationForest
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from ...datasets.access import make_access_events
from ...datasets.images import LABELS, make_product_images
from ...datasets.sensors import SENSORS, make_machine_sensors
from ...i18n import t

__all__ = [
    "ACCESS_SEED", "BASELINE_DAYS", "COOLDOWN_HOURS", "COST_FALSE", "COST_MISSED",
    "ERROR_KINDS", "GRID_COLUMNS", "GRID_ROWS", "IMAGES_SEED", "IMAGE_SIZE", "N_IMAGES",
    "READ_THRESHOLD", "REASONS", "SCORE_LIMITS", "SENSOR_CHOICES", "SENSOR_SEED",
    "SMOOTH_HOURS", "START_THRESHOLD", "TEST_SIZE", "THRESHOLD_RANGE", "THRESHOLD_STEP",
    "TOP_UNUSUAL", "TRAIN_SIZES", "WARNING_DAYS", "access_events", "access_feature_matrix",
    "access_features", "access_scores", "alarm_cost", "alarm_hours", "alarm_summary",
    "anomaly_scores", "best_threshold", "cheap_enough", "confusion", "error_masks", "failure_hours",
    "good_thresholds", "image_model", "image_results", "judge_alarms", "label_name", "machine_sensors",
    "most_unusual", "most_unusual_indices", "new_images", "numbers", "predictions", "product_images",
    "reasons", "ring_features", "rolling_zscore", "slider_thresholds", "true_labels",
]

# -- images: quality inspection of washers --------------------------------------------------------

IMAGES_SEED = 22
N_IMAGES = 600
TEST_SIZE = 200  # the last 200 pictures are the "new" washers the model is judged on
TRAIN_SIZES = (50, 100, 200, 400)
IMAGE_SIZE = 64  # at 24 px the drawn defects are too small: the model gets fewer right
ERROR_KINDS = ("all", "missed", "false_reject", "wrong_kind")
GRID_COLUMNS = 6
GRID_ROWS = 3


@cache
def product_images():
    """The 600 washer pictures and their labels: the first 400 to learn from, the last 200 to test."""
    images, labels = make_product_images(N_IMAGES, image_size=IMAGE_SIZE, random_state=IMAGES_SEED)
    images.setflags(write=False)
    labels.setflags(write=False)
    return images, labels


def ring_features(images) -> np.ndarray:
    """What the model looks at: the washer straightened out, ring by ring.

    The model first finds the middle of the washer, then reads the brightness along 12 circles
    around it, and keeps for each circle its darkest, dark and typical values (relative to the
    washer's own brightness). So it does not matter where the washer lies, how it is turned or
    how bright the light is; a dark scratch, crack or stain, or a missing hole, still shows.
    """
    images = np.asarray(images, dtype=float)
    n, size, _ = images.shape
    radii = np.linspace(0, size / 2 * 0.95, 12)
    angles = np.linspace(0, 2 * np.pi, 36, endpoint=False)
    # all pictures in one call each (a learner waits for this at 64 pixels): the structure has no
    # neighbours across pictures, so each picture's holes are filled on their own
    in_plane = np.zeros((3, 3, 3), dtype=bool)
    in_plane[1] = ndimage.generate_binary_structure(2, 1)
    middle = (images.max(axis=(1, 2)) + images.min(axis=(1, 2))) / 2
    washer = ndimage.binary_fill_holes(images > middle[:, None, None], structure=in_plane)
    mass = washer.sum(axis=(1, 2))
    grid = np.arange(size, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        cy = np.where(mass > 0, (washer.sum(axis=2) * grid).sum(axis=1) / mass, size / 2)
        cx = np.where(mass > 0, (washer.sum(axis=1) * grid).sum(axis=1) / mass, size / 2)
    rows = cy[:, None, None] + np.outer(radii, np.sin(angles))
    cols = cx[:, None, None] + np.outer(radii, np.cos(angles))
    picture = np.broadcast_to(np.arange(n, dtype=float)[:, None, None], rows.shape)
    circles = ndimage.map_coordinates(images, [picture, rows, cols], order=1, mode="nearest")
    circles /= np.maximum(np.median(circles[:, 5:9], axis=(1, 2)), 1e-3)[:, None, None]  # the ring's own brightness
    quantiles = np.quantile(circles, [0, 0.05, 0.1, 0.25, 0.5], axis=2)  # (5, n, 12)
    return quantiles.transpose(1, 0, 2).reshape(n, -1)


@cache
def _features():
    features = ring_features(product_images()[0])
    features.setflags(write=False)
    return features


@cache
def image_model(n_train: int):
    """The model after learning from the first ``n_train`` labelled pictures."""
    n_train = _train_size(n_train)
    labels = product_images()[1]
    model = make_pipeline(StandardScaler(), SVC(C=10))
    model.fit(_features()[:n_train], labels[:n_train])
    return model


def _train_size(n_train) -> int:
    if n_train not in TRAIN_SIZES:
        raise ValueError(f"n_train must be one of {TRAIN_SIZES}, not {n_train!r}")
    return int(n_train)


@cache
def predictions(n_train: int) -> np.ndarray:
    """What the model says about each of the 200 new washers."""
    predicted = image_model(_train_size(n_train)).predict(_features()[-TEST_SIZE:])
    predicted.setflags(write=False)
    return predicted


def true_labels() -> np.ndarray:
    """The inspectors' labels of the 200 new washers."""
    return product_images()[1][-TEST_SIZE:]


def new_images() -> np.ndarray:
    """The pictures of the 200 new washers."""
    return product_images()[0][-TEST_SIZE:]


def error_masks(n_train: int) -> dict[str, np.ndarray]:
    """Per kind of error, which of the 200 new washers it applies to.

    ``missed``: a defect the model calls good (the washer goes to the customer);
    ``false_reject``: a good washer the model rejects (thrown away for nothing);
    ``wrong_kind``: a defect found, but named as another defect.
    """
    truth, predicted = true_labels(), predictions(n_train)
    missed = (truth != "ok") & (predicted == "ok")
    false_reject = (truth == "ok") & (predicted != "ok")
    wrong_kind = (truth != "ok") & (predicted != "ok") & (predicted != truth)
    return {"all": predicted != truth, "missed": missed, "false_reject": false_reject, "wrong_kind": wrong_kind}


def image_results(n_train: int) -> dict:
    """Counts for the 200 new washers: right, each kind of error, and the share right in %."""
    masks = error_masks(n_train)
    total = TEST_SIZE
    right = total - int(masks["all"].sum())
    return {
        "n_train": int(n_train),
        "total": total,
        "right": right,
        "pct": round(100 * right / total, 1),
        "errors": int(masks["all"].sum()),
        "missed": int(masks["missed"].sum()),
        "false_reject": int(masks["false_reject"].sum()),
        "wrong_kind": int(masks["wrong_kind"].sum()),
        "defects": int((true_labels() != "ok").sum()),
    }


def confusion(n_train: int):
    """A table: true label (rows) against the model's label (columns), counts of new washers."""
    return pd.crosstab(
        pd.Categorical(true_labels(), categories=LABELS),
        pd.Categorical(predictions(n_train), categories=LABELS),
        rownames=["true"], colnames=["predicted"], dropna=False,
    )


def label_name(label: str) -> str:
    return t(f"m07.explore.label.{label}")


# -- sensors: warning before a breakdown ---------------------------------------------------------

SENSOR_SEED = 48
SENSOR_CHOICES = ("all", "vibration_mm_s", "temperature_c", "current_a")
SMOOTH_HOURS = 12  # the score compares the last 12 hours ...
BASELINE_DAYS = 14  # ... with the 14 days before them
WARNING_DAYS = 7  # an alarm in the 7 days before a breakdown counts as "in time"
COOLDOWN_HOURS = 24  # after an alarm the technician comes; new alarms within a day are the same one
COST_MISSED = 10_000  # € for a breakdown nobody saw coming
COST_FALSE = 400  # € for a false alarm: a technician checks, the line stops for a while
THRESHOLD_RANGE = (0.5, 6.0)
START_THRESHOLD = 5.0  # the slider starts too high: few alarms, most breakdowns missed
SCORE_LIMITS = (-3, 8)  # the plot shows scores in this range
THRESHOLD_STEP = 0.25
READ_THRESHOLD = 1.5  # exercise 3: the alarm level the learner sets on the slider to read off


@cache
def machine_sensors():
    """180 days of hourly readings from the packaging machine, with its breakdowns."""
    return make_machine_sensors(random_state=SENSOR_SEED)


@cache
def failure_hours() -> np.ndarray:
    hours = np.flatnonzero(machine_sensors().failure.to_numpy())
    hours.setflags(write=False)
    return hours


def rolling_zscore(values, *, smooth: int = SMOOTH_HOURS, baseline_days: int = BASELINE_DAYS) -> np.ndarray:
    """How unusual the last ``smooth`` hours are compared with the ``baseline_days`` before them.

    The score is the number of "normal swings" (standard deviations) that the recent average lies
    above the average of the days before: 0 is normal, 3 is far above normal. The first days,
    without enough history, get no score (NaN).
    """
    series = pd.Series(np.asarray(values, dtype=float))
    recent = series.rolling(smooth, min_periods=1).mean()
    before = series.shift(smooth)
    window = baseline_days * 24
    mean = before.rolling(window, min_periods=window // 2).mean()
    spread = before.rolling(window, min_periods=window // 2).std()
    return ((recent - mean) / spread).to_numpy()


@cache
def anomaly_scores(which: str = "all") -> np.ndarray:
    """The hourly anomaly score of one sensor, or of all three (then the highest of the three)."""
    if which not in SENSOR_CHOICES:
        raise ValueError(f"which must be one of {SENSOR_CHOICES}, not {which!r}")
    data = machine_sensors()
    if which == "all":
        scores = np.vstack([anomaly_scores(name) for name in SENSORS])
        score = np.where(np.isnan(scores).all(axis=0), np.nan, np.nanmax(np.nan_to_num(scores, nan=-np.inf), axis=0))
    else:
        score = rolling_zscore(data[which].to_numpy())
    score.setflags(write=False)
    return score


def alarm_hours(threshold: float, which: str = "all") -> np.ndarray:
    """The hours at which an alarm goes off: the score reaches the threshold, and there was no
    alarm and no breakdown in the day before (the technician is already on it)."""
    score = anomaly_scores(which)
    above = np.flatnonzero(np.nan_to_num(score, nan=-np.inf) >= threshold)
    failures = failure_hours()
    alarms = []
    last = -COOLDOWN_HOURS
    for hour in above:
        repaired = failures[failures <= hour]
        since_failure = hour - repaired[-1] if repaired.size else COOLDOWN_HOURS
        if hour - last >= COOLDOWN_HOURS and since_failure >= COOLDOWN_HOURS:
            alarms.append(hour)
            last = hour
    return np.asarray(alarms, dtype=int)


def alarm_summary(threshold: float, which: str = "all") -> dict:
    """Breakdowns seen in time and missed, false alarms, and what it all costs in euros."""
    alarms = alarm_hours(threshold, which)
    failures = failure_hours()
    in_time, caught = judge_alarms(alarms)
    missed = int(failures.size - caught)
    false_alarms = int((~in_time).sum())
    return {
        "threshold": float(threshold),
        "which": which,
        "failures": int(failures.size),
        "alarms": int(alarms.size),
        "caught": int(caught),
        "missed": missed,
        "false_alarms": false_alarms,
        "cost_missed": missed * COST_MISSED,
        "cost_false": false_alarms * COST_FALSE,
        "cost": alarm_cost(missed, false_alarms),
    }


def judge_alarms(alarms):
    """Which alarms came in time (in the week before a breakdown), and how many breakdowns had one."""
    in_time = np.zeros(alarms.size, dtype=bool)
    caught = 0
    for hour in failure_hours():
        warned = (alarms < hour) & (alarms >= hour - WARNING_DAYS * 24)
        in_time |= warned
        caught += bool(warned.any())
    return in_time, caught


def alarm_cost(missed: int, false_alarms: int) -> int:
    """What the alarm level costs: each missed breakdown and each false alarm, in euros."""
    return int(missed * COST_MISSED + false_alarms * COST_FALSE)


def slider_thresholds() -> np.ndarray:
    low, high = THRESHOLD_RANGE
    return np.round(np.arange(low, high + THRESHOLD_STEP / 2, THRESHOLD_STEP), 2)


@cache
def best_threshold(which: str = "all") -> dict:
    """The slider value with the lowest cost (the lowest such value if several tie)."""
    return min((alarm_summary(float(x), which) for x in slider_thresholds()), key=lambda s: (s["cost"], s["threshold"]))


def cheap_enough(summary: dict) -> bool:
    """Exercise 5's answer key: the cheapest alarm level, or no more than one false alarm dearer."""
    return summary["cost"] <= best_threshold(summary["which"])["cost"] + COST_FALSE


def good_thresholds(which: str = "all") -> list[float]:
    """The slider values that exercise 5 accepts, lowest first."""
    return [float(x) for x in slider_thresholds() if cheap_enough(alarm_summary(float(x), which))]


def numbers() -> dict:
    """The numbers module 07's texts state, by the names the catalogues use (``{missed_400}``).
    A ``_py`` name is the same number as Python code writes it, for the solutions' code lines."""
    read, best, good = alarm_summary(READ_THRESHOLD), best_threshold(), good_thresholds()
    return {
        "missed_400": image_results(TRAIN_SIZES[-1])["missed"],
        "false_alarms_read": read["false_alarms"], "read_level": READ_THRESHOLD,
        "best_level_py": repr(best["threshold"]), "best_caught": best["caught"], "failures": best["failures"],
        "best_false_alarms": best["false_alarms"], "best_cost": best["cost"],
        "good_low_py": repr(good[0]), "good_high_py": repr(good[-1]),
        # the hint's range to try: the accepted window, widened to half points
        "try_low": math.floor(good[0] * 2) / 2 - 0.5, "try_high": math.ceil(good[-1] * 2) / 2,
    }


# -- access events: unusual badge use -----------------------------------------------------------

ACCESS_SEED = 5
TOP_UNUSUAL = 10


@cache
def access_events():
    return make_access_events(random_state=ACCESS_SEED)


def access_features(events) -> np.ndarray:
    """What the model looks at for each badge event: the time of day, night or not, weekend or
    not, refused or not, refusals in a row, how often this badge uses this door, and how far the
    time is from this badge's usual time."""
    hour = events.time.dt.hour.to_numpy() + events.time.dt.minute.to_numpy() / 60
    night = ((hour < 5) | (hour >= 23)).astype(float)
    weekend = (events.time.dt.day_of_week >= 5).to_numpy().astype(float)
    refused = (~events.granted.to_numpy()).astype(float)
    door_share = _door_share(events)
    usual_hour = events.assign(h=hour).groupby("badge").h.transform("median").to_numpy()
    hour_gap = np.abs(((hour - usual_hour) + 12) % 24 - 12)
    # refusals of the same badge in the quarter of an hour before: one slip is normal, a series is not
    minutes = (events.time - events.time.min()).dt.total_seconds().to_numpy() / 60
    series = np.zeros(len(events))
    for index in events.groupby("badge").indices.values():
        when, no = minutes[index], refused[index]
        for k, i in enumerate(index):
            series[i] = no[(when > when[k] - 15) & (when <= when[k])].sum()
    return np.column_stack([hour / 24, night, weekend, refused, np.minimum(series, 3) / 3, 1 - door_share, hour_gap / 12])


def _door_share(events) -> np.ndarray:
    """For each event: the share of this badge's events that are at this door."""
    per_badge = events.groupby("badge").door.transform("size").to_numpy()
    same_door = events.groupby(["badge", "door"]).door.transform("size").to_numpy()
    return same_door / per_badge


@cache
def access_feature_matrix() -> np.ndarray:
    features = access_features(access_events())
    features.setflags(write=False)
    return features


@cache
def access_scores() -> np.ndarray:
    """How unusual each badge event is (higher is more unusual), from an isolation forest: a
    model that learns what is normal from all events, and then isolates the odd ones out."""
    features = access_feature_matrix()
    forest = IsolationForest(n_estimators=200, random_state=0).fit(features)
    scores = -forest.score_samples(features)
    scores.setflags(write=False)
    return scores


REASONS = ("night", "weekend", "refused_series", "refused", "rare_door")


def reasons(features) -> list[str]:
    """What stands out about one event, in words, from its row of ``access_features`` (the model
    gives a score, not a reason; these are the features that are unusual)."""
    _, night, weekend, refused, series, other_doors, _ = features
    found = []
    if night:
        found.append("night")
    if weekend:
        found.append("weekend")
    if series >= 2 / 3:
        found.append("refused_series")
    elif refused:
        found.append("refused")
    if other_doors > 0.95:
        found.append("rare_door")
    return found


def most_unusual_indices(n: int = TOP_UNUSUAL) -> np.ndarray:
    """The positions of the ``n`` most unusual badge events, most unusual first."""
    return np.argsort(-access_scores(), kind="stable")[:n]


def most_unusual(n: int = TOP_UNUSUAL):
    """The ``n`` most unusual events, for the security officer to look at, in the learner's words."""
    events = access_events()
    features = access_feature_matrix()
    top = most_unusual_indices(n)
    rows = []
    for index in top:
        row = events.iloc[index]
        rows.append(
            {
                t("m07.explore.col_when"): t(f"m07.explore.weekday.{row.time.day_of_week}") + " " + row.time.strftime("%d-%m %H:%M"),
                t("m07.explore.col_badge"): row.badge,
                t("m07.explore.col_door"): t(f"m07.explore.door.{row.door}"),
                t("m07.explore.col_granted"): t("m07.explore.yes" if row.granted else "m07.explore.no"),
                t("m07.explore.col_reasons"): ", ".join(t(f"m07.explore.reason.{r}") for r in reasons(features[index])) or "-",
            }
        )
    return pd.DataFrame(rows, index=pd.RangeIndex(1, len(rows) + 1))
