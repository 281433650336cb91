"""The Tk window of the guide: picture, cues and a countdown per side (its own process only)."""

import tkinter as tk
from typing import Any

from hamstray.ui.guide.protocol import Ended, Held, Marked, Report, encode
from hamstray.ui.look import FONT, INK, MUTED, PAPER, TEAL, TRACK, WARM, WM_CLASS

SWITCH_S = 3  # seconds to change sides
TITLE = "hamstray"


def sides(per_side: bool) -> list[str]:
    """The labels of the holds of one stretch."""
    return ["Left side", "Right side"] if per_side else ["Hold"]


def clock(seconds: int) -> str:
    """A countdown as people read it: 0:25."""
    return f"{seconds // 60}:{seconds % 60:02d}"


class GuideWindow:
    """Walks the user through each stretch and side, reporting results on stdout."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.stretches: list[dict[str, Any]] = spec["stretches"]
        self.index = 0
        self.side = 0
        self.left = 0
        self.switching = False
        self.held = 0
        self.ended = False
        # The class the launcher's StartupWMClass names, so task bars show hamstray's icon.
        self.root = tk.Tk(className=WM_CLASS)
        if spec.get("icon"):
            try:
                self._icon = tk.PhotoImage(file=spec["icon"])
                self.root.iconphoto(True, self._icon)
            except tk.TclError:
                pass  # a window without its icon is better than none
        self.root.configure(bg=PAPER, padx=22, pady=16)
        self.root.attributes("-topmost", True)
        self.root.resizable(False, False)
        self.root.protocol("WM_DELETE_WINDOW", lambda: self.finish("skip"))
        self._build(spec)
        self.root.bind("<Return>", lambda _: self.done())
        self.root.bind("<KP_Enter>", lambda _: self.done())
        self.root.bind("<Escape>", lambda _: self.skip())

    def _label(self, parent: tk.Misc, **options: Any) -> tk.Label:
        options.setdefault("bg", PAPER)
        options.setdefault("fg", INK)
        return tk.Label(parent, **options)

    def _build(self, spec: dict[str, Any]) -> None:
        self.step = self._label(self.root, font=(FONT, 10), fg=MUTED)
        self.step.pack(anchor="w")
        self.name = self._label(self.root, font=(FONT, 17, "bold"), wraplength=380, justify="left")
        self.name.pack(anchor="w", pady=(2, 8))
        self.picture = self._label(self.root)
        self.picture.pack()
        self.cues = self._label(self.root, font=(FONT, 11), wraplength=380, justify="left")
        self.cues.pack(anchor="w", pady=(8, 4))
        self.caution = self._label(
            self.root, font=(FONT, 10, "italic"), fg=WARM, wraplength=380, justify="left"
        )
        self.caution.pack(anchor="w")
        self.side_label = self._label(self.root, font=(FONT, 13, "bold"), fg=TEAL)
        self.side_label.pack(pady=(10, 0))
        self.count = self._label(self.root, font=(FONT, 40, "bold"))
        self.count.pack()
        self.bar = tk.Canvas(self.root, width=380, height=8, bg=TRACK, highlightthickness=0)
        self.bar.pack(pady=(2, 12))
        buttons = tk.Frame(self.root, bg=PAPER)
        buttons.pack(fill="x")
        self._button(buttons, "Done  ⏎", self.done, primary=True).pack(side="left")
        self._button(buttons, "Skip  Esc", self.skip).pack(side="left", padx=8)
        if spec.get("can_snooze"):
            self._button(buttons, "Snooze", lambda: self.finish("snooze")).pack(side="left")
        feedback = tk.Frame(self.root, bg=PAPER)
        feedback.pack(fill="x", pady=(10, 0))
        self._label(feedback, text="This stretch:", font=(FONT, 9), fg=MUTED).pack(side="left")
        for word, text in (
            ("hard", "too hard"),
            ("favourite", "favourite"),
            ("never", "never again"),
        ):
            link = self._label(
                feedback, text=text, font=(FONT, 9, "underline"), fg=TEAL, cursor="hand2"
            )
            link.pack(side="left", padx=4)
            link.bind("<Button-1>", self._feedback_handler(word))
        self.noted = self._label(feedback, font=(FONT, 9), fg=MUTED)
        self.noted.pack(side="left", padx=4)

    def _feedback_handler(self, word: str) -> Any:
        return lambda _event: self.feedback(word)

    def _button(self, parent: tk.Misc, text: str, command: Any, primary: bool = False) -> tk.Button:
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
            font=(FONT, 11, "bold"),
        )

    def emit(self, report: Report) -> None:
        """Report to the app."""
        print(encode(report), flush=True)

    def show(self) -> None:
        """Show the current stretch and start its first side."""
        stretch = self.stretches[self.index]
        self.root.title(f"{TITLE}: {stretch['name']}")
        total = len(self.stretches)
        self.step.configure(
            text=f"Stretch {self.index + 1} of {total}" if total > 1 else "Stretch break"
        )
        self.name.configure(text=stretch["name"])
        try:
            self.image = tk.PhotoImage(file=stretch["picture"])
            self.picture.configure(image=self.image)
        except tk.TclError:
            self.picture.configure(image="", text="")
        self.cues.configure(
            text="\n".join(f"{n}. {cue}" for n, cue in enumerate(stretch["cues"], 1))
        )
        self.caution.configure(text=f"⚠ {stretch['caution']}" if stretch.get("caution") else "")
        self.noted.configure(text="")
        self.side = 0
        self.held = 0
        self.start_side()

    def start_side(self) -> None:
        stretch = self.stretches[self.index]
        self.switching = False
        self.left = int(stretch["hold_s"])
        self.side_label.configure(text=sides(stretch["per_side"])[self.side], fg=TEAL)
        self.render()

    def render(self) -> None:
        hold = int(self.stretches[self.index]["hold_s"])
        self.count.configure(text=clock(self.left))
        width = 380 * (1 - self.left / hold) if not self.switching else 0
        self.bar.delete("all")
        self.bar.create_rectangle(0, 0, width, 8, fill=TEAL, width=0)

    def tick(self) -> None:
        """One second passed."""
        if self.ended:
            return
        self.root.after(1000, self.tick)
        self.left -= 1
        if not self.switching:
            self.held += 1
        if self.left > 0:
            self.render()
            return
        stretch = self.stretches[self.index]
        if self.switching:
            self.start_side()
        elif self.side + 1 < len(sides(stretch["per_side"])):
            self.side += 1
            self.switching = True
            self.left = SWITCH_S
            self.root.bell()  # the soft cue to change sides
            self.side_label.configure(text="Switch sides", fg=WARM)
            self.render()
        else:
            self.done()

    def done(self) -> None:
        """The current stretch is finished (now, or by the countdown)."""
        self.next_stretch(done=True)

    def skip(self) -> None:
        """Skip the current stretch."""
        self.next_stretch(done=False)

    def next_stretch(self, done: bool) -> None:
        if self.ended:
            return
        stretch = self.stretches[self.index]
        self.emit(Held(stretch["id"], done, self.held))
        if self.index + 1 < len(self.stretches):
            self.index += 1
            self.show()
            return
        self.finish("done" if done else "skip")

    def feedback(self, word: str) -> None:
        """Mark the current stretch (too hard, favourite, never)."""
        self.emit(Marked(self.stretches[self.index]["id"], word))
        self.noted.configure(text="noted ✓")

    def finish(self, action: str) -> None:
        """Report the end and close the window."""
        if self.ended:
            return
        self.ended = True
        self.emit(Ended(action))
        if action == "done":
            self.side_label.configure(text="Well done!", fg=TEAL)
            self.count.configure(text="✓")
            self.root.after(1200, self.root.destroy)
        else:
            self.root.destroy()

    def run(self) -> int:
        """Show the window until the stretches are done or it is closed."""
        self.show()
        self.root.after(1000, self.tick)
        self.root.lift()
        self.root.focus_force()
        self.root.mainloop()
        return 0
