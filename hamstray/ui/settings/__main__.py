"""The settings window's process: ``python -m hamstray.ui.settings SPEC``."""

import json
import sys
import tkinter

from hamstray.store.translations import use
from hamstray.ui.settings.window import SettingsWindow

use()  # LANGUAGE, as the app set it
try:
    window = SettingsWindow(json.loads(sys.argv[1]))
except tkinter.TclError as error:  # no display, or one that refuses us
    print(f"hamstray settings: the window cannot open ({error}).", file=sys.stderr)
    sys.exit(1)
sys.exit(window.run())
