"""The settings file: read and checked against ``engine.settings``'s declarations, and written."""
