"""The guide window's process: ``python -m hamstray.ui.guide SPEC``."""

import json
import sys

from hamstray.ui.guide.window import GuideWindow

sys.exit(GuideWindow(json.loads(sys.argv[1])).run())
