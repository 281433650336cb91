"""hamstray's own tray menu for XEmbed trays: both ends of its protocol, and the Tk menu."""
