"""The guide's two panels that stand in for a stretch for a moment: the rules for every
stretch, and "this isn't right for me" with the conditions to choose from."""

import tkinter as tk
from collections.abc import Callable
from typing import Any

from hamstray.store.translations import N_, _
from hamstray.ui.guide.look import WIDTH, button, label, link
from hamstray.ui.look import FONT, MUTED, PAPER


class RulesPanel(tk.Frame):
    """The rules for every stretch and the note on slow progress, closed with one button."""

    heading = N_("Before you start")

    def __init__(
        self, parent: tk.Misc, rules: dict[str, Any], on_close: Callable[[], None]
    ) -> None:
        super().__init__(parent, bg=PAPER)
        label(self, text=_("These apply to every stretch:"), font=(FONT, 10), fg=MUTED).pack(
            anchor="w", pady=(0, 6)
        )
        for line in rules["lines"]:
            row = tk.Frame(self, bg=PAPER)
            row.pack(anchor="w", fill="x", pady=1)
            label(row, text="•", font=(FONT, 11)).pack(side="left", anchor="n")
            label(row, text=line, font=(FONT, 11), wraplength=WIDTH - 20).pack(
                side="left", anchor="w", padx=(6, 0)
            )
        label(
            self, text=rules["progress"], font=(FONT, 10, "italic"), fg=MUTED, wraplength=WIDTH
        ).pack(anchor="w", pady=(10, 12))
        self.close = button(self, _("Got it  ⏎"), on_close, primary=True)
        self.close.pack(anchor="w")


class AvoidPanel(tk.Frame):
    """Which condition makes the stretch wrong for the user: saved, it swaps or leaves out
    the stretches that could strain it from now on."""

    heading = N_("Not right for you?")

    def __init__(
        self,
        parent: tk.Misc,
        stretch: str,
        conditions: list[dict[str, str]],
        on_save: Callable[[list[str]], None],
        on_never: Callable[[], None],
        on_cancel: Callable[[], None],
    ) -> None:
        super().__init__(parent, bg=PAPER)
        self._on_save = on_save
        label(
            self,
            text=_(
                "Say why {stretch} isn't right for you, and from now on hamstray swaps the "
                "stretches that could strain it for gentler ones, or leaves them out."
            ).format(stretch=stretch),
            font=(FONT, 10),
            fg=MUTED,
            wraplength=WIDTH,
        ).pack(anchor="w", pady=(2, 8))
        self.chosen: dict[str, tk.BooleanVar] = {}
        for number, condition in enumerate(conditions, start=1):
            variable = tk.BooleanVar(self, value=False)
            self.chosen[condition["id"]] = variable
            tk.Checkbutton(
                self,
                text=f"{condition['label']}  ({number})",
                variable=variable,
                command=self._update,
                bg=PAPER,
                activebackground=PAPER,
                highlightthickness=0,
                font=(FONT, 11),
                anchor="w",
            ).pack(anchor="w")
        buttons = tk.Frame(self, bg=PAPER)
        buttons.pack(anchor="w", pady=(10, 6))
        self.save = button(buttons, _("Save and skip  ⏎"), self.submit, primary=True)
        self.save.pack(side="left")
        button(buttons, _("Cancel  Esc"), on_cancel).pack(side="left", padx=8)
        link(self, _("None of these: never suggest this stretch again"), on_never).pack(anchor="w")
        self._update()

    def _update(self) -> None:
        self.save.configure(state="normal" if self.picked() else "disabled")

    def toggle(self, number: int) -> None:
        """Tick or untick the ``number``-th condition (its number key does the same)."""
        variables = list(self.chosen.values())
        if 1 <= number <= len(variables):
            variables[number - 1].set(not variables[number - 1].get())
            self._update()

    def picked(self) -> list[str]:
        """The conditions ticked so far."""
        return [name for name, variable in self.chosen.items() if variable.get()]

    def submit(self) -> None:
        """Save the ticked conditions (nothing happens with none ticked)."""
        if self.picked():
            self._on_save(self.picked())
