"""The settings window: its protocol, its fields, the Tk window and the app's end."""
