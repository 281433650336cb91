"""The ``hamstray`` command line's grammar: sub-commands, their arguments and help."""

import argparse
from typing import Any

import hamstray
from hamstray.engine.vocabulary import FEEDBACK
from hamstray.store.translations import N_, _

DESCRIPTION = N_(
    """\
hamstray counts your sitting time from the system tray. After a long sitting interval it sends a
notification that suggests one stretch for your hamstrings or their neighbours (hip flexors, inner
thighs, calves, glutes, low back, feet). Click the tray icon to start the stretch.

With no command, starts the tray app."""
)

EPILOG = N_(
    """\
examples:
  hamstray                   start the tray app
  hamstray status            how long you have been sitting, and what comes next
  hamstray snooze 10m        put the due break off by ten minutes
  hamstray pause tomorrow    no reminders until midnight
  hamstray config check      find mistakes in your config file
  hamstray settings          change the interval, snoozes, routines, ... in a window
  hamstray plan              the next stretches the rotation will suggest
  hamstray routine evening   the longer floor routine, now
  hamstray checkin           a one-minute flexibility self-test; stats shows the trend

durations: "90s", "5m", "1h30m", "2h" or whole seconds.
exit codes: 0 ok, 1 failure, 2 usage or config error, 3 hamstray is not running.
"hamstray COMMAND --help" shows a command's arguments and an example."""
)

# The groups of ``hamstray --help``, in order.
APP, PRACTICE, SETUP = N_("the running app"), N_("your practice"), N_("setup and files")


class _Help(argparse.RawDescriptionHelpFormatter):
    """The top-level help, where the description lists the commands by group instead."""

    def add_argument(self, action: argparse.Action) -> None:
        if action.dest != "command":
            super().add_argument(action)


class _Commands:
    """The sub-commands, each with a one-line summary, an example and a group in the help."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self._parsers = parser.add_subparsers(dest="command", metavar="COMMAND")
        self.groups: dict[str, list[tuple[str, str]]] = {APP: [], PRACTICE: [], SETUP: []}

    def add(
        self, group: str, name: str, summary: str, example: str, does: str
    ) -> argparse.ArgumentParser:
        """The command ``name`` in ``group``: ``example`` (its arguments) ``does`` something."""
        self.groups[group].append((name, summary))
        return self._parsers.add_parser(
            name,
            help=summary,
            description=f"{summary[0].upper()}{summary[1:]}.",
            epilog=_("example:") + f"\n  hamstray {name}{' ' if example else ''}{example}   {does}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def listing(self) -> str:
        """The commands by group, as the top-level help shows them."""
        width = max(len(name) for listed in self.groups.values() for name, _ in listed) + 3
        return "\n\n".join(
            f"{_(group)}:\n" + "\n".join(f"  {name:<{width}}{summary}" for name, summary in listed)
            for group, listed in self.groups.items()
        )


def build_parser() -> argparse.ArgumentParser:
    """The command line, with one sub-command per action."""
    parser = argparse.ArgumentParser(prog="hamstray", epilog=_(EPILOG), formatter_class=_Help)
    parser.add_argument("--version", action=_Version, help=_("show the version and exit"))
    parser.add_argument(
        "--config",
        metavar="PATH",
        help=_("config file to use (default: $HAMSTRAY_CONFIG, then the user config dir)"),
    )
    parser.add_argument("-v", "--verbose", action="store_true", help=_("log debug details too"))
    commands = _Commands(parser)
    _add_app_commands(commands)
    _add_practice_commands(commands)
    _add_setup_commands(commands)
    parser.description = f"{_(DESCRIPTION)}\n\n{commands.listing()}"
    return parser


def _add_app_commands(commands: _Commands) -> None:
    """The commands that start or control the running app."""
    commands.add(
        APP, "run", _("start the tray app (the default)"), "", _("the same as hamstray alone")
    )
    status = commands.add(
        APP, "status", _("what the running app is doing"), "--json", _("the status for a script")
    )
    status.add_argument("--json", action="store_true", help=_("print a JSON object"))
    snooze = commands.add(
        APP,
        "snooze",
        _("put the due break off"),
        "10m",
        _("the reminder comes back in ten minutes"),
    )
    snooze.add_argument("duration", nargs="?", help=_("how long (default: breaks.snooze)"))
    pause = commands.add(
        APP, "pause", _("no reminders for a while"), "2h", _("no reminders for two hours")
    )
    pause.add_argument(
        "duration",
        nargs="?",
        help=_('how long, or "tomorrow" for until midnight (default: until resume)'),
    )
    commands.add(APP, "resume", _("end a pause"), "", _("reminders come again"))
    stretch = commands.add(
        APP,
        "stretch",
        _("start a stretch now"),
        "desk-calf",
        _("the calf stretch at the desk, now"),
    )
    stretch.add_argument("id", nargs="?", help=_("which one (default: the next in rotation)"))
    commands.add(
        APP, "skip", _("skip this break; the sitting timer restarts"), "", _("no stretch this time")
    )
    commands.add(
        APP,
        "stand",
        _("standing-desk mode on: sitting time stops growing"),
        "",
        _("you stand at your desk now"),
    )
    commands.add(APP, "sit", _("standing-desk mode off"), "", _("you sit again"))
    commands.add(
        APP,
        "reload",
        _("read the config file again now (the app also follows it by itself)"),
        "",
        _("the running app takes your edits at once"),
    )
    commands.add(
        APP,
        "settings",
        _("open the settings window"),
        "",
        _("change the settings without an editor"),
    )
    commands.add(APP, "quit", _("stop the running app"), "", _("the icon goes away"))


def _add_practice_commands(commands: _Commands) -> None:
    """The commands about stretches and records; they work without a running app."""
    listing = commands.add(
        PRACTICE,
        "stretches",
        _("list the stretch catalogue"),
        "",
        _("every stretch, by muscle group"),
    )
    listing.add_argument("--json", action="store_true", help=_("print a JSON list"))
    listing.add_argument("--reset", metavar="ID", help=_("clear your feedback for stretch ID"))
    feedback = commands.add(
        PRACTICE,
        "feedback",
        _("say how a stretch felt; shapes the rotation"),
        "pigeon hard",
        _("a gentler variation or a shorter hold next time"),
    )
    feedback.add_argument("id", help=_("the stretch (see: hamstray stretches)"))
    feedback.add_argument("word", choices=FEEDBACK, metavar="easy|hard|favourite|never")
    plan = commands.add(
        PRACTICE,
        "plan",
        _("show the next suggestions (changes nothing)"),
        "14",
        _("the next fourteen stretches"),
    )
    plan.add_argument(
        "count", nargs="?", type=_count, default=8, metavar="N", help=_("how many (default: 8)")
    )
    plan.add_argument("--json", action="store_true", help=_("print a JSON list"))
    routine = commands.add(
        PRACTICE,
        "routine",
        _("start the morning or evening floor routine"),
        "evening",
        _("the evening routine in the guide window, now"),
    )
    routine.add_argument("name", choices=("morning", "evening"), metavar="morning|evening")
    commands.add(
        PRACTICE,
        "checkin",
        _("the one-minute flexibility self-test (also offered every two weeks)"),
        "",
        _("a reach test at your desk; the answer shows in stats as a trend"),
    )
    stats = commands.add(
        PRACTICE,
        "stats",
        _("your breaks and stretches, per day and muscle group"),
        "--days 30 --png month.png",
        _("the last thirty days as a picture"),
    )
    stats.add_argument(
        "--days", type=_count, default=7, metavar="N", help=_("how many days (default: 7)")
    )
    stats.add_argument("--json", action="store_true", help=_("print a JSON object"))
    stats.add_argument("--png", metavar="FILE", help=_("draw the summary as a picture"))
    stats.add_argument(
        "--scale",
        type=int,
        choices=(1, 2),
        default=1,
        help=_("picture size: 1 (800 x 580) or 2 (for HiDPI screens)"),
    )
    stats.add_argument(
        "--goal",
        type=_count,
        default=3,
        metavar="N",
        help=_("stretches a day that keep a streak going (default: 3)"),
    )
    history = commands.add(
        PRACTICE,
        "history",
        _("export the raw events"),
        "--csv > history.csv",
        _("every event, for a spreadsheet"),
    )
    history.add_argument("--limit", type=_count_any, metavar="N", help=_("only the newest N"))
    history.add_argument("--csv", action="store_true", help=_("CSV for spreadsheets"))


def _add_setup_commands(commands: _Commands) -> None:
    """The commands about the config file, the session and the machine."""
    setup = commands.add(
        SETUP,
        "setup",
        _("friendly first-run setup: interval, login, routines, conditions to spare"),
        "--yes",
        _("the defaults, without questions"),
    )
    setup.add_argument("--yes", action="store_true", help=_("take the defaults without questions"))
    cfg = commands.add(
        SETUP,
        "config",
        _("show, check or create the config file"),
        "check",
        _("one line per mistake in your config file"),
    )
    cfg_commands = cfg.add_subparsers(dest="action", metavar="ACTION", required=True)
    cfg_commands.add_parser("path", help=_("print where the config file is"))
    cfg_commands.add_parser("show", help=_("print the effective settings as TOML"))
    check = cfg_commands.add_parser("check", help=_("report each problem in a config file"))
    check.add_argument("path", nargs="?", metavar="PATH", help=_("file to check (default: yours)"))
    cfg_commands.add_parser("init", help=_("write a commented default config (never overwrites)"))
    launcher = commands.add(
        SETUP,
        "desktop",
        _("add hamstray to (or remove it from) the app menu"),
        "install",
        _("a launcher and an icon in your app menu"),
    )
    launcher.add_argument("action", choices=("install", "uninstall"), metavar="install|uninstall")
    autostart = commands.add(
        SETUP,
        "autostart",
        _("start hamstray at login, or not"),
        "enable",
        _("hamstray starts with your desktop session"),
    )
    autostart.add_argument(
        "action", choices=("enable", "disable", "status"), metavar="enable|disable|status"
    )
    commands.add(
        SETUP,
        "doctor",
        _("check each platform part: tray, notifications, idle, ..."),
        "",
        _("OK or PROBLEM, with a hint, for each part"),
    )


def _count_any(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            _("expected a whole number above 0, got {text!r}").format(text=text)
        )
    return int(text)


def _count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 100:
        raise argparse.ArgumentTypeError(
            _("expected a number from 1 to 100, got {text!r}").format(text=text)
        )
    return int(text)


class _Version(argparse.Action):
    """``--version``, which reads the installed metadata only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        print(f"hamstray {hamstray.__version__}")
        parser.exit()
