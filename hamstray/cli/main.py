"""The ``hamstray`` command: parse the arguments and hand them to the command's module.

Each command loads only what it needs, so that ``hamstray status`` or ``hamstray stats`` start
fast and never load the GUI stack.
"""

import os
import sys

from hamstray.cli.exits import EXIT_FAILURE, EXIT_OK
from hamstray.store.paths import Paths, default_paths

OFFLINE = ("stretches", "feedback", "plan")
GUIDED = ("routine", "checkin")
RECORDS = ("stats", "history")
CONFIGURE = ("config", "autostart", "setup", "desktop")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (``hamstray history | head``): stop quietly, as `cat` does, and
        # point stdout at /dev/null so that the flush at exit cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE


def _speak(config: str | None) -> None:
    """Choose the language before the parser is built (its help is translated): ``[ui]
    language`` from the settings file (a bad value is the check's to report), else the
    desktop's. (The tray app takes it when it reads its settings, once its icon shows.)"""
    import tomllib  # noqa: PLC0415 - not on the tray app's way to its icon

    from hamstray.engine.settings import LANGUAGES  # noqa: PLC0415
    from hamstray.store import translations  # noqa: PLC0415

    try:
        text = default_paths(config).config_file.read_text(encoding="utf-8")
        language = tomllib.loads(text).get("ui", {}).get("language", "")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError):
        language = ""
    translations.use(language if language in LANGUAGES else "")


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:  # a bare `hamstray`, as login starts it: the tray app, no parser to build
        try:
            return _run(default_paths(None), verbose=False)
        except KeyboardInterrupt:
            return EXIT_FAILURE
    import argparse  # noqa: PLC0415

    from hamstray.cli.parser import build_parser  # noqa: PLC0415

    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--config")
    _speak(early.parse_known_args(argv)[0].config)
    args = build_parser().parse_args(argv)
    paths = default_paths(args.config)
    command = args.command or "run"
    try:
        if command == "run":
            return _run(paths, args.verbose)
        if command in CONFIGURE:
            from hamstray.cli import configure  # noqa: PLC0415

            return configure.run(command, args, paths)
        if command == "doctor":
            from hamstray.cli import doctor  # noqa: PLC0415

            return doctor.run(paths, args.verbose)
        if command in OFFLINE:
            from hamstray.cli import practice  # noqa: PLC0415

            return practice.run(command, args, paths)
        if command in GUIDED:
            from hamstray.cli import guided  # noqa: PLC0415

            return (
                guided.checkin(paths) if command == "checkin" else guided.routine(paths, args.name)
            )
        if command in RECORDS:
            from hamstray.cli import records  # noqa: PLC0415

            return records.run(command, args, paths)
        from hamstray.cli import remote  # noqa: PLC0415

        return remote.run(command, args, paths)
    except KeyboardInterrupt:
        return EXIT_FAILURE


def _run(paths: Paths, verbose: bool) -> int:
    from hamstray.runtime.app import AlreadyRunning, App, StartError, check_display  # noqa: PLC0415

    try:
        check_display()
        return App(paths, verbose).run()
    except AlreadyRunning as running:
        print(running)
        return EXIT_OK
    except StartError as error:
        print(f"hamstray: {error}", file=sys.stderr)
        return EXIT_FAILURE
