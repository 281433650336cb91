"""hamstray's own windows, each in a process of its own: the guide, the popup menu; the chart."""
