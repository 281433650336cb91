"""The ``hamstray`` command: argparse front end and composition root."""

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import hamstray
from hamstray import config, durations, rotation, schedule
from hamstray.files import write_atomically
from hamstray.paths import Paths, default_paths

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_NOT_RUNNING = 0, 1, 2, 3

DESCRIPTION = """\
hamstray counts your sitting time from the system tray. After a long sitting interval it sends a
notification that suggests one stretch for your hamstrings or their neighbours (hip flexors, inner
thighs, calves, glutes, low back, feet). Click the tray icon to start the stretch.

With no command, starts the tray app."""

EPILOG = """\
examples:
  hamstray                   start the tray app
  hamstray status            how long you have been sitting, and what comes next
  hamstray snooze 10m        put the due break off by ten minutes
  hamstray pause tomorrow    no reminders until midnight
  hamstray config check      find mistakes in your config file
  hamstray plan              the next stretches the rotation will suggest
  hamstray routine evening   the longer floor routine, now

durations: "90s", "5m", "1h30m", "2h" or whole seconds.
exit codes: 0 ok, 1 failure, 2 usage or config error, 3 hamstray is not running."""


def build_parser() -> argparse.ArgumentParser:
    """The command line, with one sub-command per action."""
    parser = argparse.ArgumentParser(
        prog="hamstray",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="config file to use (default: $HAMSTRAY_CONFIG, then the user config dir)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details too")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("run", help="start the tray app (the default)")

    cfg = commands.add_parser("config", help="show, check or create the config file")
    cfg_commands = cfg.add_subparsers(dest="action", metavar="ACTION", required=True)
    cfg_commands.add_parser("path", help="print where the config file is")
    cfg_commands.add_parser("show", help="print the effective settings as TOML")
    check = cfg_commands.add_parser("check", help="report each problem in a config file")
    check.add_argument("path", nargs="?", metavar="PATH", help="file to check (default: yours)")
    cfg_commands.add_parser("init", help="write a commented default config (never overwrites)")

    status = commands.add_parser("status", help="what the running app is doing")
    status.add_argument("--json", action="store_true", help="print a JSON object")
    snooze = commands.add_parser("snooze", help="put the due break off")
    snooze.add_argument("duration", nargs="?", help="how long (default: breaks.snooze)")
    pause = commands.add_parser("pause", help="no reminders for a while")
    pause.add_argument(
        "duration",
        nargs="?",
        help='how long, or "tomorrow" for until midnight (default: until resume)',
    )
    commands.add_parser("resume", help="end a pause")
    stretch = commands.add_parser("stretch", help="start a stretch now")
    stretch.add_argument("id", nargs="?", help="which one (default: the next in rotation)")
    commands.add_parser("skip", help="skip this break; the sitting timer restarts")
    commands.add_parser("stand", help="standing-desk mode on: sitting time stops growing")
    commands.add_parser("sit", help="standing-desk mode off")
    commands.add_parser("quit", help="stop the running app")

    _add_practice_commands(commands)
    return parser


def _add_practice_commands(commands: Any) -> None:
    """The commands that work without a running app."""
    listing = commands.add_parser("stretches", help="list the stretch catalogue")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.add_argument("--reset", metavar="ID", help="clear your feedback for stretch ID")
    feedback = commands.add_parser("feedback", help="say how a stretch felt; shapes the rotation")
    feedback.add_argument("id", help="the stretch (see: hamstray stretches)")
    feedback.add_argument("word", choices=rotation.FEEDBACK, metavar="easy|hard|favourite|never")
    plan = commands.add_parser("plan", help="show the next suggestions (changes nothing)")
    plan.add_argument(
        "count", nargs="?", type=_count, default=8, metavar="N", help="how many (default: 8)"
    )
    plan.add_argument("--json", action="store_true", help="print a JSON list")
    stats = commands.add_parser("stats", help="your breaks and stretches, per day and muscle group")
    stats.add_argument(
        "--days", type=_count, default=7, metavar="N", help="how many days (default: 7)"
    )
    stats.add_argument("--json", action="store_true", help="print a JSON object")
    stats.add_argument("--png", metavar="FILE", help="draw the summary as a picture")
    stats.add_argument(
        "--scale",
        type=int,
        choices=(1, 2),
        default=1,
        help="picture size: 1 (800 x 440) or 2 (for HiDPI screens)",
    )
    stats.add_argument(
        "--goal",
        type=_count,
        default=3,
        metavar="N",
        help="stretches a day that keep a streak going (default: 3)",
    )
    history = commands.add_parser("history", help="export the raw events")
    history.add_argument("--limit", type=_count_any, metavar="N", help="only the newest N")
    history.add_argument("--csv", action="store_true", help="CSV for spreadsheets")
    commands.add_parser("doctor", help="check each platform part: tray, notifications, idle, ...")
    setup = commands.add_parser("setup", help="friendly first-run setup: interval, login, routines")
    setup.add_argument("--yes", action="store_true", help="take the defaults without questions")
    launcher = commands.add_parser(
        "desktop", help="add hamstray to (or remove it from) the app menu"
    )
    launcher.add_argument("action", choices=("install", "uninstall"), metavar="install|uninstall")
    autostart = commands.add_parser("autostart", help="start hamstray at login, or not")
    autostart.add_argument(
        "action", choices=("enable", "disable", "status"), metavar="enable|disable|status"
    )
    routine = commands.add_parser("routine", help="start the morning or evening floor routine")
    routine.add_argument("name", choices=("morning", "evening"), metavar="morning|evening")


def _count_any(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number above 0, got {text!r}")
    return int(text)


def _count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 100:
        raise argparse.ArgumentTypeError(f"expected a number from 1 to 100, got {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = default_paths(args.config)
    command = args.command or "run"
    try:
        if command == "run":
            return _run(paths, args.verbose)
        if command == "config":
            return _config(args, paths)
        if command == "autostart":
            return _autostart(args.action)
        if command in ("setup", "desktop"):
            return _desktop(command, args, paths)
        if command == "doctor":
            from hamstray import doctor  # noqa: PLC0415

            return doctor.run(paths)
        if command in ("stretches", "feedback", "plan", "routine", "stats", "history"):
            return _offline(command, args, paths)
        return _control(command, args, paths)
    except KeyboardInterrupt:
        return EXIT_FAILURE


def _autostart(action: str) -> int:
    from hamstray.autostart import AutostartError, for_this_user  # noqa: PLC0415

    entry = for_this_user()
    try:
        match action:
            case "enable":
                entry.enable()
                print(f"hamstray will start at login ({entry.location}).")
            case "disable":
                removed = entry.disable()
                print(
                    "hamstray will no longer start at login."
                    if removed
                    else "hamstray was not set to start at login."
                )
            case _:
                print(f"enabled ({entry.location})" if entry.enabled() else "disabled")
    except (AutostartError, OSError) as error:
        print(f"hamstray autostart: {error}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def _desktop(command: str, args: argparse.Namespace, paths: Paths) -> int:
    from hamstray import autostart, setup  # noqa: PLC0415

    entry = autostart.for_this_user()

    def login(on: bool) -> str:
        if on:
            entry.enable()
            return f"hamstray will start at login ({entry.location})."
        entry.disable()
        return "hamstray will not start at login."

    def launcher() -> str:
        if entry.platform != "linux":
            return "The app menu entry is for Linux desktops; skipped."
        path = autostart.install_launcher(entry.data_home, list(entry.command))
        return f"hamstray is in your app menu ({path})."

    try:
        if command == "setup":
            return setup.run(paths, None if args.yes else input, login, launcher)
        if args.action == "install":
            print(launcher())
        else:
            removed = autostart.uninstall_launcher(entry.data_home)
            print(
                f"Removed {len(removed)} file(s) from your app menu and icon theme."
                if removed
                else "hamstray was not in your app menu."
            )
    except (autostart.AutostartError, OSError) as error:
        print(f"hamstray {command}: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except (EOFError, KeyboardInterrupt):
        print("\nSetup cancelled; nothing was changed.")
        return EXIT_FAILURE
    return EXIT_OK


def _offline(command: str, args: argparse.Namespace, paths: Paths) -> int:
    from hamstray import commands  # noqa: PLC0415 - only what the command needs is loaded

    match command:
        case "stretches":
            return commands.stretches(paths, args.json, args.reset)
        case "feedback":
            return commands.feedback(paths, args.id, args.word)
        case "plan":
            return commands.plan(paths, args.count, args.json)
        case "stats":
            return commands.stats(paths, args.days, args.json, args.png, args.scale, args.goal)
        case "history":
            return commands.history_export(paths, args.limit, args.csv)
    return commands.routine(paths, args.name)


def _run(paths: Paths, verbose: bool) -> int:
    from hamstray.app import AlreadyRunning, App, StartError, check_display  # noqa: PLC0415

    try:
        check_display()
        return App(paths, verbose).run()
    except AlreadyRunning as running:
        print(running)
        return EXIT_OK
    except StartError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE


def _config(args: argparse.Namespace, paths: Paths) -> int:
    match args.action:
        case "path":
            print(paths.config_file)
        case "show":
            effective, problems = config.load(paths.config_file)
            for problem in problems:
                print(problem, file=sys.stderr)
            print(config.to_toml(effective), end="")
        case "check":
            target = Path(args.path) if args.path else paths.config_file
            if not target.exists() and not target.is_symlink():
                print(f"{target}: no such file (hamstray uses its defaults)", file=sys.stderr)
                return EXIT_USAGE if args.path else EXIT_OK
            _, problems = config.load(target)
            for problem in problems:
                print(problem)
            if any(not p.warning for p in problems):
                return EXIT_USAGE
            if not problems:
                print(f"{target}: OK")
        case "init":
            target = paths.config_file
            if target.exists():
                print(f"{target} already exists; left as it is.")
                return EXIT_OK
            write_atomically(target, config.DEFAULT_FILE.encode())
            print(f"Wrote {target}")
    return EXIT_OK


class _Version(argparse.Action):
    """``--version``, which reads the installed metadata only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        print(f"hamstray {hamstray.__version__}")
        parser.exit()


def _control(command: str, args: argparse.Namespace, paths: Paths) -> int:
    try:
        request_args = _request_args(command, args)
    except ValueError as error:  # a bad duration or stretch id
        print(f"hamstray {command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    from hamstray import control  # noqa: PLC0415 - offline commands do without sockets

    try:
        reply = control.request(paths.socket, command, request_args)
    except control.NotRunning as error:
        print(error, file=sys.stderr)
        return EXIT_NOT_RUNNING
    except control.ControlError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if not reply.get("ok"):
        print(f"hamstray {command}: {reply.get('error', 'refused')}", file=sys.stderr)
        return EXIT_FAILURE
    status = reply.get("status")
    if command == "status" and getattr(args, "json", False):
        print(json.dumps(status, indent=2))
    elif status is not None:
        print(describe(status))
    return EXIT_OK


def _request_args(command: str, args: argparse.Namespace) -> dict[str, Any]:
    match command:
        case "snooze" if args.duration:
            return {"seconds": _positive(args.duration)}
        case "pause" if args.duration == "tomorrow":
            return {"until": schedule.next_local_midnight(time.time())}
        case "pause" if args.duration:
            return {"until": time.time() + _positive(args.duration)}
        case "stretch" if args.id:
            from hamstray.assets import stretches  # noqa: PLC0415 - only this command needs it

            if args.id not in {s.id for s in stretches()}:
                raise ValueError(f"unknown stretch {args.id!r} (see: hamstray stretches)")
            return {"id": args.id}
    return {}


def _positive(text: str) -> int:
    seconds = durations.parse(text)
    if seconds <= 0:
        raise durations.DurationError(f'expected a duration longer than 0 like "5m", got "{text}"')
    return seconds


def describe(status: dict[str, Any]) -> str:
    """One or two lines a person reads: phase, sitting time, what comes next."""
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
                "Paused until you resume." if until is None else f"Paused until {_local(until)}."
            )
        case "stretching":
            lines.append("Stretching.")
        case "away":
            lines.append("Away from the computer: that counts as a break.")
    if stretch:
        lines.append(f"Next stretch: {stretch['name']} ({status['snoozes_left']} snoozes left).")
    return "\n".join(lines)


def _local(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone().strftime("%a %H:%M")
