"""hamstray's look in its Tk windows: one palette and font for the guide and the settings."""

PAPER = "#f6f4ef"
INK = "#20303a"
MUTED = "#5c6b73"
TEAL = "#178f83"
WARM = "#9a5a12"
ERROR = "#a3261b"
TRACK = "#dcd8cf"
FONT = "TkDefaultFont"
WM_CLASS = "hamstray"  # the class the launcher's StartupWMClass names
