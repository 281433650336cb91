"""hamstray: a tray app that turns long sitting into short stretch breaks."""

from importlib import metadata

try:
    __version__ = metadata.version("hamstray")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
