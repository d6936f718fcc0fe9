"""Module 02's explorer: a product's sales per weekday, against temperature, or week by week."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import get_language, t
from ...ui.explorer import View, build_explorer
from .figures import view_png
from .model import PRODUCTS, VIEWS, describe_view, product_label

__all__ = ["show_sales_explorer"]


def show_sales_explorer():
    """Choose a product and a view: per weekday, against temperature, or week by week."""
    product = widgets.Dropdown(options=[(product_label(p), p) for p in PRODUCTS], value="Volkorenbrood", description=t("m02.explore.product"), style={"description_width": "initial"})
    view = widgets.ToggleButtons(options=[(t(f"m02.explore.view_{v}"), v) for v in VIEWS], value="weekday", style={"button_width": "11em"})

    def render() -> View:
        return View(describe_view(product.value, view.value), view_png(product.value, view.value, get_language()))

    return build_explorer([widgets.HBox([product]), view], render, css="smeai-sales-explorer", watch=[product, view])
