"""The commands that control the running app over its local channel: status, snooze, pause, …"""

import argparse
import json
import sys
import time
from datetime import datetime
from typing import Any

from hamstray.cli.exits import EXIT_FAILURE, EXIT_NOT_RUNNING, EXIT_OK, EXIT_USAGE
from hamstray.engine import calendar, durations
from hamstray.engine.plural import plural
from hamstray.runtime import requests
from hamstray.runtime.requests import Command, Request, RequestError
from hamstray.store.paths import Paths


def run(command: str, args: argparse.Namespace, paths: Paths) -> int:
    """Send ``command`` to the running app and print what it says."""
    try:
        request = _request(command, args)
    except RequestError as error:  # a bad duration or stretch id
        print(f"hamstray {command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    from hamstray.runtime.control import channel  # noqa: PLC0415 - offline commands do without
    from hamstray.runtime.control.protocol import ControlError, NotRunning  # noqa: PLC0415

    try:
        reply = channel.request(paths.socket, request)
    except NotRunning as error:
        print(error, file=sys.stderr)
        return EXIT_NOT_RUNNING
    except ControlError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if not reply.get("ok"):
        print(f"hamstray {command}: {reply.get('error', 'refused')}", file=sys.stderr)
        return EXIT_FAILURE
    status = reply.get("status")
    if command == "status" and getattr(args, "json", False):
        print(json.dumps(status, indent=2))
    elif status is not None:
        print(describe(status, time.time()))
    return EXIT_OK


def _request(command: str, args: argparse.Namespace) -> Request:
    """The request the command line asks for, checked as the app will check it."""
    match command:
        case "snooze":
            return requests.snooze(requests.length(args.duration) if args.duration else None)
        case "pause" if args.duration == "tomorrow":
            return requests.pause(calendar.next_local_midnight(time.time()), time.time())
        case "pause" if args.duration:
            return requests.pause(
                time.time() + requests.length(args.duration, "pause"), time.time()
            )
        case "stretch" if args.id:
            from hamstray.engine.catalogue import find  # noqa: PLC0415 - only this command
            from hamstray.store.assets import stretches  # noqa: PLC0415

            catalogue = stretches()
            requests.find_stretch(args.id, lambda wanted: find(catalogue, wanted))
            return requests.stretch(args.id)
    return Request(Command(command))


def describe(status: dict[str, Any], now: float) -> str:
    """One or two lines a person reads at ``now``: phase, sitting time, what comes next."""
    phase = status.get("phase")
    stretch = status.get("next_stretch") or {}
    lines = []
    match phase:
        case "sitting" if status.get("standing"):
            lines.append(
                f"Standing; sitting time is on hold at {durations.humanize(status['sitting_s'])}."
            )
        case "sitting":
            lines.append(
                f"Sitting for {durations.humanize(status['sitting_s'])}; next break in "
                f"{durations.humanize(status['next_break_in_s'])}."
            )
        case "due":
            lines.append(f"A break is due (sitting for {durations.humanize(status['sitting_s'])}).")
        case "snoozed":
            lines.append(
                f"Snoozed; the break comes back in {durations.humanize(status['next_break_in_s'])}."
            )
        case "paused":
            until = status.get("paused_until")
            lines.append(
                "Paused until you resume." if until is None else f"Paused until {when(until, now)}."
            )
        case "stretching":
            lines.append("Stretching.")
        case "away":
            lines.append("Away from the computer: that counts as a break.")
    if stretch:
        left = plural(status["snoozes_left"], "{n} snooze left", "{n} snoozes left")
        lines.append(f"Next stretch: {stretch['name']} ({left}).")
    return "\n".join(lines)


def when(iso: str, now: float) -> str:
    """A local time: "Wed 19:54" within the next six days (its weekday says which), else with
    the date, "Wed 3 Mar 2027, 19:54"."""
    moment = datetime.fromisoformat(iso).astimezone()
    if moment.timestamp() - now < 6 * 86400:
        return f"{moment:%a %H:%M}"
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"
