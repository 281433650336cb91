"""The guide's flexibility check-in: a one-minute self-test, its answer on a scale of
landmarks, and what that answer says next to the earlier ones (in its own process only)."""

import tkinter as tk
from typing import Any

from hamstray.store.translations import _
from hamstray.ui.guide.look import TITLE, WIDTH, button, label, link, open_window
from hamstray.ui.guide.protocol import Answered, Ended, emit
from hamstray.ui.look import FONT, INK, MUTED, PAPER, TEAL, TRACK


class CheckinWindow:
    """Shows one self-test at a time (the other a click away), reports the answer."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.tests: list[dict[str, Any]] = spec["tests"]
        self.test = 0
        self.ended = False
        self.root = open_window(spec)
        self.root.title(f"{TITLE}: {spec['title']}")
        self.root.protocol("WM_DELETE_WINDOW", lambda: self.finish("skip"))
        self.answer = tk.StringVar(self.root, value="")
        label(self.root, text=spec["title"], font=(FONT, 17, "bold")).pack(anchor="w")
        label(self.root, text=spec["intro"], font=(FONT, 10), fg=MUTED, wraplength=WIDTH).pack(
            anchor="w", pady=(2, 8)
        )
        self.choice = tk.Frame(self.root, bg=PAPER)
        self.choice.pack(anchor="w", pady=(0, 8))
        self.body = tk.Frame(self.root, bg=PAPER)
        self.body.pack(fill="x")
        buttons = tk.Frame(self.root, bg=PAPER)
        buttons.pack(side="bottom", fill="x", pady=(12, 0))
        self.save = button(buttons, _("Save  ⏎"), self.submit, primary=True)
        self.save.pack(side="left")
        self.skip = button(buttons, _("Not now  Esc"), lambda: self.finish("skip"))
        self.skip.pack(side="left", padx=8)
        tk.Frame(self.root, bg=TRACK, height=1).pack(side="bottom", fill="x", pady=(12, 0))
        self.root.bind("<Return>", lambda _: self.save.invoke())
        self.root.bind("<KP_Enter>", lambda _: self.save.invoke())
        self.root.bind("<Escape>", lambda _: self.finish("skip"))
        for number in range(1, 10):  # choose the answer by its number
            self.root.bind(f"<Key-{number}>", self._picker(number))
        self.show(0)

    def show(self, index: int) -> None:
        """Show self-test ``index``, its answer cleared."""
        self.test = index
        self.answer.set("")
        for old in (*self.choice.winfo_children(), *self.body.winfo_children()):
            old.destroy()
        if len(self.tests) > 1:
            label(self.choice, text=_("Test:"), font=(FONT, 9), fg=MUTED).pack(side="left")
            for number, test in enumerate(self.tests):
                if number == index:
                    label(self.choice, text=test["name"], font=(FONT, 9, "bold")).pack(
                        side="left", padx=4
                    )
                else:
                    link(self.choice, test["name"], self._chooser(number)).pack(side="left", padx=4)
        test = self.tests[index]
        steps = "\n".join(f"{n}. {cue}" for n, cue in enumerate(test["cues"], 1))
        label(self.body, text=steps, font=(FONT, 11), wraplength=WIDTH).pack(anchor="w")
        label(self.body, text=test["question"], font=(FONT, 11, "bold"), wraplength=WIDTH).pack(
            anchor="w", pady=(10, 4)
        )
        for number, answer in enumerate(test["answers"], start=1):
            tk.Radiobutton(
                self.body,
                text=f"{number}. {answer['label']}",
                value=answer["id"],
                variable=self.answer,
                command=self._update,
                bg=PAPER,
                activebackground=PAPER,
                highlightthickness=0,
                font=(FONT, 11),
                anchor="w",
            ).pack(anchor="w")
        self._update()

    def _chooser(self, index: int) -> Any:
        return lambda: self.show(index)

    def _picker(self, number: int) -> Any:
        def pick(_: object) -> None:
            answers = self.tests[self.test]["answers"]
            if not self.ended and 1 <= number <= len(answers) and self.skip.winfo_ismapped():
                self.answer.set(answers[number - 1]["id"])
                self._update()

        return pick

    def _update(self) -> None:
        self.save.configure(state="normal" if self.answer.get() else "disabled")

    def submit(self) -> None:
        """Report the chosen answer and say what it shows next to the earlier ones."""
        if self.ended or not self.answer.get():
            return
        test = self.tests[self.test]
        chosen = next(a for a in test["answers"] if a["id"] == self.answer.get())
        emit(Answered(test["id"], chosen["id"]))
        for old in (*self.choice.winfo_children(), *self.body.winfo_children()):
            old.destroy()
        label(
            self.body,
            text=_("Saved: {answer}.").format(answer=chosen["label"]),
            font=(FONT, 13, "bold"),
            fg=TEAL,
        ).pack(anchor="w")
        label(self.body, text=chosen["trend"], font=(FONT, 11), fg=INK, wraplength=WIDTH).pack(
            anchor="w", pady=(6, 0)
        )
        label(
            self.body,
            text=_(
                "The weekly chart (Statistics… in the menu) and hamstray stats show it over "
                "the weeks."
            ),
            font=(FONT, 10),
            fg=MUTED,
            wraplength=WIDTH,
        ).pack(anchor="w", pady=(6, 0))
        self.save.configure(text="Close  ⏎", command=lambda: self.finish("done"), state="normal")
        self.skip.pack_forget()

    def finish(self, action: str) -> None:
        """Report the end and close the window."""
        if not self.ended:
            self.ended = True
            emit(Ended(action))
        self.root.destroy()

    def fit(self) -> None:
        """Size the window once, for the longer of the self-tests, in the middle of the
        screen: it keeps that size when the answer is saved."""
        sizes = []
        for index in range(len(self.tests)):
            self.show(index)
            self.root.update_idletasks()
            sizes.append((self.root.winfo_reqwidth(), self.root.winfo_reqheight()))
        self.show(0)
        width, height = max(w for w, _ in sizes), max(h for _, h in sizes)
        screen_w, screen_h = self.root.winfo_screenwidth(), self.root.winfo_screenheight()
        height = min(height, screen_h - 80)
        left, top = max(0, (screen_w - width) // 2), max(0, (screen_h - height) // 3)
        self.root.geometry(f"{width}x{height}+{left}+{top}")
        self.root.deiconify()

    def run(self) -> int:
        """Show the window until it is closed."""
        self.fit()
        self.root.lift()
        self.root.focus_force()
        self.root.mainloop()
        return 0
