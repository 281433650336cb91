"""The Tk popup menu (its own process only): it prints the path of the chosen entry and exits.

It closes without a choice on Escape, on a click outside it (it holds the pointer and the
keyboard, as menus do, so the focus cannot go elsewhere while it is up), and when its standard
input ends: the app holds the other end, so the menu goes when the app does, even when the app
is killed.
"""

import json
import sys
import tkinter as tk
from collections.abc import Callable
from typing import Any, Literal

GRAB_RETRY_MS, GRAB_TRIES = 100, 100  # while the button that opened the menu is held


def build(root: tk.Tk, parent: tk.Menu, entries: list[dict[str, Any]], path: str = "") -> None:
    """Fill ``parent`` with ``entries`` (label, enabled, checked, submenu)."""
    for index, entry in enumerate(entries):
        key = f"{path}{index}"
        if entry["label"] == "-":
            parent.add_separator()
            continue
        state: Literal["normal", "disabled"] = (
            "normal" if entry.get("enabled", True) else "disabled"
        )
        if entry.get("submenu"):
            child = tk.Menu(parent, tearoff=False)
            build(root, child, entry["submenu"], f"{key}.")
            beside(parent, child)
            parent.add_cascade(label=entry["label"], menu=child, state=state)
        elif entry.get("checked") is not None:
            variable = tk.BooleanVar(root, value=bool(entry["checked"]))
            parent.add_checkbutton(
                label=entry["label"], variable=variable, state=state, command=chooser(root, key)
            )
            root.variables.append(variable)  # type: ignore[attr-defined]
        else:
            parent.add_command(label=entry["label"], state=state, command=chooser(root, key))


def beside(parent: tk.Menu, child: tk.Menu) -> None:
    """Make the cascade ``child`` open on the left of ``parent`` where the right has no room.

    Tk posts a cascade at the right edge of its menu by calling the cascade's widget command
    (``post X Y``) and, at the screen's edge, pushes it back left over the menu, hiding the
    entries under it (tint2 and most panels put the tray in the top right corner). So the
    command is wrapped, and a post that would not fit is moved to the other side.
    """
    name = str(child)
    tk_command = f"{name}:tk"
    child.tk.call("rename", name, tk_command)

    def command(*args: Any) -> Any:
        match args:
            case ("post", x, y) if int(x) + child.winfo_reqwidth() > child.winfo_screenwidth():
                args = ("post", max(0, parent.winfo_rootx() - child.winfo_reqwidth()), y)
        return child.tk.call(tk_command, *args)

    child.tk.createcommand(name, command)


def chooser(root: tk.Tk, key: str) -> Callable[[], None]:
    """A command that reports item ``key`` as chosen and closes the menu."""

    def choose() -> None:
        print(key, flush=True)
        root.after(10, root.destroy)

    return choose


def main(argv: list[str]) -> int:
    """Show the menu ``argv[0]`` (JSON) at ``argv[1]``, ``argv[2]`` (screen pixels)."""
    entries, x, y = json.loads(argv[0]), int(argv[1]), int(argv[2])
    root = tk.Tk(className="hamstray-menu")
    root.withdraw()
    root.variables = []  # type: ignore[attr-defined]
    menu = tk.Menu(root, tearoff=False)
    build(root, menu, entries)
    menu.bind("<Unmap>", lambda _: root.after(200, root.destroy))  # dismissed without a choice
    root.tk.createfilehandler(sys.stdin, tk.READABLE, lambda *_: root.destroy())  # the app ended
    root.after(30_000, root.destroy)  # never linger
    post(root, menu, x, y)
    root.mainloop()
    return 0


def post(root: tk.Tk, menu: tk.Menu, x: int, y: int, tries: int = GRAB_TRIES) -> None:
    """Show ``menu`` at (x, y) holding the pointer and the keyboard, as menus do."""
    if tries < GRAB_TRIES and not menu.winfo_ismapped():
        return  # closed (Escape) before it could hold the pointer
    try:
        menu.tk_popup(x, y)
    except tk.TclError:
        # "grab failed": the button that opened the menu is still held (a press, a drag, a
        # release on an entry), and the tray it was pressed on has the pointer until it comes
        # up. Tk itself tries for a second; the menu stays up and tries again until then.
        if tries > 1:
            root.after(GRAB_RETRY_MS, post, root, menu, x, y, tries - 1)
    # Tk hands key presses only to an application that has the focus; without it, Escape and
    # the arrow keys went to whatever window was under the pointer.
    menu.focus_force()
