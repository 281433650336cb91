"""One instance per user, and a local channel through which the command line controls it."""
