"""The guide window's process: ``python -m hamstray.ui.guide SPEC``."""

import json
import sys

from hamstray.ui.guide.checkin import CheckinWindow
from hamstray.ui.guide.window import GuideWindow

spec = json.loads(sys.argv[1])
sys.exit((CheckinWindow if spec.get("mode") == "checkin" else GuideWindow)(spec).run())
