"""The pure rules: no clock, no threads, no I/O. Values in, values out."""
