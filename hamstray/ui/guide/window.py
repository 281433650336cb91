"""The Tk window of the guide: each stretch with its picture, why and where to feel it, its
cues and cautions, and a countdown per side (in its own process only)."""

import tkinter as tk
from typing import Any

from hamstray.engine.catalogue import Dose
from hamstray.store.translations import _
from hamstray.ui.guide.countdown import Beat, Countdown
from hamstray.ui.guide.look import TEXT, TITLE, WIDTH, button, label, link, open_window
from hamstray.ui.guide.panels import AvoidPanel, RulesPanel
from hamstray.ui.guide.picture import Player, pace, picture_side
from hamstray.ui.guide.protocol import Avoided, Ended, Held, Marked, RulesRead, emit
from hamstray.ui.look import FONT, INK, MUTED, PAPER, TEAL, TRACK, WARM

NOTE_MARKS = {"swap": ("↻", TEAL, ""), "caution": ("⚠", WARM, "italic"), "adapt": ("✓", INK, "")}


class GuideWindow:
    """Walks the user through each stretch and side, reporting results on stdout."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.stretches: list[dict[str, Any]] = list(spec["stretches"])
        self.index = 0
        self.countdown = Countdown(Dose.HOLD, 1, False)
        self.running = False  # the countdown ticks (not behind a panel)
        self.ended = False
        self.panel: RulesPanel | AvoidPanel | None = None
        self.root = open_window(spec)
        self.root.protocol("WM_DELETE_WINDOW", lambda: self.finish("skip"))
        self._build()
        self.root.bind("<Return>", lambda _: self._enter())
        self.root.bind("<KP_Enter>", lambda _: self._enter())
        self.root.bind("<Escape>", lambda _: self._escape())
        self.root.bind("<F1>", lambda _: self.show_rules())
        self.root.bind("<Key-n>", lambda _: self._not_right())
        for number in range(1, 10):  # tick a condition in "not right for me"
            self.root.bind(f"<Key-{number}>", self._toggler(number))

    def _build(self) -> None:
        header = tk.Frame(self.root, bg=PAPER)
        header.pack(fill="x")
        self.step = label(header, font=(FONT, 10), fg=MUTED)
        self.step.pack(anchor="w")
        self.name = label(header, font=(FONT, 17, "bold"), wraplength=WIDTH)
        self.name.pack(anchor="w", pady=(2, 4))
        footer = tk.Frame(self.root, bg=PAPER)
        footer.pack(side="bottom", fill="x", pady=(10, 0))
        tk.Frame(footer, bg=TRACK, height=1).pack(fill="x", pady=(0, 6))
        rules = self.spec["rules"]
        link(footer, _("Safety"), self.show_rules).pack(side="right", anchor="n")
        label(footer, text=rules["footer"], font=(FONT, 9), fg=MUTED, wraplength=WIDTH - 60).pack(
            side="left", anchor="w"
        )
        self.stage = tk.Frame(self.root, bg=PAPER)
        self.stage.pack(fill="both", expand=True)
        self.main = tk.Frame(self.stage, bg=PAPER)
        self.main.pack(fill="both", expand=True)
        self._build_controls(self.main)
        self._build_body(self.main)

    def _build_body(self, parent: tk.Misc) -> None:
        self.why = label(parent, font=(FONT, 10), fg=MUTED, wraplength=WIDTH)
        self.why.pack(anchor="w", pady=(0, 8))
        row = tk.Frame(parent, bg=PAPER)
        row.pack(fill="x")
        self.picture = label(row)
        self.player = Player(self.picture, self.spec.get("pictures"))
        self.column = tk.Frame(row, bg=PAPER)
        self.column.pack(side="left", anchor="n", fill="x")
        self.cues = label(self.column, font=(FONT, 11), wraplength=TEXT)
        self.cues.pack(anchor="w")
        self.feel = label(self.column, font=(FONT, 10), fg=TEAL, wraplength=TEXT)
        self.feel.pack(anchor="w", pady=(6, 0))
        self.notes = tk.Frame(parent, bg=PAPER)
        self.notes.pack(fill="x", pady=(8, 0))

    def _build_controls(self, parent: tk.Misc) -> None:
        controls = tk.Frame(parent, bg=PAPER)
        controls.pack(side="bottom", fill="x")
        self.side_label = label(controls, font=(FONT, 13, "bold"), fg=TEAL)
        self.side_label.pack(pady=(10, 0))
        self.count = label(controls, font=(FONT, 34, "bold"))
        self.count.pack()
        self.bar = tk.Canvas(controls, width=WIDTH, height=8, bg=TRACK, highlightthickness=0)
        self.bar.pack(pady=(2, 12))
        buttons = tk.Frame(controls, bg=PAPER)
        buttons.pack(fill="x")
        button(buttons, _("Done  ⏎"), self.done, primary=True).pack(side="left")
        button(buttons, _("Skip  Esc"), self.skip).pack(side="left", padx=8)
        if self.spec.get("can_snooze"):
            button(buttons, _("Snooze"), lambda: self.finish("snooze")).pack(side="left")
        feedback = tk.Frame(controls, bg=PAPER)
        feedback.pack(fill="x", pady=(10, 0))
        label(feedback, text=_("This stretch:"), font=(FONT, 9), fg=MUTED).pack(side="left")
        for word, text in (
            ("hard", _("too hard")),
            ("favourite", _("favourite")),
            ("never", _("never")),
        ):
            link(feedback, text, self._marker(word)).pack(side="left", padx=4)
        link(feedback, _("not right for me"), self.show_avoid).pack(side="left", padx=4)
        self.noted = label(feedback, font=(FONT, 9), fg=MUTED)
        self.noted.pack(side="left", padx=4)

    def _marker(self, word: str) -> Any:
        return lambda: self.feedback(word)

    def _toggler(self, number: int) -> Any:
        def toggle(_: object) -> None:
            if isinstance(self.panel, AvoidPanel):
                self.panel.toggle(number)

        return toggle

    def _not_right(self) -> None:
        if self.panel is None and not self.ended:
            self.show_avoid()

    def fill(self) -> None:
        """Put the current stretch in the window (its countdown not yet started)."""
        stretch = self.stretches[self.index]
        self.root.title(f"{TITLE}: {stretch['name']}")
        total = len(self.stretches)
        title = self.spec["title"]
        where = (
            _("{title} · {number} of {total}").format(
                title=title, number=self.index + 1, total=total
            )
            if total > 1
            else title
        )
        self.step.configure(
            text=_("{where} · warm-up").format(where=where) if stretch.get("warm_up") else where
        )
        self.name.configure(text=stretch["name"])
        self.why.configure(text=stretch.get("why", ""))
        side, frame_ms = picture_side(stretch["per_side"], 0), pace(stretch.get("dose"))
        if self.player.show(stretch["id"], side, stretch["picture"], frame_ms):
            self.picture.pack(side="left", anchor="n", padx=(0, 16), before=self.column)
            wrap = TEXT
        else:  # no picture (yet): the text takes the whole width
            self.picture.pack_forget()
            wrap = WIDTH
        self.cues.configure(wraplength=wrap)
        self.feel.configure(wraplength=wrap)
        self.cues.configure(
            text="\n".join(f"{n}. {cue}" for n, cue in enumerate(stretch["cues"], 1))
        )
        self.feel.configure(
            text=_("Feel it: {feel}").format(feel=stretch["feel"]) if stretch.get("feel") else ""
        )
        for old in self.notes.winfo_children():
            old.destroy()
        for note in stretch.get("notes", []):
            mark, colour, style = NOTE_MARKS.get(note["kind"], NOTE_MARKS["caution"])
            label(
                self.notes,
                text=f"{mark} {note['text']}",
                font=(FONT, 10, style) if style else (FONT, 10),
                fg=colour,
                wraplength=WIDTH,
            ).pack(anchor="w", pady=1)
        self.noted.configure(text="")
        self.countdown = Countdown(
            Dose(stretch.get("dose", "hold")),
            int(stretch["hold_s"]),
            bool(stretch["per_side"]),
            stretch.get("rounds"),
        )
        self.render()

    def render(self) -> None:
        """Show where the countdown stands."""
        counting = self.countdown
        self.side_label.configure(text=counting.label, fg=WARM if counting.switching else TEAL)
        self.count.configure(text=counting.big)
        self.bar.delete("all")
        self.bar.create_rectangle(0, 0, WIDTH * counting.fraction, 8, fill=TEAL, width=0)

    def tick(self) -> None:
        """One second passed."""
        if self.ended:
            return
        self.root.after(1000, self.tick)
        if not self.running:
            return
        beat = self.countdown.tick()
        if beat is Beat.SWITCH:
            self.root.bell()  # the soft cue to change sides
            stretch = self.stretches[self.index]  # and the other side's (mirrored) picture
            side = picture_side(True, self.countdown.side)
            self.player.show(stretch["id"], side, None, pace(stretch.get("dose")))
        if beat is Beat.DONE:
            self.done()
        else:
            self.render()

    def done(self) -> None:
        """The current stretch is finished (now, or by the countdown)."""
        self.next_stretch(done=True)

    def skip(self) -> None:
        """Skip the current stretch."""
        self.next_stretch(done=False)

    def next_stretch(self, done: bool) -> None:
        if self.ended:
            return
        counted = self.countdown
        emit(Held(self.stretches[self.index]["id"], done, counted.held, counted.most_done))
        if self.index + 1 < len(self.stretches):
            self.index += 1
            self.fill()
            return
        self.finish("done" if done else "skip")

    def feedback(self, word: str) -> None:
        """Mark the current stretch (too hard, favourite, never)."""
        emit(Marked(self.stretches[self.index]["id"], word))
        self.noted.configure(text=_("noted ✓"))

    def _show(self, panel: RulesPanel | AvoidPanel) -> None:
        """Put ``panel`` in place of the stretch, under the panel's heading; the countdown
        waits."""
        self._hide()
        self.running = False
        self.main.pack_forget()
        self.panel = panel
        self.name.configure(text=_(panel.heading))
        panel.pack(fill="both", expand=True)

    def _hide(self) -> None:
        """Back to the stretch from a panel; the countdown goes on."""
        if self.panel is not None:
            self.panel.destroy()
            self.panel = None
            self.main.pack(fill="both", expand=True)
            self.name.configure(text=self.stretches[self.index]["name"])
        self.running = not self.ended

    def show_rules(self, first: bool = False) -> None:
        """The rules for every stretch; the first time, closing them is reported."""

        def close() -> None:
            if first:
                emit(RulesRead(bool(self.spec.get("routine"))))
            self._hide()

        self._show(RulesPanel(self.stage, self.spec["rules"], close))

    def show_avoid(self) -> None:
        """Ask which condition makes this stretch wrong for the user."""
        name = self.stretches[self.index]["name"]
        conditions = self.spec["conditions"]
        self._show(AvoidPanel(self.stage, name, conditions, self.avoid, self._never, self._hide))

    def avoid(self, conditions: list[str]) -> None:
        """The stretch is not right because of ``conditions``: report it, leave out what is
        left of the routine that carries their cautions, and move on."""
        stretch = self.stretches[self.index]
        emit(Avoided(stretch["id"], tuple(conditions)))  # type: ignore[arg-type]
        ahead = self.stretches[self.index + 1 :]
        kept = [s for s in ahead if not set(s.get("avoid_for", [])) & set(conditions)]
        self.stretches[self.index + 1 :] = kept
        self._hide()
        self.skip()

    def _never(self) -> None:
        self.feedback("never")
        self._hide()
        self.skip()

    def _enter(self) -> None:
        if isinstance(self.panel, RulesPanel):
            self.panel.close.invoke()
        elif isinstance(self.panel, AvoidPanel):
            self.panel.submit()
        else:
            self.done()

    def _escape(self) -> None:
        if isinstance(self.panel, RulesPanel):
            self.panel.close.invoke()
        elif self.panel is not None:
            self._hide()
        else:
            self.skip()

    def finish(self, action: str) -> None:
        """Report the end and close the window."""
        if self.ended:
            return
        self.ended = True
        self.running = False
        emit(Ended(action))
        if action != "done":
            self.root.destroy()
            return
        self.side_label.configure(text=_("Well done!"), fg=TEAL)
        self.count.configure(text="✓")
        self.bar.delete("all")
        self.bar.create_rectangle(0, 0, WIDTH, 8, fill=TEAL, width=0)
        if len(self.stretches) > 1:  # after a routine, a word on how progress goes
            self.why.configure(text=self.spec["rules"]["progress"], fg=INK)
        self.root.after(5000 if len(self.stretches) > 1 else 1200, self.root.destroy)

    def fit(self) -> None:
        """Size the window once, for the largest of its stretches and panels, and place it in
        the middle of the screen: it keeps that size from one stretch to the next."""
        sizes = []
        for index in range(len(self.stretches)):
            self.index = index
            self.fill()
            self.root.update_idletasks()
            sizes.append((self.root.winfo_reqwidth(), self.root.winfo_reqheight()))
        for make in (self.show_rules, self.show_avoid):
            make()
            self.root.update_idletasks()
            sizes.append((self.root.winfo_reqwidth(), self.root.winfo_reqheight()))
        self._hide()
        self.index = 0
        screen_w, screen_h = self.root.winfo_screenwidth(), self.root.winfo_screenheight()
        width = min(max(w for w, _ in sizes), screen_w)
        height = min(max(h for _, h in sizes), screen_h - 80)  # room for a panel or a task bar
        left, top = max(0, (screen_w - width) // 2), max(0, (screen_h - height) // 3)
        self.root.geometry(f"{width}x{height}+{left}+{top}")
        self.root.deiconify()

    def run(self) -> int:
        """Show the window until the stretches are done or it is closed."""
        self.fit()
        self.fill()
        if self.spec.get("show_rules"):
            self.show_rules(first=True)
        else:
            self.running = True
        self.root.after(1000, self.tick)
        self.root.lift()
        self.root.focus_force()
        self.root.mainloop()
        return 0
