"""The learner's role, sector and (optional) name and organisation, kept in their progress.

Module 09's opportunity scan starts from the sector, and the record of completion shows the
role. Every field is optional; nothing leaves the learner's machine.
"""

from __future__ import annotations

from . import progress
from .i18n import t

SECTORS = (
    "agro", "healthcare", "technical_industry", "safety", "retail", "services",
    "logistics", "construction", "hospitality", "other",
)
ROLES = ("owner", "office", "production", "field", "care", "sales", "it", "other")
FIELDS = ("name", "organisation", "role", "sector")


def save(**fields) -> dict:
    """Keep the profile; unknown roles or sectors are refused with a message for the learner."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown profile fields: {', '.join(sorted(unknown))}")
    if fields.get("role") not in (None, *ROLES):
        raise ValueError(t("profile.unknown_role", role=fields["role"]))
    if fields.get("sector") not in (None, *SECTORS):
        raise ValueError(t("profile.unknown_sector", sector=fields["sector"]))
    clean = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in fields.items()}
    return progress.log_event("profile", **clean)


def latest(events: list[dict] | None = None) -> dict:
    """The most recent value of each field (an empty dict if none was ever given)."""
    events = progress.store().events() if events is None else events
    profile: dict = {}
    for event in events:
        if event.get("kind") == "profile":
            profile.update({k: event.get(k) for k in FIELDS if k in event})
    return profile


def show_profile():
    """Two drop-downs and two optional text boxes; saved with one button."""
    import ipywidgets as widgets

    from .ui.fields import button as make_button, field, field_style

    earlier = latest()
    width = "40em"  # the longest sector name fits; narrower screens: 100 % of the notebook
    role = field(widgets.Dropdown(options=[(t(f"profile.roles.{r}"), r) for r in ROLES], value=earlier.get("role"), description=t("profile.role")), width)
    sector = field(widgets.Dropdown(options=[(t(f"profile.sectors.{s}"), s) for s in SECTORS], value=earlier.get("sector"), description=t("profile.sector")), width)
    # "mag leeg blijven" is part of the label, not only a placeholder that disappears on typing
    name = field(widgets.Text(value=earlier.get("name") or "", description=f"{t('profile.name')} ({t('profile.optional')})"), width)
    organisation = field(widgets.Text(value=earlier.get("organisation") or "", description=f"{t('profile.organisation')} ({t('profile.optional')})"), width)
    button = make_button(t("profile.save"), icon="save", button_style="primary")
    status = widgets.HTML()

    def on_save(_):
        save(role=role.value, sector=sector.value, name=name.value, organisation=organisation.value)
        status.value = "✔ " + t("profile.saved")

    button.on_click(on_save)
    box = widgets.VBox([role, sector, name, organisation, button, status, field_style()])
    box.add_class("smeai-profile")
    return box
