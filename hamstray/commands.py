"""The commands that work without a running app: stretches, feedback, plan, routine."""

import json
import sys
import time
from datetime import timedelta
from typing import Any

from hamstray import assets, config, durations, rotation
from hamstray.catalogue import GROUP_NAMES, GROUPS, Stretch
from hamstray.history import History, Row
from hamstray.paths import Paths
from hamstray.practice import Practice

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def _practice(paths: Paths, writable: bool = False) -> Practice:
    settings, problems = config.load(paths.config_file)
    for problem in problems:
        print(problem, file=sys.stderr)
    history = History(paths.history) if writable or paths.history.exists() else None
    return Practice(settings, history)


def as_json(stretch: Stretch) -> dict[str, Any]:
    """A stretch in the shape of INTERFACE.md (``stretches --json``, ``plan --json``)."""
    return {
        "id": stretch.id,
        "name": stretch.name,
        "groups": list(stretch.groups),
        "context": stretch.context,
        "per_side": stretch.per_side,
        "hold_s": stretch.hold_s,
        "cues": list(stretch.cues),
        "caution": stretch.caution,
        "picture": str(assets.picture(stretch.picture)),
    }


def hold_text(stretch: Stretch) -> str:
    """ "30 s each side" or "45 s"."""
    return f"{stretch.hold_s} s each side" if stretch.per_side else f"{stretch.hold_s} s"


def stretches(paths: Paths, want_json: bool, reset: str | None) -> int:
    """List the catalogue grouped by main muscle group, or clear one stretch's feedback."""
    if reset is not None:
        return feedback(paths, reset, "reset")
    practice = _practice(paths)
    now = time.time()
    adapted = [practice.adapted(s, now) for s in practice.catalogue]
    if want_json:
        print(json.dumps([as_json(s) for s in adapted], indent=2))
        return EXIT_OK
    marks = practice.feedback()
    excluded = set(practice.config.stretches.exclude)
    for group in GROUPS:
        members = [s for s in adapted if s.groups[0] == group]
        print(GROUP_NAMES[group])
        for stretch in members:
            note = marks.get(stretch.id, "")
            if stretch.id in excluded:
                note = "excluded"
            also = ", ".join(GROUP_NAMES[g].lower() for g in stretch.groups[1:])
            extras = [f"also {also}" if also else "", note]
            columns = (
                f"  {stretch.id:<22} {stretch.name:<40} {stretch.context:<9} {hold_text(stretch)}"
            )
            print("  ".join([columns.ljust(91), *[e for e in extras if e]]).rstrip())
        print()
    print(
        f"{len(adapted)} stretches. Daytime reminders use: "
        f"{', '.join(practice.config.stretches.contexts)}; floor stretches make the routines."
    )
    return EXIT_OK


def feedback(paths: Paths, stretch_id: str, word: str) -> int:
    """Record how a stretch felt; it shapes the rotation and the hold."""
    practice = _practice(paths)
    stretch = practice.find(stretch_id, time.time())
    if stretch is None:
        print(
            f"hamstray: unknown stretch {stretch_id!r} (see: hamstray stretches)", file=sys.stderr
        )
        return EXIT_USAGE
    history = practice.history or History(paths.history)  # created only for a known stretch
    if not history.record("feedback", time.time(), stretch.id, stretch.groups, detail=word):
        print(f"hamstray: the feedback was not saved: {history.trouble}", file=sys.stderr)
        return EXIT_FAILURE
    messages = {
        "easy": "a little longer from now on",
        "hard": "a gentler variation or a shorter hold from now on",
        "favourite": "it will come up more often in its group",
        "never": f"it will not be suggested again (undo: hamstray stretches --reset {stretch.id})",
        "reset": "its feedback is cleared",
    }
    print(f"{stretch.name}: {messages[word]}.")
    return EXIT_OK


def plan(paths: Paths, count: int, want_json: bool) -> int:
    """Show the next suggestions; nothing is changed."""
    practice = _practice(paths)
    upcoming = practice.plan(count, time.time())
    if want_json:
        print(json.dumps([as_json(s) for s in upcoming], indent=2))
        return EXIT_OK
    if not upcoming:
        print("No stretch fits your settings (check stretches.contexts and stretches.exclude).")
        return EXIT_OK
    for number, stretch in enumerate(upcoming, start=1):
        group = GROUP_NAMES[stretch.groups[0]].lower()
        print(f"{number:>2}. {stretch.name} ({group}, {hold_text(stretch)})")
    return EXIT_OK


def routine(paths: Paths, name: str) -> int:
    """Start the floor routine: in the running app if there is one, else in a window of its own."""
    from hamstray import control, guide  # noqa: PLC0415 - only this command talks to the app

    try:
        reply = control.request(paths.socket, "routine", {"name": name})
    except control.NotRunning:
        reply = None
    except control.ControlError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if reply is not None:
        if not reply.get("ok"):
            print(f"hamstray routine: {reply.get('error')}", file=sys.stderr)
            return EXIT_FAILURE
        print(f"The {name} routine is open.")
        return EXIT_OK
    from hamstray.app import StartError, check_display  # noqa: PLC0415

    try:
        check_display()
    except StartError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
    practice = _practice(paths, writable=True)
    steps = practice.routine(time.time())
    if not steps:
        print("No floor stretch fits your settings (check stretches.exclude).", file=sys.stderr)
        return EXIT_FAILURE
    history = practice.history
    assert history is not None  # noqa: S101 - opened writable above
    history.record("routine_started", time.time(), detail=name)

    def record(event: dict[str, Any]) -> None:
        stretch = practice.find(str(event.get("id")), time.time())
        if event.get("event") == "stretch" and stretch is not None:
            kind = "stretch_done" if event.get("done") else "stretch_skipped"
            history.record(kind, time.time(), stretch.id, stretch.groups, event.get("held_s"))
        elif (
            event.get("event") == "feedback"
            and stretch is not None
            and event.get("word") in rotation.FEEDBACK
        ):
            history.record(
                "feedback", time.time(), stretch.id, stretch.groups, detail=str(event["word"])
            )

    session = guide.start(steps, f"{name.capitalize()} routine", can_snooze=False, on_event=record)
    session.process.wait()
    session.done.wait(timeout=5)
    if not history.flush():
        print(f"hamstray: the routine was not saved: {history.trouble}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def stats(paths: Paths, days: int, want_json: bool, png: str | None, scale: int, goal: int) -> int:
    """Per-day and per-group statistics, as text, JSON or a picture."""
    summary = summarize(paths, days, goal)
    if png:
        from hamstray import chart  # noqa: PLC0415 - Pillow only for the picture

        chart.draw(summary, scale).save(png)
        print(f"Wrote {png}")
    elif want_json:
        print(json.dumps(stats_json(summary), indent=2))
    else:
        print(stats_text(summary))
    return EXIT_OK


def summarize(paths: Paths, days: int, goal: int) -> Any:
    """The statistics of the last ``days`` days from the user's history file."""
    from hamstray import stats as numbers  # noqa: PLC0415

    now = time.time()
    today = numbers.local_date(now, None)
    start = numbers.midnight(today - timedelta(days=days - 1), None)
    rows: list[Row] = []
    if paths.history.exists():
        history = History(paths.history)
        # The window's events, plus the stretches before it that a streak may reach back to.
        rows = history.between(start - 400 * 86400, start, kinds=("stretch_done",))
        rows += history.between(start - 86400, now + 1)
        history.close()
    return numbers.summarize(rows, today, days, None, goal)


def stats_json(summary: Any) -> dict[str, Any]:
    """The ``stats --json`` object."""
    return {
        "days": [
            {
                "date": d.date.isoformat(),
                "at_computer_s": round(d.at_computer_s),
                "longest_sitting_s": round(d.longest_sitting_s),
                "reminders": d.reminders,
                "breaks": d.breaks,
                "stretches": d.stretches,
                "snoozes": d.snoozes,
                "skips": d.skips,
            }
            for d in summary.days
        ],
        "groups": {g: {"stretches": n, "hold_s": round(h)} for g, (n, h) in summary.groups.items()},
        "streak": {"days": summary.streak, "goal": summary.goal},
        "holds": {
            s: [{"date": d.isoformat(), "hold_s": round(h)} for d, h in points]
            for s, points in summary.holds.items()
        },
    }


def _hm(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d}" if minutes else "–"


def stats_text(summary: Any) -> str:
    """The statistics as a table that reads well in a terminal."""
    first, last = summary.days[0].date, summary.days[-1].date
    lines = [f"hamstray, {first:%a %d %b} to {last:%a %d %b %Y}", ""]
    header = (
        f"{'Day':<11}{'At computer':>12}{'Longest sit':>13}{'Reminders':>11}{'Breaks':>8}"
        f"{'Stretches':>11}{'Snoozes':>9}{'Skips':>7}"
    )
    lines += [header, "-" * len(header)]
    for d in summary.days:
        lines.append(
            f"{d.date:%a %d %b} {_hm(d.at_computer_s):>12}{_hm(d.longest_sitting_s):>13}"
            f"{d.reminders:>11}{d.breaks:>8}{d.stretches:>11}{d.snoozes:>9}{d.skips:>7}"
        )
    total = summary.days
    lines += [
        "-" * len(header),
        f"{'Total':<11}{_hm(sum(d.at_computer_s for d in total)):>12}"
        f"{_hm(max(d.longest_sitting_s for d in total)):>13}"
        f"{sum(d.reminders for d in total):>11}{sum(d.breaks for d in total):>8}"
        f"{sum(d.stretches for d in total):>11}{sum(d.snoozes for d in total):>9}"
        f"{sum(d.skips for d in total):>7}",
        "",
        "Muscle group   Stretches   Held",
    ]
    for group in GROUPS:
        count, held = summary.groups[group]
        lines.append(
            f"{GROUP_NAMES[group]:<14}{count:>10}   {durations.humanize(held) if held else '–'}"
        )
    streak = (
        f"{summary.streak} day{'s' if summary.streak != 1 else ''} in a row with "
        f"{summary.goal} or more stretches."
        if summary.streak
        else f"No streak yet: {summary.goal} stretches a day start one."
    )
    lines += ["", f"Streak: {streak}"]
    grown = [(s, points) for s, points in summary.holds.items() if points[0][1] != points[-1][1]]
    if grown:
        lines.append(
            "Holds: "
            + "; ".join(
                f"{s} {round(points[0][1])} s -> {round(points[-1][1])} s"
                for s, points in grown[:6]
            )
        )
    return "\n".join(lines)


def history_export(paths: Paths, limit: int | None, csv_out: bool) -> int:
    """The raw events, newest last: your data is yours."""
    import csv  # noqa: PLC0415
    from datetime import UTC, datetime  # noqa: PLC0415

    rows = []
    if paths.history.exists():
        history = History(paths.history)
        rows = history.rows(limit=limit)
        history.close()
    if csv_out:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["time_utc", "kind", "stretch", "groups", "seconds", "detail"])
        for row in rows:
            writer.writerow(
                [
                    datetime.fromtimestamp(row.at, UTC).isoformat(timespec="seconds"),
                    row.kind,
                    row.stretch or "",
                    ",".join(row.groups),
                    "" if row.seconds is None else round(row.seconds, 1),
                    row.detail,
                ]
            )
        return EXIT_OK
    for row in rows:
        when = datetime.fromtimestamp(row.at).strftime("%Y-%m-%d %H:%M:%S")
        length = "" if row.seconds is None else durations.humanize(row.seconds)
        print(f"{when}  {row.kind:<16} {row.stretch or '':<22} {length:>9}  {row.detail}".rstrip())
    if not rows:
        print("No history yet.")
    return EXIT_OK
