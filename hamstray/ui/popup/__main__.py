"""The popup menu's process: ``python -m hamstray.ui.popup ENTRIES X Y``."""

import sys

from hamstray.ui.popup.menu import main

sys.exit(main(sys.argv[1:]))
