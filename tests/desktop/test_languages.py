"""hamstray in German, French and Spanish on a real X server: the reminder dunst shows, the
guide window, and the CLI, each in the language the desktop asks for.

With ``HAMSTRAY_SCREENSHOTS=docs`` the guide's picture per language is kept there too
(``docs/guide-de.png`` ...), as the README shows them.
"""

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from .stack import wait_for
from .test_guide import find_window, read_the_rules

# What each language says: the reminder's title and body, and `hamstray status`.
SAID = {
    "de": ("Du sitzt seit", "Versuch es am Schreibtisch:", "Beim Dehnen."),
    "fr": ("Vous êtes assis depuis", "À faire à votre bureau :", "Étirement en cours."),
    "es": ("Llevas", "Prueba en tu escritorio:", "Estirando."),
}
# The window titles as xdotool matches them (its regex is byte-wise: ".+" for "è").
SETTINGS = {
    "de": "hamstray-Einstellungen",
    "fr": "Param.+tres de hamstray",
    "es": "Ajustes de hamstray",
}
DUE = '[breaks]\ninterval = "2s"\n[stretches]\ncontexts = ["desk"]\nhold = "60s"\n'


@pytest.mark.desktop
@pytest.mark.parametrize("language", sorted(SAID))
def test_the_app_speaks_the_desktops_language(app_factory, tmp_path: Path, language: str) -> None:
    title, intro, stretching = SAID[language]
    app = app_factory(DUE, LANGUAGE=language)

    def reminder() -> dict[str, str] | None:
        app.desktop.close_notifications()  # dunst's history lists closed notifications only
        return next(
            (n for n in app.desktop.notifications() if n["summary"].startswith(title)), None
        )

    shown = wait_for(reminder, 15, f"a reminder that says {title!r}")
    assert isinstance(shown, dict)
    assert shown["body"].startswith(intro)
    started = app.cli("stretch", "chair-hamstring")
    assert started.returncode == 0, app.log()[-2500:]
    assert app.cli("status").stdout.startswith(stretching)
    assert app.status()["phase"] == "stretching"  # the JSON stays English
    window = find_window(app, "^hamstray: ")
    app.desktop.screenshot(tmp_path / f"rules-{language}.png", window)  # the rules come first
    read_the_rules(app, window)
    picture = app.desktop.screenshot(tmp_path / f"guide-{language}.png", window)
    with Image.open(picture) as image:
        assert image.width > 300
    folder = os.environ.get("HAMSTRAY_SCREENSHOTS")
    if folder:
        shutil.copy(picture, Path(folder) / f"guide-{language}.png")


@pytest.mark.desktop
@pytest.mark.parametrize("language", sorted(SAID))
def test_the_settings_window_speaks_the_language(
    app_factory, tmp_path: Path, language: str
) -> None:
    app = app_factory(LANGUAGE=language)
    assert app.cli("settings").returncode == 0
    window = find_window(app, f"^{SETTINGS[language]}$")
    picture = app.desktop.screenshot(tmp_path / f"settings-{language}.png", window)
    with Image.open(picture) as image:
        assert image.width > 300
