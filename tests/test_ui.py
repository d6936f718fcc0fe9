"""The shared pieces every module's widgets use: one message box, one explorer scaffold."""

import logging

import ipywidgets as widgets
import pytest

from smeai.i18n import t
from smeai.plotting import new_axes
from smeai.ui.explorer import View, build_explorer
from smeai.ui.messagebox import MessageBox


def test_message_box_is_plain_text_in_a_terminal_and_a_safe_status_box_in_a_notebook():
    box = MessageBox("Kolom <omzet> bestaat niet.\nKies een andere.", css="smeai-message")
    assert str(box) == "Kolom <omzet> bestaat niet.\nKies een andere."
    html = box._repr_html_()
    assert html.startswith('<div class="smeai-message" role="status"')
    assert "&lt;omzet&gt;" in html and "<omzet>" not in html and "<br>" in html
    assert '<span class="smeai-icon" aria-hidden="true">ℹ</span>' in html  # the words carry the meaning


def test_message_box_attributes_and_body_are_escaped_or_given_as_safe_html():
    box = MessageBox("✔ Goed: ja", icon="✔", icon_size="1.2em", body_html="<strong>Goed</strong> ja",
                     attrs={"data-exercise": 'm01.q1"><script>'})
    html = box._repr_html_()
    assert "<strong>Goed</strong> ja" in html and "<script>" not in html
    assert 'style="font-size:1.2em"' in html


def _slider():
    return widgets.IntSlider(value=3, min=0, max=10)


# Outside a kernel an Output widget cannot capture, so what the explorer displays goes to stdout,
# as its text form (a picture's alt text, or "<IPython.core.display.Image object>").
def _shown(capsys) -> list[str]:
    text = capsys.readouterr().out.replace("\x1b[2K", "")
    return [line for line in text.splitlines() if line.strip()]


def test_explorer_redraws_text_and_picture_when_a_control_changes(capsys):
    slider = _slider()
    calls = []

    def render():
        calls.append(slider.value)
        ax = new_axes()
        ax.plot([0, slider.value])
        return View(f"waarde {slider.value}", ax.figure)

    box = build_explorer(slider, render, css="smeai-test-explorer")
    assert box.result.value == "waarde 3" and len(_shown(capsys)) == 1
    assert "smeai-test-explorer" in box._dom_classes and "smeai-test-result" in box.result._dom_classes
    slider.value = 7
    assert calls == [3, 7] and box.result.value == "waarde 7" and len(_shown(capsys)) == 1
    assert box.children == (slider, box.result, box.out)


@pytest.mark.parametrize("picture", [b"\x89PNG\r\n\x1a\n", None])
def test_explorer_shows_png_bytes_or_clears_the_picture(picture, capsys):
    build_explorer(_slider(), lambda: View("tekst", picture), css="smeai-test-explorer")
    assert len(_shown(capsys)) == (0 if picture is None else 1)


def test_explorer_has_one_error_path_a_short_message_and_a_log_line_never_a_traceback(caplog, capsys):
    slider = _slider()

    def render():
        if slider.value > 5:
            raise ZeroDivisionError("boom")
        return View(f"waarde {slider.value}")

    box = build_explorer(slider, render, css="smeai-test-explorer")
    with caplog.at_level(logging.ERROR, logger="smeai.ui.explorer"):
        slider.value = 9
    assert box.result.value == t("widgets.error", error="ZeroDivisionError")  # the one catalogue key
    assert box.result.value.startswith("Dit lukte niet")
    assert "Traceback" not in box.result.value and not any("Traceback" in line for line in _shown(capsys))
    assert any("could not redraw" in r.message and r.exc_info for r in caplog.records)  # not swallowed
    slider.value = 4  # and it recovers
    assert box.result.value == "waarde 4"


def test_explorer_can_watch_widgets_it_does_not_show_on_top():
    pickers = [widgets.ToggleButtons(options=["a", "b"]) for _ in range(3)]
    rows = [widgets.HBox([widgets.HTML(str(i)), p]) for i, p in enumerate(pickers)]
    box = build_explorer(rows, lambda: "".join(p.value for p in pickers), css="smeai-test-explorer", watch=pickers)
    assert box.result.value == "aaa"
    pickers[1].value = "b"
    assert box.result.value == "aba" and box.children[:3] == tuple(rows)
