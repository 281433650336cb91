"""The guided stretch window: both ends of its protocol, and the Tk window itself."""
