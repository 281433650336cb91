"""Shared test settings."""

from hypothesis import settings

# Property tests stay quick and deterministic in the normal run.
settings.register_profile("default", derandomize=True, deadline=None)
settings.load_profile("default")
