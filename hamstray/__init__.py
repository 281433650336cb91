"""hamstray: a tray app that turns long sitting into short stretch breaks."""

try:  # written by the build (pyproject.toml is the version's one source)
    from hamstray._version import __version__ as __version__
except ImportError:  # a source tree that was never built or installed
    __version__ = "0+unknown"
