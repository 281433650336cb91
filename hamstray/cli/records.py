"""Your records, without a running app: statistics (text, JSON, picture) and the raw history."""

import argparse
import json
import sys
import time
from typing import Any

from hamstray.cli.exits import EXIT_OK
from hamstray.engine import checkins, durations, reasons, stats
from hamstray.engine.catalogue import GROUP_NAMES, GROUPS
from hamstray.engine.stats import Summary
from hamstray.store import assets
from hamstray.store.history import History
from hamstray.store.paths import Paths
from hamstray.store.translations import _, plural, show_day


def run(command: str, args: argparse.Namespace, paths: Paths) -> int:
    """Carry out ``stats`` or ``history``."""
    if command == "stats":
        return show_stats(paths, args.days, args.json, args.png, args.scale, args.goal)
    return history_export(paths, args.limit, args.csv)


def show_stats(
    paths: Paths, days: int, want_json: bool, png: str | None, scale: int, goal: int
) -> int:
    """Per-day and per-group statistics, as text, JSON or a picture."""
    summary = summarize(paths, days, goal)
    if png:
        from hamstray.ui import chart  # noqa: PLC0415 - Pillow only for the picture

        chart.draw(summary, scale, flexibility(summary)).save(png)
        print(f"Wrote {png}")
    elif want_json:
        print(json.dumps(stats_json(summary), indent=2))
    else:
        print(stats_text(summary))
    return EXIT_OK


def summarize(paths: Paths, days: int, goal: int) -> Summary:
    """The statistics of the last ``days`` days from the user's history file."""
    now = time.time()
    if not paths.history.exists():
        return stats.summarize([], stats.local_date(now, None), days, None, goal)
    history = History(paths.history)
    try:
        return history.summary(now, days, goal)
    finally:
        history.close()


def stats_json(summary: Summary) -> dict[str, Any]:
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
                "held_back": d.held_back,
            }
            for d in summary.days
        ],
        "groups": {g: {"stretches": n, "hold_s": round(h)} for g, (n, h) in summary.groups.items()},
        "streak": {"days": summary.streak, "goal": summary.goal},
        "held_back": dict(sorted(summary.held_back.items(), key=lambda item: -item[1])),
        "holds": {
            s: [{"date": d.isoformat(), "hold_s": round(h)} for d, h in points]
            for s, points in summary.holds.items()
        },
        "checkins": {
            p.test.id: {
                "name": p.test.name,
                "results": [
                    {
                        "date": stats.local_date(at, None).isoformat(),
                        "answer": p.test.answers[score].id,
                        "label": p.test.answers[score].label,
                        "score": score,
                        "of": len(p.test.answers) - 1,
                    }
                    for at, score in p.points
                ],
                "trend": p.trend,
            }
            for p in flexibility(summary)
        },
    }


def flexibility(summary: Summary) -> list[checkins.Progress]:
    """The flexibility check-ins in ``summary``, per self-test, with their trend."""
    return checkins.progress(assets.guidance().checkin, summary.checkins)


def _cause(value: str) -> str:
    """A held-back reminder's cause as the stats name it (an unknown one as it is written)."""
    try:
        return reasons.label(reasons.Cause(value))
    except ValueError:
        return value


def _length(seconds: float) -> str:
    """A length in the table: "7 min", "1 h 05 min", "–" for none."""
    return durations.humanize(seconds) if round(seconds) else "–"


def _columns() -> list[tuple[str, int]]:
    """The table's headers in the user's language, each with its width (at least the
    English one, so numbers stay lined up)."""
    headers = [
        (_("At computer"), 12),
        (_("Longest sit"), 13),
        (_("Reminders"), 11),
        (_("Breaks"), 8),
        (_("Stretches"), 11),
        (_("Snoozes"), 9),
        (_("Skips"), 7),
    ]
    return [(text, max(width, len(text) + 2)) for text, width in headers]


def stats_text(summary: Summary) -> str:
    """The statistics as a table that reads well in a terminal."""
    first, last = summary.days[0].date, summary.days[-1].date
    title = _("hamstray, {first} to {last}").format(
        first=show_day(first), last=show_day(last, with_year=True)
    )
    days = [show_day(d.date) for d in summary.days]
    columns = _columns()
    first_width = max(len(x) for x in [*days, _("Day"), _("Total")]) + 2
    day = _("Day")
    header = f"{day:<{first_width}}" + "".join(f"{t:>{w}}" for t, w in columns)
    lines = [title, "", header, "-" * len(header)]

    def row(label: str, values: list[object]) -> str:
        cells = "".join(f"{v!s:>{w}}" for v, (_t, w) in zip(values, columns, strict=True))
        return f"{label:<{first_width}}{cells}"

    for label, d in zip(days, summary.days, strict=True):
        values = [_length(d.at_computer_s), _length(d.longest_sitting_s), d.reminders, d.breaks]
        lines.append(row(label, [*values, d.stretches, d.snoozes, d.skips]))
    total = summary.days
    lines += [
        "-" * len(header),
        row(
            _("Total"),
            [
                _length(sum(d.at_computer_s for d in total)),
                _length(max(d.longest_sitting_s for d in total)),
                sum(d.reminders for d in total),
                sum(d.breaks for d in total),
                sum(d.stretches for d in total),
                sum(d.snoozes for d in total),
                sum(d.skips for d in total),
            ],
        ),
        "",
    ]
    names = {group: _(GROUP_NAMES[group]) for group in GROUPS}
    group_width = max(len(n) for n in [*names.values(), _("Muscle group")]) + 1
    heads = (_("Muscle group"), _("Stretches"), _("Held"))
    count_width = len(heads[1]) + 2
    lines.append(f"{heads[0]:<{group_width}}{heads[1]:>{count_width}}   {heads[2]}")
    for group in GROUPS:
        count, held = summary.groups[group]
        lines.append(f"{names[group]:<{group_width}}{count:>{count_width}}   {_length(held)}")
    streak = (
        _("{days} in a row with {goal} or more stretches.").format(
            days=plural(summary.streak, "{n} day", "{n} days"), goal=summary.goal
        )
        if summary.streak
        else _("No streak yet: {goal} stretches a day start one.").format(goal=summary.goal)
    )
    lines += ["", _("Streak: {streak}").format(streak=streak)]
    if summary.held_back:
        causes = sorted(summary.held_back.items(), key=lambda item: -item[1])
        lines.append(
            _("Held back: {count} reminders waited ({causes})").format(
                count=sum(summary.held_back.values()),
                causes=", ".join(f"{_cause(c)} {n}" for c, n in causes),
            )
        )
    lines += ["", *_flexibility_text(summary)]
    grown = [(s, points) for s, points in summary.holds.items() if points[0][1] != points[-1][1]]
    if grown:
        lines.append(
            _("Holds: {changes}").format(
                changes="; ".join(
                    f"{s} {round(points[0][1])} s -> {round(points[-1][1])} s"
                    for s, points in grown[:6]
                )
            )
        )
    return "\n".join(lines)


def _flexibility_text(summary: Summary) -> list[str]:
    """The check-ins: each self-test's answers over the weeks, and what they say."""
    found = flexibility(summary)
    if not found:
        return [_("Flexibility: no check-in yet. `hamstray checkin` takes a minute.")]
    lines = [_("Flexibility check-in:")]
    for progress in found:
        answers = " -> ".join(
            f"{progress.test.answers[score].label.lower()} ({show_day(stats.local_date(at, None))})"
            for at, score in progress.points[-4:]
        )
        lines += [f"  {progress.test.name}: {answers}", f"  {progress.trend}"]
    return lines


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
                    row.kind.value,
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
        line = f"{when}  {row.kind.value:<16} {row.stretch or '':<22} {length:>9}  {row.detail}"
        print(line.rstrip())
    if not rows:
        print(_("No history yet."))
    return EXIT_OK
