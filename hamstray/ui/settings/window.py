"""The settings window (Tk, in its own process only): a page per group of keys, every field
checked as the user types, and Save, Cancel and Open the file. Keyboard: Tab moves between
fields, Ctrl+Tab between pages, Return or Ctrl+S saves, Escape cancels, Ctrl+O opens the file."""

import contextlib
import queue
import sys
import threading
import tkinter as tk
from pathlib import Path
from tkinter import ttk
from typing import Any

from hamstray.config import edits
from hamstray.config.loader import Problem
from hamstray.store import assets
from hamstray.store.files import write_atomically
from hamstray.store.translations import N_, _
from hamstray.ui.look import ERROR, FONT, INK, MUTED, PAPER, TEAL, TRACK, WM_CLASS
from hamstray.ui.settings.fields import SMALL, Row, style, toggle
from hamstray.ui.settings.form import Form
from hamstray.ui.settings.protocol import (
    Closed,
    Message,
    OpenFailed,
    OpenFile,
    Saved,
    decode,
    encode,
)

TITLE = N_("hamstray settings")
ANSWER_WAIT_MS = 20_000  # how long the window listens for "no program opened the file"


def _home(path: Path) -> str:
    home = str(Path.home())
    text = str(path)
    return "~" + text[len(home) :] if text.startswith(home + "/") else text


class SettingsWindow:
    """Edits the settings file; reports Save, Cancel and Open the file on stdout."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.path = Path(spec["path"])
        self.snapshot = edits.snapshot(self.path)
        try:
            self.form = Form(self.snapshot.text, self.path)
        except edits.EditError:  # not UTF-8: shown, and nothing is saved over it
            self.form = Form("", self.path)
            self.form.unreadable = Problem(self.path, None, "", _("is not UTF-8 text"))
        self.root = tk.Tk(className=WM_CLASS)
        self.root.title(_(TITLE))
        if spec.get("icon"):
            try:
                self._icon = tk.PhotoImage(file=spec["icon"])
                self.root.iconphoto(True, self._icon)
            except tk.TclError:
                pass  # a window without its icon is better than none
        self.root.configure(bg=PAPER, padx="12p", pady="10p")
        self.root.protocol("WM_DELETE_WINDOW", self.cancel)
        self._answers: queue.SimpleQueue[Message] = queue.SimpleQueue()
        self._listening = 0
        self.rows: dict[str, Row] = {}
        self._page_of: dict[str, int] = {}
        style(self.root)
        self._build(spec)
        for sequence in ("<Return>", "<KP_Enter>", "<Control-s>"):
            self.root.bind(sequence, lambda _: self.save())
        self.root.bind("<Escape>", lambda _: self.cancel())
        self.root.bind("<Control-o>", lambda _: self.open_file())
        self.refresh()

    def _build(self, spec: dict[str, Any]) -> None:
        self.notebook = ttk.Notebook(self.root)
        self.notebook.pack(fill="both", expand=True)
        catalogue = assets.stretches()
        for number, (title, fields) in enumerate(self.form.pages):
            page = ttk.Frame(self.notebook, style="Page.TFrame", padding=("10p", "6p"))
            self.notebook.add(page, text=title, underline=0)
            row = 0
            for field in fields:
                self.rows[field.key.dotted] = Row(
                    page, row, field, self.form, self._entered, catalogue
                )
                self._page_of[field.key.dotted] = number
                row += 3
            if number == 0:
                self._this_computer(page, row, spec)
        self.notebook.enable_traversal()  # Ctrl+Tab, and Alt with a page's first letter
        self.status = tk.Label(
            self.root, bg=PAPER, fg=MUTED, font=SMALL, anchor="w", justify="left"
        )
        self.status.configure(wraplength="460p")
        self.status.pack(fill="x", pady=("8p", 0))
        where = tk.Label(
            self.root, text=_home(self.path), bg=PAPER, fg=MUTED, font=SMALL, anchor="w"
        )
        where.pack(fill="x")
        buttons = tk.Frame(self.root, bg=PAPER)
        buttons.pack(fill="x", pady=("8p", 0))
        self.save_button = self._button(buttons, _("Save  ⏎"), self.save, primary=True)
        self.save_button.pack(side="right")
        self._button(buttons, _("Cancel  Esc"), self.cancel).pack(side="right", padx="6p")
        self._button(buttons, _("Open the file"), self.open_file).pack(side="left")

    def _this_computer(self, page: tk.Misc, row: int, spec: dict[str, Any]) -> None:
        """Start at login and standing: not in the file, carried out by the app on Save."""
        self.autostart = self.standing = None
        if spec.get("autostart") is None and spec.get("standing") is None:
            return
        heading = tk.Label(
            page, text=_("On this computer"), bg=PAPER, fg=INK, font=(FONT, 10, "bold")
        )
        heading.grid(row=row, column=0, columnspan=2, sticky="w", pady=("12p", 0))
        for name, text in (
            ("autostart", _("Start hamstray when I log in")),
            ("standing", _("I am standing at my desk now (sitting time stops growing)")),
        ):
            if spec.get(name) is None:
                continue
            flag = tk.BooleanVar(page, value=bool(spec[name]))
            setattr(self, name, (flag, bool(spec[name])))
            row += 1
            toggle(page, text, flag).grid(row=row, column=0, columnspan=2, sticky="w")

    def _button(self, parent: tk.Misc, text: str, command: Any, primary: bool = False) -> tk.Button:
        return tk.Button(
            parent,
            text=text,
            command=command,
            relief="flat",
            padx="10p",
            pady="3p",
            bg=TEAL if primary else TRACK,
            fg="white" if primary else INK,
            activebackground=TEAL if primary else TRACK,
            activeforeground="white" if primary else INK,
            highlightthickness="1.5p",
            highlightcolor=INK,
            highlightbackground=PAPER,
            font=(FONT, 10, "bold"),
        )

    def _entered(self, dotted: str, entered: Any) -> None:
        self.form.enter(dotted, entered)
        self.refresh()

    def refresh(self) -> None:
        """Show each field's note and whether Save can go ahead."""
        notes = self.form.notes()
        for dotted, row in self.rows.items():
            row.show_note(notes.get(dotted))
        if (problem := self.form.unreadable) is not None:
            where = _("line {line}, ").format(line=problem.line) if problem.line else ""
            self.say(
                _(
                    "The file cannot be edited here ({problem}): open the file and fix that first."
                ).format(problem=f"{where}{problem.message}"),
                error=True,
            )
        else:
            self.say("")
        self.save_button.configure(state="disabled" if self.form.blocked else "normal")

    def say(self, text: str, error: bool = False) -> None:
        """One line above the buttons."""
        self.status.configure(text=text, fg=ERROR if error else MUTED)

    def emit(self, report: Saved | OpenFile | Closed) -> None:
        """Report to the app (which may have quit meanwhile)."""
        with contextlib.suppress(OSError):
            print(encode(report), flush=True)

    def save(self) -> None:
        """Write the changed keys and close; or say what stops it and stay."""
        notes = self.form.notes()
        stopping = next((d for d, (_, stops) in notes.items() if stops), None)
        if stopping is not None:
            self.notebook.select(self._page_of[stopping])  # type: ignore[no-untyped-call]
            self.say(f"{self.rows[stopping].field.label}: {notes[stopping][0]}", error=True)
            return
        if self.form.unreadable is not None:
            return
        changes = self.form.changes()
        try:
            written = bool(changes) and edits.save(self.snapshot, changes)
        except edits.EditError as error:
            self.say(_("Not saved: {error}.").format(error=error), error=True)
            return
        self.emit(
            Saved(written, tuple(changes), self._changed("autostart"), self._changed("standing"))
        )
        self.root.destroy()

    def _changed(self, name: str) -> bool | None:
        found = getattr(self, name)
        if found is None:
            return None
        flag, was = found
        return None if flag.get() == was else bool(flag.get())

    def cancel(self) -> None:
        """Close without writing anything."""
        self.emit(Closed())
        self.root.destroy()

    def open_file(self) -> None:
        """Ask the app to open the file in the desktop's editor (writing the defaults first when
        there is no file), and listen for its answer."""
        if self.snapshot.data is None:
            try:
                write_atomically(self.path, self.snapshot.text.encode("utf-8"))
            except OSError as error:
                self.say(
                    _("{path} could not be written ({error}).").format(
                        path=self.path, error=error.strerror
                    ),
                    error=True,
                )
                return
            self.snapshot = edits.snapshot(self.path)
        self.emit(OpenFile(str(self.path)))
        self.say(_("Opening {path} in your editor…").format(path=_home(self.path)))
        self._listening = ANSWER_WAIT_MS // 250
        self.root.after(250, self._listen)

    def _listen(self) -> None:
        """Look for the app's answer for a while after Open the file (then stop looking)."""
        try:
            answer = self._answers.get_nowait()
        except queue.Empty:
            self._listening -= 1
            if self._listening > 0:
                self.root.after(250, self._listen)
            return
        if isinstance(answer, OpenFailed):
            self.say(answer.why, error=True)

    def _read_answers(self) -> None:
        for line in sys.stdin:
            answer = decode(line)
            if answer is not None:
                self._answers.put(answer)

    def run(self) -> int:
        """Show the window until Save or Cancel."""
        threading.Thread(target=self._read_answers, name="answers", daemon=True).start()
        first = next(iter(self.rows.values()), None)
        self.root.lift()
        self.root.focus_force()
        if first is not None:
            first.widget.focus_set()
            if isinstance(first.widget, tk.Entry):
                first.widget.select_range(0, "end")
        self.root.mainloop()
        return 0
