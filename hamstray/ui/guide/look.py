"""How the guide looks: its colours and fonts, its window, and the few widgets it is built
from."""

import tkinter as tk
from collections.abc import Callable
from typing import Any

from hamstray.ui.look import FONT, INK, PAPER, TEAL, TRACK, WM_CLASS

TITLE = "hamstray"
WIDTH = 500  # the text column; the window is this plus its padding
TEXT = WIDTH - 180  # beside the picture


def label(parent: tk.Misc, **options: Any) -> tk.Label:
    """A label on the guide's paper, in ink unless told otherwise."""
    options.setdefault("bg", PAPER)
    options.setdefault("fg", INK)
    options.setdefault("justify", "left")
    return tk.Label(parent, **options)


def button(
    parent: tk.Misc, text: str, command: Callable[[], None], primary: bool = False
) -> tk.Button:
    """A flat button: teal for the one thing to do, grey for the others."""
    return tk.Button(
        parent,
        text=text,
        command=command,
        relief="flat",
        padx=14,
        pady=5,
        bg=TEAL if primary else TRACK,
        fg="white" if primary else INK,
        activebackground=TEAL if primary else TRACK,
        activeforeground="white" if primary else INK,
        disabledforeground="#a9b3b8",
        font=(FONT, 11, "bold"),
        highlightthickness=0,
    )


def link(parent: tk.Misc, text: str, command: Callable[[], None], size: int = 9) -> tk.Label:
    """Underlined teal text that does ``command`` when clicked."""
    found = label(parent, text=text, font=(FONT, size, "underline"), fg=TEAL, cursor="hand2")
    found.bind("<Button-1>", lambda _event: command())
    return found


def open_window(spec: dict[str, Any]) -> tk.Tk:
    """The guide's top-level window, not shown yet, with the class the launcher's
    StartupWMClass names (so task bars show hamstray's icon) and that icon."""
    root = tk.Tk(className=WM_CLASS)
    root.withdraw()  # shown once laid out and sized: no flicker of half-built layouts
    if spec.get("icon"):
        try:
            icon = tk.PhotoImage(file=spec["icon"])
            root.iconphoto(True, icon)
            root.icon = icon  # type: ignore[attr-defined]  # kept from the garbage collector
        except tk.TclError:
            pass  # a window without its icon is better than none
    root.configure(bg=PAPER, padx=22, pady=16)
    root.attributes("-topmost", True)
    root.resizable(False, False)
    return root
