"""The running app: the loop that owns the state, the wiring, and the control channel."""
