"""The reliability suite: bad input and faults tried on the real program.

Tests here and elsewhere carry ``@pytest.mark.finding(tried, happens, kept)``: the rows of
docs/reliability.md (see tests/conftest.py).
"""

# Fixtures shared with the other suites: a fresh user, and the private desktop with the app.
from tests.desktop.conftest import app_factory, stack  # noqa: F401
from tests.integration.conftest import env, run  # noqa: F401
