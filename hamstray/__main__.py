"""Run hamstray with ``python -m hamstray``."""

import sys

from hamstray.cli import main

sys.exit(main())
