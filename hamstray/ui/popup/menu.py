"""The Tk popup menu (its own process only): it prints the path of the chosen entry and exits."""

import json
import tkinter as tk
from collections.abc import Callable
from typing import Any, Literal


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
            parent.add_cascade(label=entry["label"], menu=child, state=state)
        elif entry.get("checked") is not None:
            variable = tk.BooleanVar(root, value=bool(entry["checked"]))
            parent.add_checkbutton(
                label=entry["label"], variable=variable, state=state, command=chooser(root, key)
            )
            root.variables.append(variable)  # type: ignore[attr-defined]
        else:
            parent.add_command(label=entry["label"], state=state, command=chooser(root, key))


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
    root.after(30_000, root.destroy)  # never linger
    menu.tk_popup(x, y)
    root.mainloop()
    return 0
