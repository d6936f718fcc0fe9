"""Figures carry a text alternative in the learner's language."""

from __future__ import annotations

import base64

from IPython.core.interactiveshell import InteractiveShell

from smeai import i18n
from smeai.plotting import as_image, new_axes
from smeai.ui.picture import Picture, describe_figure


def _figure(title="Omzet per dag", x="Datum", y="Omzet (€)"):
    ax = new_axes()
    ax.plot([1, 2, 3], [3, 1, 2])
    ax.set_title(title)
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    return ax.figure


def test_jupyter_gets_html_with_alt_text_and_keeps_the_png():
    picture = as_image(_figure())
    data, _ = InteractiveShell.instance().display_formatter.format(picture)
    assert base64.b64decode(data["image/png"]) == picture.data and picture.data.startswith(b"\x89PNG")
    assert 'alt="Grafiek: Omzet per dag. Horizontaal: Datum; verticaal: Omzet (€)."' in data["text/html"]
    assert data["text/html"].startswith("<img ")


def test_alt_text_follows_the_language_and_escapes_html():
    i18n.set_language("en")
    assert describe_figure(_figure()) == "Chart: Omzet per dag. Horizontal: Datum; vertical: Omzet (€)."
    picture = Picture(b"\x89PNG", alt='5 < 6 & "quotes"')
    assert 'alt="5 &lt; 6 &amp; &quot;quotes&quot;"' in picture._repr_html_()


def test_a_module_can_say_more_and_a_bare_figure_still_gets_a_sentence():
    assert as_image(_figure(), alt="Zaterdag verkoopt het meest.").alt == "Zaterdag verkoopt het meest."
    bare = new_axes().figure
    assert describe_figure(bare) == "Een grafiek bij deze oefening."
    assert describe_figure(_figure(x="", y="")) == "Grafiek: Omzet per dag."
