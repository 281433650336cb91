"""The guide window's process: ``python -m hamstray.ui.guide SPEC``."""

import json
import sys

from hamstray.store.translations import use
from hamstray.ui.guide.checkin import CheckinWindow
from hamstray.ui.guide.window import GuideWindow

use()  # LANGUAGE, as the app set it
spec = json.loads(sys.argv[1])
sys.exit((CheckinWindow if spec.get("mode") == "checkin" else GuideWindow)(spec).run())
