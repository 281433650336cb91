"""The ``hamstray`` command line."""
