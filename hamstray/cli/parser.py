"""The ``hamstray`` command line's grammar: sub-commands, their arguments and help."""

import argparse
from typing import Any

import hamstray
from hamstray.engine.rotation import FEEDBACK

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
  hamstray settings          change the interval, snoozes, routines, ... in a window
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
    commands.add_parser(
        "reload", help="read the config file again now (the app also follows it by itself)"
    )
    commands.add_parser("settings", help="open the settings window")
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
    feedback.add_argument("word", choices=FEEDBACK, metavar="easy|hard|favourite|never")
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


class _Version(argparse.Action):
    """``--version``, which reads the installed metadata only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        print(f"hamstray {hamstray.__version__}")
        parser.exit()
