"""Module 07: a camera that inspects washers, sensors that warn before a breakdown, and badge
events that look unusual.

The logic is plain functions on fixed data, made once and cached: the image model is trained
once per training size, the anomaly scores are computed once. Widget callbacks only count,
threshold and redraw one small figure.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ..i18n import format_number, t

# -- images: quality inspection of washers --------------------------------------------------------

IMAGES_SEED = 22
N_IMAGES = 600
TEST_SIZE = 200  # the last 200 pictures are the "new" washers the model is judged on
TRAIN_SIZES = (50, 100, 200, 400)
IMAGE_SIZE = 24
ERROR_KINDS = ("all", "missed", "false_reject", "wrong_kind")
GRID_COLUMNS = 6
GRID_ROWS = 3


@cache
def product_images():
    """The 600 washer pictures and their labels: the first 400 to learn from, the last 200 to test."""
    from ..datasets.images import make_product_images

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
    from scipy import ndimage

    images = np.asarray(images, dtype=float)
    n, size, _ = images.shape
    radii = np.linspace(0, size / 2 * 0.95, 12)
    angles = np.linspace(0, 2 * np.pi, 36, endpoint=False)
    circles = np.empty((n, radii.size, angles.size))
    for i, image in enumerate(images):
        washer = ndimage.binary_fill_holes(image > (image.max() + image.min()) / 2)
        cy, cx = ndimage.center_of_mass(washer) if washer.any() else (size / 2, size / 2)
        rows = cy + np.outer(radii, np.sin(angles))
        cols = cx + np.outer(radii, np.cos(angles))
        circles[i] = ndimage.map_coordinates(image, [rows, cols], order=1, mode="nearest")
        ring = circles[i][5:9]
        circles[i] /= max(float(np.median(ring)), 1e-3)
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
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC

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
    import pandas as pd

    from ..datasets.images import LABELS

    return pd.crosstab(
        pd.Categorical(true_labels(), categories=LABELS),
        pd.Categorical(predictions(n_train), categories=LABELS),
        rownames=["true"], colnames=["predicted"], dropna=False,
    )


def label_name(label: str) -> str:
    return t(f"m07.explore.label.{label}")


def _mosaic(images, columns, gap=2, fill=1.0):
    """Many small pictures in one array, so a figure draws them with one image call (fast)."""
    count, size, _ = images.shape
    rows = max(1, -(-count // columns))
    out = np.full((rows * (size + gap) - gap, columns * (size + gap) - gap), fill)
    for k, image in enumerate(images):
        r, c = divmod(k, columns)
        out[r * (size + gap): r * (size + gap) + size, c * (size + gap): c * (size + gap) + size] = image
    return out


def error_figure(n_train: int, kind: str = "all"):
    """A grid of the washers the model got wrong, each with its true and predicted label."""
    from ..plotting import new_axes

    if kind not in ERROR_KINDS:
        raise ValueError(f"kind must be one of {ERROR_KINDS}, not {kind!r}")
    indices = np.flatnonzero(error_masks(n_train)[kind])
    shown = indices[: GRID_COLUMNS * GRID_ROWS]
    truth, predicted = true_labels(), predictions(n_train)
    rows = max(1, -(-len(shown) // GRID_COLUMNS))
    size, gap, width, title_space = IMAGE_SIZE, 14, 7.2, 0.45
    # the figure is exactly as high as the grid of pictures (with room for the labels) and the title
    inch_per_pixel = width * 0.98 / (GRID_COLUMNS * (size + gap) - gap)
    height = rows * (size + gap) * inch_per_pixel + title_space if len(shown) else 1.2
    ax = new_axes(figsize=(width, height))
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    title = t("m07.explore.grid_title", shown=len(shown), count=len(indices), kind=t(f"m07.explore.kind.{kind}").lower())
    ax.set_title(title, fontsize=10)
    # fixed margins instead of tight_layout, which draws the figure twice (a widget must be quick)
    ax.figure.subplots_adjust(left=0.01, right=0.99, top=1 - title_space / height, bottom=0.0)
    if len(shown) == 0:
        ax.text(0.5, 0.5, t("m07.explore.no_errors"), ha="center", va="center", transform=ax.transAxes)
        return ax.figure
    mosaic = _mosaic(new_images()[shown], GRID_COLUMNS, gap=gap)
    ax.imshow(mosaic, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    ax.set_xlim(-0.5, GRID_COLUMNS * (size + gap) - gap - 0.5)
    ax.set_ylim(rows * (size + gap) - 0.5, -0.5)  # room under the last row for its labels
    for k, index in enumerate(shown):
        r, c = divmod(k, GRID_COLUMNS)
        x, y = c * (size + gap) + size / 2 - 0.5, r * (size + gap) + size
        text = t("m07.explore.tile", truth=label_name(truth[index]), predicted=label_name(predicted[index]))
        ax.text(x, y, text, ha="center", va="top", fontsize=7.5, linespacing=1.1)
    return ax.figure


def examples_figure(per_label: int = 3):
    """A few washers of each kind, labelled, so the learner knows what each defect looks like."""
    from ..datasets.images import LABELS
    from ..plotting import new_axes

    images, labels = product_images()
    chosen = [np.flatnonzero(labels[:400] == label)[:per_label] for label in LABELS]
    ax = new_axes(figsize=(7.2, 1.2 * per_label + 0.8))
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    size, gap = IMAGE_SIZE, 4
    # one column per kind: the first row of the mosaic holds one example of each kind
    order = np.array([chosen[c][r] for r in range(per_label) for c in range(len(LABELS))])
    ax.imshow(_mosaic(images[order], len(LABELS), gap=gap), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    for c, label in enumerate(LABELS):
        ax.text(c * (size + gap) + size / 2, -1.5, label_name(label), ha="center", va="bottom", fontsize=9, fontweight="bold")
    ax.set_title(t("m07.explore.examples_title"), fontsize=10, pad=18)
    ax.figure.tight_layout()
    return ax.figure


def pixels_figure():
    """One washer as the camera sees it, and a corner of it as the numbers the computer sees."""
    from matplotlib.figure import Figure

    images, labels = product_images()
    image = images[int(np.flatnonzero(labels == "ok")[0])]
    figure = Figure(figsize=(7.2, 3.4), dpi=90)
    left, right = figure.subplots(1, 2)
    left.imshow(image, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    left.set_xticks(np.arange(-0.5, IMAGE_SIZE, 1), minor=True)
    left.set_yticks(np.arange(-0.5, IMAGE_SIZE, 1), minor=True)
    left.grid(which="minor", color="#999999", linewidth=0.3)
    left.tick_params(which="both", length=0, labelsize=7)
    left.set_xlabel(t("m07.explore.pixels_x"))
    left.set_ylabel(t("m07.explore.pixels_y"))
    left.set_title(t("m07.explore.pixels_left"), fontsize=10)
    top, col = 2, 2
    crop = image[top: top + 6, col: col + 6]
    left.add_patch(_rectangle((col - 0.5, top - 0.5), 6, 6))
    right.imshow(crop, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    for (r, c), value in np.ndenumerate(crop):
        right.text(c, r, format_number(round(float(value), 1)), ha="center", va="center", fontsize=8, color="black" if value > 0.45 else "white")
    right.set_xticks([])
    right.set_yticks([])
    right.set_title(t("m07.explore.pixels_right"), fontsize=10)
    figure.tight_layout()
    return figure


def _rectangle(corner, width, height):
    from matplotlib.patches import Rectangle

    return Rectangle(corner, width, height, fill=False, edgecolor="#E69F00", linewidth=2, linestyle="--")


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


@cache
def machine_sensors():
    """180 days of hourly readings from the packaging machine, with its breakdowns."""
    from ..datasets.sensors import make_machine_sensors

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
    import pandas as pd

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
    from ..datasets.sensors import SENSORS

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
    in_time, caught = _judge(alarms)
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


def _judge(alarms):
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


def alarm_figure(threshold: float, which: str = "all"):
    """The score over time, the alarm level, the alarms and the breakdowns."""
    plot = AlarmPlot(which)
    plot.show(threshold)
    return plot.figure


class AlarmPlot:
    """The alarm chart for one choice of sensors. What stays the same (the score, the breakdowns,
    the axes) is drawn once; moving the alarm level only moves the line and the markers, which
    makes a slider step about a third quicker than drawing the whole chart again."""

    def __init__(self, which: str = "all"):
        from ..plotting import MARKERS, PALETTE, new_axes

        self.which = which
        score = anomaly_scores(which)
        self.days = np.arange(score.size) / 24
        low, high = SCORE_LIMITS
        self.level = np.clip(score, low, high)
        ax = new_axes(figsize=(7.6, 4.0))
        every = slice(None, None, 2)  # every second hour is enough for the eye, and draws twice as fast
        ax.plot(self.days[every], self.level[every], color=PALETTE[7], linewidth=0.6, label=t("m07.explore.score_line"))
        for k, hour in enumerate(failure_hours()):
            # a light band with dashed edges (hatching would show it without colour too, but doubles the drawing time)
            ax.axvspan((hour - WARNING_DAYS * 24) / 24, hour / 24, facecolor=(0.34, 0.71, 0.91, 0.18), edgecolor=PALETTE[4], linestyle="--", linewidth=0.8, label=t("m07.explore.window") if k == 0 else None)
            ax.axvline(hour / 24, color=PALETTE[4], linestyle=":", linewidth=1.6, label=t("m07.explore.failure") if k == 0 else None)
        self.line = ax.axhline(0, color="black", linestyle="--", linewidth=1.2, label=t("m07.explore.threshold_line", value=0))
        marker = {"s": 70, "edgecolors": "black", "linewidths": 0.6, "zorder": 3}
        self.in_time = ax.scatter([0], [0], marker=MARKERS[3], color=PALETTE[2], label=t("m07.explore.alarm_in_time"), **marker)
        self.false = ax.scatter([0], [0], marker=MARKERS[1], color=PALETTE[5], label=t("m07.explore.alarm_false"), **marker)
        ax.set_xlim(0, self.days[-1] + 1)
        ax.set_ylim(low, high)
        ax.set_xlabel(t("m07.explore.days_axis"))
        ax.set_ylabel(t("m07.explore.score_axis"))
        ax.set_title(t("m07.explore.alarm_title", sensor=t(f"m07.explore.choice.{which}")), fontsize=10)
        legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=7, ncol=3, frameon=False)
        self.line_label = legend.get_texts()[[h.get_label() for h in legend.legend_handles].index(self.line.get_label())]
        ax.figure.subplots_adjust(left=0.08, right=0.98, top=0.92, bottom=0.27)  # fixed: quicker than tight_layout
        self.figure = ax.figure

    def show(self, threshold: float) -> None:
        """Move the alarm level to ``threshold`` and mark the alarms it gives."""
        alarms = alarm_hours(threshold, self.which)
        in_time, _ = _judge(alarms)
        self.line.set_ydata([threshold, threshold])
        self.line_label.set_text(t("m07.explore.threshold_line", value=format_number(threshold)))
        for points, chosen in ((self.in_time, in_time), (self.false, ~in_time)):
            points.set_offsets(np.column_stack([self.days[alarms[chosen]], self.level[alarms[chosen]]]) if chosen.any() else np.empty((0, 2)))


def sensors_figure():
    """The three sensors over 180 days, with the breakdowns, so the drift before them shows."""
    from matplotlib.figure import Figure

    from ..datasets.sensors import SENSORS
    from ..plotting import PALETTE

    data = machine_sensors()
    days = np.arange(len(data)) / 24
    figure = Figure(figsize=(7.6, 5.0), dpi=90)
    axes = figure.subplots(3, 1, sharex=True)
    for ax, name, colour in zip(axes, SENSORS, (PALETTE[0], PALETTE[4], PALETTE[6])):  # one panel each
        ax.plot(days, data[name].to_numpy(), color=colour, linewidth=0.5)
        for j, hour in enumerate(failure_hours()):
            ax.axvline(hour / 24, color="black", linestyle=":", linewidth=1.4, label=t("m07.explore.failure") if j == 0 else None)
        ax.set_ylabel(t(f"m07.explore.unit.{name}"), fontsize=8)
        ax.set_title(t(f"m07.explore.sensor.{name}") + f" ({t(f'm07.explore.unit.{name}')})", fontsize=9, loc="left")
        ax.grid(True, alpha=0.3)
    axes[0].legend(loc="upper left", fontsize=7)
    axes[-1].set_xlabel(t("m07.explore.days_axis"))
    figure.suptitle(t("m07.explore.sensors_title"), fontsize=10)
    figure.tight_layout()
    return figure


# -- access events: unusual badge use -----------------------------------------------------------

ACCESS_SEED = 5
TOP_UNUSUAL = 10


@cache
def access_events():
    from ..datasets.access import make_access_events

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
    from sklearn.ensemble import IsolationForest

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


def most_unusual(n: int = TOP_UNUSUAL):
    """The ``n`` most unusual events, for the security officer to look at, in the learner's words."""
    import pandas as pd

    events = access_events()
    features = access_feature_matrix()
    top = np.argsort(-access_scores(), kind="stable")[:n]
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


def access_figure(n: int = TOP_UNUSUAL):
    """Every badge event in four weeks by day and hour; the ``n`` most unusual ones stand out."""
    from ..plotting import MARKERS, PALETTE, new_axes

    events = access_events()
    first = events.time.min().normalize()
    day = ((events.time - first).dt.total_seconds() / 86400).to_numpy()
    hour = events.time.dt.hour.to_numpy() + events.time.dt.minute.to_numpy() / 60
    top = np.zeros(len(events), dtype=bool)
    top[np.argsort(-access_scores(), kind="stable")[:n]] = True
    ax = new_axes(figsize=(7.6, 3.6))
    ax.scatter(np.floor(day[~top]) + 0.5, hour[~top], s=6, marker=MARKERS[0], color=PALETTE[7], alpha=0.5, label=t("m07.explore.usual_event"))
    ax.scatter(np.floor(day[top]) + 0.5, hour[top], s=80, marker=MARKERS[1], color=PALETTE[5], edgecolors="black", linewidths=0.6, label=t("m07.explore.unusual_event", n=n))
    n_days = int(np.ceil(day.max()))
    weekend_days = [k for k in range(n_days) if (first + np.timedelta64(k, "D")).day_of_week >= 5]
    for k in weekend_days:  # shaded and dotted, so the weekend shows without colour too
        ax.axvspan(k, k + 1, facecolor=PALETTE[1], alpha=0.12, hatch="..", edgecolor=PALETTE[4], linewidth=0, label=t("m07.explore.weekend") if k == weekend_days[0] else None)
    ax.set_ylim(24, 0)
    ax.set_yticks(range(0, 25, 3))
    ax.set_xlim(0, n_days)
    ax.set_xlabel(t("m07.explore.access_days_axis"))
    ax.set_ylabel(t("m07.explore.hour_axis"))
    ax.set_title(t("m07.explore.access_title"), fontsize=10)
    ax.legend(loc="lower left", fontsize=7, framealpha=0.9)
    ax.figure.tight_layout()
    return ax.figure


# -- widgets ------------------------------------------------------------------------------------

def _show(figure, out):
    from ..plotting import show_figure as redraw

    redraw(out, figure)


def show_figure(name: str):
    """One of the module's fixed figures as a picture: ``"pixels"``, ``"examples"``,
    ``"sensors"`` or ``"access"``."""
    from ..plotting import as_image

    makers = {"pixels": pixels_figure, "examples": examples_figure, "sensors": sensors_figure, "access": access_figure}
    if name not in makers:
        raise ValueError(f"name must be one of {', '.join(makers)}, not {name!r}")
    return as_image(makers[name]())


def show_unusual_events(n: int = TOP_UNUSUAL):
    """The table of the most unusual badge events."""
    from IPython.display import HTML

    return HTML(most_unusual(n).to_html(escape=True, classes="smeai-table"))


def error_explorer():
    """Choose how many pictures the model learns from and which errors to see; the washers it
    got wrong appear as pictures, with the true and the predicted label."""
    import ipywidgets as widgets

    for n_train in TRAIN_SIZES:  # train all four models now (well under a second), so no click waits
        predictions(n_train)
    sizes = widgets.ToggleButtons(
        options=[(str(n), n) for n in TRAIN_SIZES], value=TRAIN_SIZES[-1],
        description=t("m07.explore.train_slider"), style={"description_width": "initial", "button_width": "4.5em"},
    )
    kinds = widgets.Dropdown(
        options=[(t(f"m07.explore.kind.{kind}"), kind) for kind in ERROR_KINDS], value="all",
        description=t("m07.explore.kind_label"), style={"description_width": "initial"}, layout=widgets.Layout(width="32em"),
    )
    result = widgets.HTML()
    result.add_class("smeai-image-result")
    out = widgets.Output()

    def update(change=None):
        try:
            summary = image_results(sizes.value)
            result.value = t("m07.explore.image_result", **summary)
            _show(error_figure(sizes.value, kinds.value), out)
        except Exception:  # never a traceback in a widget
            result.value = t("m07.explore.widget_error")

    sizes.observe(update, names="value")
    kinds.observe(update, names="value")
    update()
    box = widgets.VBox([sizes, kinds, result, out])
    box.add_class("smeai-error-explorer")
    return box


def alarm_explorer():
    """A slider for the alarm level and a choice of sensors; the alarms on the time line, the
    breakdowns caught and missed, the false alarms and the cost follow."""
    import ipywidgets as widgets

    low, high = THRESHOLD_RANGE
    slider = widgets.FloatSlider(
        value=START_THRESHOLD, min=low, max=high, step=THRESHOLD_STEP, readout_format=".2f",
        description=t("m07.explore.threshold_slider"), continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width="34em"),
    )
    sensors = widgets.Dropdown(
        options=[(t(f"m07.explore.choice.{name}"), name) for name in SENSOR_CHOICES], value="all",
        description=t("m07.explore.sensor_label"), style={"description_width": "initial"}, layout=widgets.Layout(width="34em"),
    )
    result = widgets.HTML()
    result.add_class("smeai-alarm-result")
    out = widgets.Output()

    plots = {}  # one chart per choice of sensors, made at first use

    def update(change=None):
        try:
            summary = alarm_summary(float(slider.value), sensors.value)
            result.value = t("m07.explore.alarm_result", **summary, cost_each_missed=COST_MISSED, cost_each_false=COST_FALSE)
            if sensors.value not in plots:
                plots[sensors.value] = AlarmPlot(sensors.value)
            plot = plots[sensors.value]
            plot.show(float(slider.value))
            _show(plot.figure, out)
        except Exception:  # never a traceback in a widget
            result.value = t("m07.explore.widget_error")

    slider.observe(update, names="value")
    sensors.observe(update, names="value")
    update()
    box = widgets.VBox([slider, sensors, result, out])
    box.add_class("smeai-alarm-explorer")
    return box
