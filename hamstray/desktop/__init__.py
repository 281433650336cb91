"""Adapters to the desktop: tray, notifications, D-Bus, idle and quiet probes, start at login."""
