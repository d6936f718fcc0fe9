"""Module 02's explorer: a product's sales per weekday, against temperature, or week by week."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import get_language, t
from ...ui.controls import ToggleGroup
from ...ui.explorer import View, build_explorer
from ...ui.picture import Picture
from .figures import view_png
from .model import PRODUCTS, VIEWS, describe_view, product_label

__all__ = ["show_sales_explorer", "view_alt"]


def show_sales_explorer():
    """Choose a product and a view: per weekday, against temperature, or week by week."""
    product = widgets.Dropdown(options=[(product_label(p), p) for p in PRODUCTS], value="Volkorenbrood", description=t("m02.explore.product"), style={"description_width": "initial"})
    # buttons as wide as their words (no "tegen temperat…"), named by the group's label
    view = ToggleGroup(options=[(t(f"m02.explore.view_{v}"), v) for v in VIEWS], value="weekday", description=t("m02.explore.view"))

    def render() -> View:
        picture = Picture(view_png(product.value, view.value, get_language()), view_alt(product.value, view.value))
        return View(describe_view(product.value, view.value), picture)

    return build_explorer([widgets.HBox([product]), view], render, css="smeai-sales-explorer", watch=[product, view])


def view_alt(product: str, view: str) -> str:
    """One sentence that says what the explorer's figure shows (for a screen reader)."""
    return t(f"m02.explore.alt_{view}", product=product_label(product))
