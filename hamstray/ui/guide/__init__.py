"""The guide window: both ends of its protocol, the stretches (with the rules and "not right
for me") and the flexibility check-in."""
