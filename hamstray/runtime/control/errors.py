"""What goes wrong with the control channel: its two errors, apart from the protocol so that the
instance lock (taken before the icon shows) needs neither JSON nor the request model."""


class ControlError(Exception):
    """A control request failed; the message is for the user, shown after "hamstray: "."""


class NotRunning(ControlError):
    """No hamstray answers for this user."""
