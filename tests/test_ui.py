"""The shared pieces every module's widgets use: one message box, one explorer scaffold."""

import logging

import ipywidgets as widgets
import pytest

from smeai.i18n import t
from smeai.plotting import new_axes
from smeai.ui.explorer import View, build_explorer
from smeai.ui.messagebox import MessageBox
from smeai.ui.picture import Picture


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
        return View(f"waarde {slider.value}", ax.figure, alt=f"Een lijn tot {slider.value}.")

    box = build_explorer(slider, render, css="smeai-test-explorer")
    # outside a kernel a Picture prints its text alternative
    assert box.result.value == "waarde 3" and capsys.readouterr().out.count("Een lijn tot 3.") == 1
    assert "smeai-test-explorer" in box._dom_classes and "smeai-test-result" in box.result._dom_classes
    slider.value = 7
    assert calls == [3, 7] and box.result.value == "waarde 7" and capsys.readouterr().out.count("Een lijn tot 7.") == 1
    assert box.children == (slider, box.result, box.out)


@pytest.mark.parametrize("picture", [b"\x89PNG\r\n\x1a\n", None])
def test_explorer_shows_png_bytes_or_clears_the_picture(picture, capsys):
    build_explorer(_slider(), lambda: View("tekst", picture), css="smeai-test-explorer")
    assert capsys.readouterr().out.count("Een grafiek bij deze oefening.") == (0 if picture is None else 1)


def test_explorer_pictures_carry_their_text_alternative(monkeypatch):
    shown = []
    monkeypatch.setattr("smeai.ui.explorer.display", shown.append)
    png = b"\x89PNG\r\n\x1a\n"
    slider = _slider()

    def render():
        if slider.value == 3:
            return View("bytes", png, alt="Zes broden per uur.")
        ax = new_axes()
        ax.set_title("Omzet per dag")
        return View("figuur", ax.figure)  # no alt: made from the title

    build_explorer(slider, render, css="smeai-test-explorer")
    slider.value = 4
    assert all(isinstance(p, Picture) for p in shown) and len(shown) == 2
    assert shown[0].data == png and shown[0].alt == "Zes broden per uur."
    assert 'alt="Zes broden per uur."' in shown[0]._repr_html_()
    assert shown[1].alt == "Grafiek: Omzet per dag."


def test_every_widget_stands_in_as_run_this_cell_again(monkeypatch):
    from IPython.core.interactiveshell import InteractiveShell

    from smeai.i18n import set_language
    from smeai.ui import controls, formats

    shell = InteractiveShell.instance()
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    formats.use_learner_formats("nl")
    for widget in (widgets.VBox([_slider()]), widgets.IntSlider(), controls.IntSlider(description="Grens"),
                   controls.ToggleGroup(options=["a", "b"]), build_explorer(_slider(), lambda: View("x"), css="smeai-x-explorer")):
        data, _ = shell.display_formatter.format(widget)
        # the live widget is still there for JupyterLab; the text is what a saved notebook keeps
        assert "application/vnd.jupyter.widget-view+json" in data
        assert data["text/plain"] == "↻ Hier stond een knop of schuifje. Voer deze cel opnieuw uit (klik erin en druk op Shift+Enter) om het weer te zien."
    set_language("en")
    data, _ = shell.display_formatter.format(widgets.Button())
    assert data["text/plain"].startswith("↻ A button or slider was here.")
    assert repr(widgets.IntSlider()).startswith("IntSlider(")  # repr itself is untouched
    data, _ = shell.display_formatter.format(3.5)
    assert data["text/plain"] == "3,5"  # and numbers are still shown the learner's way


def test_explorer_has_one_error_path_a_short_message_and_a_log_line_never_a_traceback(caplog, capsys):
    slider = _slider()

    def render():
        if slider.value > 5:
            raise ZeroDivisionError("boom")
        return View(f"waarde {slider.value}")

    box = build_explorer(slider, render, css="smeai-test-explorer")
    with caplog.at_level(logging.ERROR, logger="smeai.ui.explorer"):
        slider.value = 9
    assert box.result.value == "Dit lukte niet. Kies opnieuw, of voer de cel nog eens uit."  # no Python name for the learner
    assert "Traceback" not in box.result.value and "Traceback" not in capsys.readouterr().out
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
