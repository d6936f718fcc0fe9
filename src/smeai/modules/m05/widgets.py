"""Module 05's explorer, on the shared scaffold: choose k, the columns and scaling; see the groups
and their averages."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ...i18n import t
from ...ui.controls import IntSlider, ToggleGroup
from ...ui.explorer import View, build_explorer
from .figures import group_colour, image
from .model import FEATURES, K_VALUES, START_K, feature_words, group_sizes, normalise_choice, precompute, profile_frame

__all__ = ["table_html", "show_segment_explorer"]


def table_html(k, features=FEATURES, scaled: bool = True) -> str:
    """The profile as a small HTML table; each group's symbol in its colour, so the table
    reads like the legend (shape and colour, never colour alone)."""
    frame = profile_frame(k, features, scaled)
    cell = "padding:0.2em 0.6em;text-align:right"
    names = [frame.index.name, *frame.columns]
    head = "".join(f'<th style="{cell};vertical-align:bottom;border-bottom:1px solid currentColor">{html.escape(str(c))}</th>' for c in names)
    rows = []
    for group, values in enumerate(frame.itertuples(index=True), start=1):
        symbol, _, name = values[0].partition(" ")
        first = f'<td style="{cell};text-align:left;white-space:nowrap"><span style="color:{group_colour(group)}" aria-hidden="true">{symbol}</span> {html.escape(name)}</td>'
        rows.append("<tr>" + first + "".join(f'<td style="{cell}">{html.escape(v)}</td>' for v in values[1:]) + "</tr>")
    return f'<table class="smeai-profile" style="border-collapse:collapse;line-height:1.3;margin-top:0.3em"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def show_segment_explorer():
    """Choose k, the columns and scaling; the groups are drawn, with a table of averages."""
    precompute()
    for k in K_VALUES:  # the slider is what a learner moves most (exercises 1 and 4): draw it now
        image(k)
    k_slider = IntSlider(value=START_K, min=K_VALUES[0], max=K_VALUES[-1], step=1, description=t("m05.explore.k_slider"))
    boxes = {f: widgets.Checkbox(value=True, description=t(f"m05.explore.feature.{f}"), indent=False, layout=widgets.Layout(width="auto")) for f in FEATURES}
    scaling = ToggleGroup(options=[(t("m05.explore.scaled"), True), (t("m05.explore.unscaled"), False)], value=True, description=t("m05.explore.scaling"))
    table = widgets.HTML()
    table.add_class("smeai-segment-table")

    def render() -> View:
        table.value = ""  # emptied first, so a failure never leaves the table of other settings
        features = tuple(f for f, box in boxes.items() if box.value)
        if not features:
            return View("✎ " + t("m05.explore.need_feature"))
        k, features, scaled = normalise_choice(k_slider.value, features, scaling.value)
        sizes = group_sizes(k, features, scaled)
        summary = t("m05.explore.summary", k=k, features=feature_words(features), scaled=t("m05.explore.scaled" if scaled else "m05.explore.unscaled"),
                    smallest=min(sizes), largest=max(sizes))
        picture = image(k, features, scaled)
        table.value = table_html(k, features, scaled)
        return View(summary, picture)

    columns = widgets.HBox([widgets.HTML(t("m05.explore.columns")), *boxes.values()], layout=widgets.Layout(flex_flow="row wrap"))
    explorer = build_explorer([k_slider, columns, scaling], render, watch=[k_slider, scaling, *boxes.values()],
                              css="smeai-segment-explorer", result_css="smeai-segment-summary")
    explorer.children = (*explorer.children, table)  # the table of averages goes under the picture
    return explorer
