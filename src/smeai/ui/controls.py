"""Controls that work for a mouse, a keyboard and a screen reader.

ipywidgets' own sliders have no accessible name (their visible description is not linked to the
slider), its toggle buttons do not say which one is pressed, and inside a notebook the arrow keys
on its radio buttons move to the next cell instead of the next option. These controls are small
anywidget widgets built on the browser's own elements, which bring those things for free:

- a slider is an ``<input type="range">`` with a real ``<label>``, a read-out in the learner's
  number format (``4,75`` in Dutch), and the same text as ``aria-valuetext``, so a screen reader
  says what the screen shows;
- a toggle group is a row of buttons with ``aria-pressed`` and a clear mark on the chosen one;
- a choice group is a ``<fieldset>`` of radio buttons with a ``<legend>``: the arrow keys move
  between its options.

Every control carries ``data-lm-suppress-shortcuts``, JupyterLab's way to keep its notebook
shortcuts (ArrowDown = next cell) away from an element that uses those keys itself.

The Python side mirrors ipywidgets (``value``, ``observe(f, names="value")``, ``disabled``), so a
module swaps ``widgets.IntSlider(...)`` for ``controls.IntSlider(...)`` and nothing else changes.
Nothing here starts a thread or a process, and nothing is loaded from the network: the
JavaScript below travels with the widget.
"""

from __future__ import annotations

import anywidget
import traitlets

from ..i18n import get_language

LOCALES = {"nl": "nl-NL", "en": "en-GB"}

_CSS = """
.smeai-control { display: flex; flex-direction: column; gap: 0.25em; margin: 0.35em 0; max-width: 100%; }
.smeai-control label.smeai-label, .smeai-control legend { font-weight: 600; white-space: normal; }
.smeai-slider-row { display: flex; align-items: center; gap: 0.75em; flex-wrap: wrap; }
.smeai-slider input[type=range] { width: var(--smeai-width, 24em); max-width: 100%; accent-color: #0072B2; }
.smeai-slider output { min-width: 5em; font-variant-numeric: tabular-nums; }
.smeai-toggles { display: flex; flex-wrap: wrap; gap: 0.4em; }
.smeai-toggles button { padding: 0.3em 0.8em; border: 2px solid #0072B2; border-radius: 4px;
  background: var(--jp-layout-color1, #fff); color: var(--jp-ui-font-color1, #000); cursor: pointer; }
.smeai-toggles button[aria-pressed=true] { background: #0072B2; color: #fff; }
.smeai-toggles button[aria-pressed=true]::before { content: "\\2713\\00a0"; }
.smeai-control button:focus-visible, .smeai-control input:focus-visible {
  outline: 3px solid #E69F00; outline-offset: 2px; }
.smeai-choices { border: none; padding: 0; margin: 0; }
.smeai-choices label { display: flex; gap: 0.5em; align-items: flex-start; padding: 0.2em 0; white-space: normal; }
.smeai-control[aria-disabled=true] { opacity: 0.6; }
"""

_ESM = """
// Ids must be unique in the page: this module may be loaded once per widget (so a counter alone
// restarts), and many widgets render in the same millisecond (so a time alone repeats).
let counter = 0;
function uid() {
  counter += 1;
  return `smeai-control-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${counter}`;
}

function number(model, value) {
  const digits = model.get("decimals");
  const text = new Intl.NumberFormat(model.get("locale"), {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(value);
  return `${model.get("prefix")}${text}${model.get("suffix")}`;
}

function slider(model, el) {
  const id = uid();
  const label = document.createElement("label");
  label.className = "smeai-label";
  label.htmlFor = id;
  const row = document.createElement("div");
  row.className = "smeai-slider-row";
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  const readout = document.createElement("output");
  readout.htmlFor = id;
  row.append(input, readout);
  el.append(label, row);

  const show = (value) => {
    const text = number(model, value);
    readout.textContent = text;
    input.setAttribute("aria-valuetext", text);
  };
  const sync = () => {
    label.textContent = model.get("description");
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.value = model.get("value");
    input.disabled = model.get("disabled");
    el.style.setProperty("--smeai-width", model.get("width"));
    show(model.get("value"));
  };
  // "input" follows the thumb; "change" (release, or each arrow key) tells Python.
  input.addEventListener("input", () => show(Number(input.value)));
  input.addEventListener("change", () => {
    model.set("value", Number(input.value));
    model.save_changes();
  });
  model.on("change", sync);
  sync();
  return () => model.off("change", sync);
}

function toggles(model, el) {
  const id = uid();
  const label = document.createElement("div");
  label.className = "smeai-label";
  label.id = id;
  const group = document.createElement("div");
  group.className = "smeai-toggles";
  group.setAttribute("role", "group");
  el.append(label, group);

  // Buttons are made when the options change and only updated when the choice changes, so
  // the focus stays on the button the learner just pressed.
  const build = () => {
    const text = model.get("description");
    label.textContent = text;
    label.hidden = !text;
    if (text) { group.setAttribute("aria-labelledby", id); group.removeAttribute("aria-label"); }
    else { group.setAttribute("aria-label", model.get("aria_label")); group.removeAttribute("aria-labelledby"); }
    group.replaceChildren(...model.get("labels").map((caption, index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = caption;
      button.addEventListener("click", () => { model.set("index", index); model.save_changes(); });
      return button;
    }));
    state();
  };
  const state = () => {
    group.querySelectorAll("button").forEach((button, index) => {
      button.disabled = model.get("disabled");
      button.setAttribute("aria-pressed", String(index === model.get("index")));
    });
  };
  model.on("change:labels change:description change:aria_label", build);
  model.on("change:index change:disabled", state);
  build();
  return () => { model.off("change:labels change:description change:aria_label", build); model.off("change:index change:disabled", state); };
}

function choices(model, el) {
  const name = uid();
  const fieldset = document.createElement("fieldset");
  fieldset.className = "smeai-choices";
  const legend = document.createElement("legend");
  fieldset.append(legend);
  el.append(fieldset);

  const build = () => {
    legend.textContent = model.get("description");
    fieldset.querySelectorAll("label").forEach((node) => node.remove());
    model.get("labels").forEach((caption, index) => {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.value = String(index);
      input.addEventListener("change", () => {
        if (input.checked) { model.set("index", index); model.save_changes(); }
      });
      const span = document.createElement("span");
      span.textContent = caption;
      label.append(input, span);
      fieldset.append(label);
    });
    state();
  };
  const state = () => {
    fieldset.querySelectorAll("input").forEach((input, index) => {
      input.checked = index === model.get("index");
      input.disabled = model.get("disabled");
    });
  };
  model.on("change:labels change:description", build);
  model.on("change:index change:disabled", state);
  build();
  return () => { model.off("change:labels change:description", build); model.off("change:index change:disabled", state); };
}

const KINDS = { slider, toggles, choices };

// Keys a control uses itself. The notebook around it would otherwise take them (and cancel
// them) to move between cells; data-lm-suppress-shortcuts covers JupyterLab's shortcuts, this
// covers the notebook's own key handling.
const OWN_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End",
                          "PageUp", "PageDown", " ", "Enter"]);

export default {
  render({ model, el }) {
    el.classList.add("smeai-control", `smeai-${model.get("kind")}`);
    el.setAttribute("data-lm-suppress-shortcuts", "true");
    el.addEventListener("keydown", (event) => {
      if (OWN_KEYS.has(event.key) && !event.shiftKey) { event.stopPropagation(); }
    });
    const update = () => el.setAttribute("aria-disabled", String(model.get("disabled")));
    model.on("change:disabled", update);
    update();
    return KINDS[model.get("kind")](model, el);
  },
};
"""


def _locale() -> str:
    return LOCALES.get(get_language(), "en-GB")


class _Control(anywidget.AnyWidget):
    _esm = _ESM
    _css = _CSS
    kind = traitlets.Unicode().tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)


class _Slider(_Control):
    kind = traitlets.Unicode("slider").tag(sync=True)
    step = traitlets.Float(1).tag(sync=True)
    locale = traitlets.Unicode().tag(sync=True)
    decimals = traitlets.Int(0).tag(sync=True)
    prefix = traitlets.Unicode("").tag(sync=True)
    suffix = traitlets.Unicode("").tag(sync=True)
    width = traitlets.Unicode("24em").tag(sync=True)

    def __init__(self, **kwargs):
        kwargs.setdefault("locale", _locale())
        for ignored in ("continuous_update", "style", "layout", "readout", "readout_format"):
            kwargs.pop(ignored, None)  # ipywidgets options that this slider does not need
        super().__init__(**kwargs)

    @traitlets.validate("value")
    def _clamp(self, proposal):
        return min(max(proposal["value"], self.min), self.max)


class IntSlider(_Slider):
    """A whole-number slider: ``IntSlider(value=60, min=55, max=89, description="Grens",
    suffix=" mm")``."""

    value = traitlets.Int(0).tag(sync=True)
    min = traitlets.Int(0).tag(sync=True)
    max = traitlets.Int(100).tag(sync=True)


class FloatSlider(_Slider):
    """A slider for numbers with decimals; ``decimals`` sets the read-out (``4,75``)."""

    value = traitlets.Float(0.0).tag(sync=True)
    min = traitlets.Float(0.0).tag(sync=True)
    max = traitlets.Float(1.0).tag(sync=True)
    decimals = traitlets.Int(2).tag(sync=True)


class _OneOf(_Control):
    """A choice of one option: ``options`` as labels or ``(label, value)`` pairs, as in
    ipywidgets. ``index`` travels to the browser; ``value`` is the chosen option's value
    (``None`` while nothing is chosen) and can be observed like any trait."""

    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    index = traitlets.Int(-1).tag(sync=True)
    aria_label = traitlets.Unicode("").tag(sync=True)
    value = traitlets.Any(None)

    def __init__(self, options=(), value=None, **kwargs):
        for ignored in ("style", "layout", "tooltips", "button_style"):
            kwargs.pop(ignored, None)
        pairs = [option if isinstance(option, tuple) else (str(option), option) for option in options]
        self._values = [v for _, v in pairs]
        super().__init__(labels=[str(label) for label, _ in pairs], **kwargs)
        self.index = self._index_of(value)
        self.value = value if self.index >= 0 else None

    def _index_of(self, value) -> int:
        for index, candidate in enumerate(self._values):
            if candidate is value or (candidate is not None and value is not None and candidate == value):
                return index
        return -1

    @property
    def options(self):
        return tuple(zip(self.labels, self._values))

    @traitlets.observe("index")
    def _index_to_value(self, change):
        self.value = self._values[change["new"]] if 0 <= change["new"] < len(self._values) else None

    @traitlets.observe("value")
    def _value_to_index(self, change):
        self.index = self._index_of(change["new"])


class ToggleGroup(_OneOf):
    """Buttons of which one is pressed (``aria-pressed``), with a visible mark on it."""

    kind = traitlets.Unicode("toggles").tag(sync=True)


class ChoiceGroup(_OneOf):
    """Radio buttons in a fieldset: the arrow keys move between the options."""

    kind = traitlets.Unicode("choices").tag(sync=True)
