"""Run hamstray with ``python -m hamstray``."""

import sys

from hamstray.cli.main import main

sys.exit(main())
