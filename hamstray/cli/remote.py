"""The commands that control the running app over its local channel: status, snooze, pause, …"""

import argparse
import json
import sys
import time
from datetime import datetime
from typing import Any

from hamstray.cli.exits import EXIT_FAILURE, EXIT_NOT_RUNNING, EXIT_OK, EXIT_USAGE
from hamstray.engine import calendar, durations
from hamstray.runtime import requests
from hamstray.runtime.requests import Command, Request, RequestError
from hamstray.store.paths import Paths
from hamstray.store.translations import _, plural, show_moment


def run(command: str, args: argparse.Namespace, paths: Paths) -> int:
    """Send ``command`` to the running app and print what it says."""
    try:
        request = _request(command, args)
    except RequestError as error:  # a bad duration or stretch id
        print(f"hamstray {command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    from hamstray.runtime.control import channel  # noqa: PLC0415 - offline commands do without
    from hamstray.runtime.control.errors import ControlError, NotRunning  # noqa: PLC0415

    try:
        reply = channel.request(paths.socket, request)
    except NotRunning as error:
        if command == "settings":
            return _settings_alone(paths)
        print(error, file=sys.stderr)
        return EXIT_NOT_RUNNING
    except ControlError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if not reply.get("ok"):
        print(f"hamstray {command}: {reply.get('error', 'refused')}", file=sys.stderr)
        return EXIT_FAILURE
    status = reply.get("status")
    if command == "reload":
        return _reloaded(reply)
    if command == "settings":
        print(_("The settings window is open."))
    elif command == "status" and getattr(args, "json", False):
        print(json.dumps(status, indent=2))
    elif status is not None:
        print(describe(status, time.time()))
    return EXIT_OK


def _settings_alone(paths: Paths) -> int:
    """``hamstray settings`` with no app running: the window, until it closes."""
    from hamstray.desktop.autostart import for_this_user  # noqa: PLC0415 - only this command
    from hamstray.runtime.settings_window import SettingsWindow  # noqa: PLC0415

    window = SettingsWindow(paths.config_file, for_this_user())
    window.open()
    return EXIT_OK if window.wait() == 0 else EXIT_FAILURE


def _reloaded(reply: dict[str, Any]) -> int:
    """What ``hamstray reload`` prints: each problem, what changed; exit 2 when values were
    left out."""
    found = reply.get("reload") or {}
    config = (reply.get("status") or {}).get("config") or {}
    for problem in found.get("problems", []):
        print(problem)
    changes = found.get("changes") or []
    changed = "; ".join(changes) if changes else _("nothing changed")
    print(_("Read {path}: {changes}.").format(path=config.get("path"), changes=changed))
    if config.get("message"):
        print(_("The {problem}.").format(problem=config["message"]))
        return EXIT_USAGE
    return EXIT_OK


def running_status(paths: Paths) -> dict[str, Any] | None:
    """The status of the hamstray running for this user, or None when none answers."""
    from hamstray.runtime.control import channel  # noqa: PLC0415 - offline commands do without
    from hamstray.runtime.control.errors import ControlError  # noqa: PLC0415

    try:
        status = channel.request(paths.socket, Request(Command.STATUS), timeout=3)["status"]
    except (ControlError, KeyError, TypeError):
        return None
    return status if isinstance(status, dict) and isinstance(status.get("pid"), int) else None


def running_pid(paths: Paths) -> int | None:
    """The pid of the hamstray running for this user, or None when none answers."""
    status = running_status(paths)
    return None if status is None else int(status["pid"])


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
    sitting = durations.humanize(status.get("sitting_s") or 0)
    coming = durations.humanize(status.get("next_break_in_s") or 0)
    match phase:
        case "sitting" if status.get("standing"):
            lines.append(
                _("Standing; sitting time is on hold at {duration}.").format(duration=sitting)
            )
        case "sitting":
            lines.append(
                _("Sitting for {duration}; next break in {coming}.").format(
                    duration=sitting, coming=coming
                )
            )
        case "due" if status.get("held_back"):
            lines.append(
                _("A break is due (sitting for {duration}); held back: {reason}.").format(
                    duration=sitting, reason=status["held_back"]
                )
            )
        case "due":
            lines.append(_("A break is due (sitting for {duration}).").format(duration=sitting))
        case "snoozed":
            lines.append(_("Snoozed; the break comes back in {coming}.").format(coming=coming))
        case "paused":
            until = status.get("paused_until")
            lines.append(
                _("Paused until you resume.")
                if until is None
                else _("Paused until {moment}.").format(moment=when(until, now))
            )
        case "stretching":
            lines.append(_("Stretching."))
        case "away":
            lines.append(_("Away from the computer: that counts as a break."))
    if stretch:
        left = plural(status["snoozes_left"], "{n} snooze left", "{n} snoozes left")
        lines.append(_("Next stretch: {name} ({left}).").format(name=stretch["name"], left=left))
    message = (status.get("config") or {}).get("message")
    if message:
        lines.append(_("The {problem} (hamstray config check).").format(problem=message))
    return "\n".join(lines)


def when(iso: str, now: float) -> str:
    """A local time in the user's locale: weekday and time within the next six days ("Wed
    19:54"), else with the date ("Wed, Dec 2, 2026, 19:54")."""
    moment = datetime.fromisoformat(iso).astimezone()
    return show_moment(moment, near=moment.timestamp() - now < 6 * 86400)
