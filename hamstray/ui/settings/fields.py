"""The Tk widget for each kind of field in the settings window, each reporting what the user
enters as they type or click. Sizes are in points, so the window grows with Tk's scaling."""

import tkinter as tk
from collections.abc import Callable, Sequence
from tkinter import ttk
from typing import Any

from hamstray.engine import checks
from hamstray.engine.catalogue import Stretch
from hamstray.store.translations import _
from hamstray.ui.look import ERROR, FONT, INK, MUTED, PAPER, TEAL, TRACK, WARM
from hamstray.ui.settings.form import WORDS, Field, Form, Kind

Entered = Callable[[str, Any], None]  # (dotted key, what the user entered)
ON, OFF = "☑", "☐"
BODY = (FONT, 10)
SMALL = (FONT, 9)


def _look(**options: Any) -> dict[str, Any]:
    """The colours every widget shares, and a focus ring that shows where the keyboard is."""
    return {
        "bg": PAPER,
        "fg": INK,
        "highlightthickness": "1.5p",
        "highlightcolor": TEAL,
        "highlightbackground": PAPER,
        "font": BODY,
        **options,
    }


def toggle(parent: tk.Misc, text: str, variable: tk.Variable, **options: Any) -> tk.Widget:
    """A check box (ttk: its box grows with Tk's scaling, see ``style``)."""
    return ttk.Checkbutton(parent, text=text, variable=variable, **options)


def style(root: tk.Tk) -> None:
    """The window's ttk look: the palette, and check and radio boxes sized in points."""
    found = ttk.Style(root)
    found.theme_use("clam")
    box = round(root.winfo_fpixels("8p"))
    for kind in ("TCheckbutton", "TRadiobutton"):
        found.configure(
            kind,
            background=PAPER,
            foreground=INK,
            font=BODY,
            indicatorsize=box,
            indicatormargin=(0, 0, round(box / 2), 0),
            indicatorbackground="white",
            indicatorforeground=TEAL,
            focuscolor=TEAL,
            padding=(1, 1),
        )
        found.map(kind, background=[("active", PAPER)], indicatorbackground=[("pressed", TRACK)])
    found.configure("TNotebook", background=PAPER, borderwidth=0)
    found.configure(
        "TNotebook.Tab", background=TRACK, foreground=INK, padding=("8p", "3p"), font=BODY
    )
    found.map("TNotebook.Tab", background=[("selected", PAPER)])
    found.configure("Page.TFrame", background=PAPER)


class Row:
    """One field: its label, its widget, its help line and its note (problem or warning)."""

    def __init__(
        self,
        parent: tk.Misc,
        row: int,
        field: Field,
        form: Form,
        entered: Entered,
        catalogue: Sequence[Stretch],
    ) -> None:
        self.field = field
        self._entered = entered
        self._vars: list[object] = []  # Tk variables live only while Python holds them
        self.widget = self._make(parent, field, form, catalogue)
        if field.kind is Kind.FLAG:
            self.widget.grid(row=row, column=0, columnspan=2, sticky="w", pady=("4p", 0))
        else:
            label = tk.Label(parent, text=field.label, bg=PAPER, fg=INK, font=BODY, anchor="w")
            label.grid(row=row, column=0, sticky="nw", padx=(0, "10p"), pady=("6p", 0))
            self.widget.grid(row=row, column=1, sticky="w", pady=("4p", 0))
        column = 0 if field.kind is Kind.FLAG else 1
        self.help = tk.Label(
            parent, text=field.help, bg=PAPER, fg=MUTED, font=SMALL, anchor="w", justify="left"
        )
        self.help.configure(wraplength="260p")
        if field.help:
            self.help.grid(row=row + 1, column=column, columnspan=2 - column, sticky="w")
        self.note = tk.Label(parent, bg=PAPER, font=SMALL, anchor="w", justify="left")
        self.note.configure(wraplength="260p")
        self._note_at = (row + 2, column)

    def _make(
        self, parent: tk.Misc, field: Field, form: Form, catalogue: Sequence[Stretch]
    ) -> tk.Widget:
        dotted = field.key.dotted
        value = form.values[dotted]
        match field.kind:
            case Kind.FLAG:
                flag = tk.BooleanVar(parent, value=bool(value))
                self._vars.append(flag)
                return toggle(
                    parent, field.label, flag, command=lambda: self._entered(dotted, flag.get())
                )
            case Kind.CHOICE:
                return self._choice(parent, field, str(value))
            case Kind.OPTIONS:
                return self._options(parent, field, tuple(value))
            case Kind.STRETCHES:
                self.stretches = StretchList(parent, catalogue, tuple(value), self._entered, dotted)
                return self.stretches.frame
        text = tk.StringVar(parent)
        self._vars.append(text)
        box = self._box(parent, field, text)
        text.set(form.text(dotted))  # after the box: a new spin box sets its variable itself
        text.trace_add("write", lambda *_: self._entered(dotted, text.get()))
        return box

    def _box(self, parent: tk.Misc, field: Field, text: tk.StringVar) -> tk.Widget:
        """A box to type the value in."""
        if field.kind is Kind.NUMBER:
            check = field.key.check
            assert isinstance(check, checks.Whole)  # noqa: S101 - kind_of chose it by this
            return tk.Spinbox(
                parent,
                from_=check.low,
                to=check.high,
                textvariable=text,
                width=5,
                buttonbackground=PAPER,
                insertbackground=INK,
                **_look(bg="white"),
            )
        width = 30 if field.kind is Kind.WORDS else 10
        return tk.Entry(
            parent, textvariable=text, width=width, insertbackground=INK, **_look(bg="white")
        )

    def _choice(self, parent: tk.Misc, field: Field, value: str) -> tk.Widget:
        box = tk.Frame(parent, bg=PAPER)
        chosen = tk.StringVar(parent, value=value)
        self._vars.append(chosen)
        check = field.key.check
        assert isinstance(check, checks.OneOf)  # noqa: S101 - kind_of chose it by this
        for option in check.options:
            ttk.Radiobutton(
                box,
                text=_(WORDS.get(str(option), str(option))),
                value=str(option),
                variable=chosen,
                command=lambda: self._entered(field.key.dotted, chosen.get()),
            ).pack(side="left", padx=(0, "8p"))
        return box

    def _options(self, parent: tk.Misc, field: Field, value: tuple[str, ...]) -> tk.Widget:
        box = tk.Frame(parent, bg=PAPER)
        check = field.key.check
        assert isinstance(check, checks.Words)  # noqa: S101 - kind_of chose it by this
        flags = {o: tk.BooleanVar(parent, value=o in value) for o in check.options}
        self._vars.append(flags)

        def changed() -> None:
            self._entered(field.key.dotted, tuple(o for o, f in flags.items() if f.get()))

        across = 3 if len(flags) <= 3 else 2
        for index, (option, flag) in enumerate(flags.items()):
            toggle(box, _(WORDS.get(option, option)), flag, command=changed).grid(
                row=index // across, column=index % across, sticky="w", padx=(0, "6p")
            )
        return box

    def show_note(self, note: tuple[str, bool] | None) -> None:
        """Show the problem (red) or warning (amber) under the field, or hide it."""
        if note is None:
            self.note.grid_remove()
            return
        message, stops = note
        self.note.configure(text=message, fg=ERROR if stops else WARM)
        row, column = self._note_at
        self.note.grid(row=row, column=column, columnspan=2 - column, sticky="w")


class StretchList:
    """The catalogue by name, each stretch on (may be suggested) or off (left out): Space,
    Return or a click toggles the one under the cursor."""

    def __init__(
        self,
        parent: tk.Misc,
        catalogue: Sequence[Stretch],
        excluded: tuple[str, ...],
        entered: Entered,
        dotted: str,
    ) -> None:
        self.frame = tk.Frame(parent, bg=PAPER)
        self._stretches = sorted(catalogue, key=lambda s: s.name.lower())
        known = {s.id for s in catalogue}
        self._unknown = tuple(i for i in excluded if i not in known)  # kept as the file has them
        self._off = {i for i in excluded if i in known}
        self._entered = entered
        self._dotted = dotted
        self.listbox = tk.Listbox(
            self.frame,
            height=8,
            width=40,
            activestyle="dotbox",
            selectmode="browse",
            exportselection=False,
            selectbackground=TEAL,
            selectforeground="white",
            **_look(bg="white"),
        )
        bar = tk.Scrollbar(
            self.frame, orient="vertical", command=self.listbox.yview, width="8p", bg=TRACK
        )
        self.listbox.configure(yscrollcommand=bar.set)
        self.listbox.pack(side="left", fill="both")
        bar.pack(side="left", fill="y")
        for stretch in self._stretches:
            self.listbox.insert("end", self._line(stretch))
        self.listbox.bind("<space>", self._toggle_active)
        self.listbox.bind("<ButtonRelease-1>", self._toggle_clicked)
        self.listbox.bind("<FocusIn>", self._cursor)

    def _line(self, stretch: Stretch) -> str:
        mark = OFF if stretch.id in self._off else ON
        return f"{mark}  {stretch.name}  · {stretch.context}"

    def _cursor(self, _: object) -> None:
        if not self.listbox.curselection():  # type: ignore[no-untyped-call]
            self.listbox.selection_set(self.listbox.index("active"))

    def _toggle_active(self, _: object) -> str:
        self.toggle(self.listbox.index("active"))
        return "break"

    def _toggle_clicked(self, event: Any) -> None:
        self.toggle(self.listbox.nearest(event.y))  # type: ignore[no-untyped-call]

    def toggle(self, index: int) -> None:
        """Leave the stretch at ``index`` out, or take it back."""
        stretch = self._stretches[index]
        self._off ^= {stretch.id}
        self.listbox.delete(index)
        self.listbox.insert(index, self._line(stretch))
        self.listbox.selection_clear(0, "end")
        self.listbox.selection_set(index)
        self.listbox.activate(index)
        off = [s.id for s in self._stretches if s.id in self._off]
        self._entered(self._dotted, (*off, *self._unknown))
