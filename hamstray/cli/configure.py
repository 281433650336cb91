"""The commands about files and the session: config path/show/check/init, autostart, the app
menu launcher, and the first-run setup."""

import argparse
import sys
from pathlib import Path

from hamstray.cli.exits import EXIT_FAILURE, EXIT_OK, EXIT_USAGE
from hamstray.config import loader, writer
from hamstray.store.files import write_atomically
from hamstray.store.paths import Paths
from hamstray.store.translations import _, plural


def run(command: str, args: argparse.Namespace, paths: Paths) -> int:
    """Carry out ``config``, ``autostart``, ``setup`` or ``desktop``."""
    if command == "config":
        return config(args, paths)
    if command == "autostart":
        return autostart(args.action)
    return desktop(command, args, paths)


def autostart(action: str) -> int:
    """``hamstray autostart enable|disable|status``."""
    from hamstray.desktop.autostart import AutostartError, for_this_user  # noqa: PLC0415

    entry = for_this_user()
    try:
        match action:
            case "enable":
                entry.enable()
                print(
                    _("hamstray will start at login ({location}).").format(location=entry.location)
                )
            case "disable":
                removed = entry.disable()
                print(
                    _("hamstray will no longer start at login.")
                    if removed
                    else _("hamstray was not set to start at login.")
                )
            case _:
                print(f"enabled ({entry.location})" if entry.enabled() else "disabled")
    except (AutostartError, OSError) as error:
        print(f"hamstray autostart: {error}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def desktop(command: str, args: argparse.Namespace, paths: Paths) -> int:
    """``hamstray setup`` and ``hamstray desktop install|uninstall``."""
    from hamstray.cli import first_run  # noqa: PLC0415
    from hamstray.desktop import autostart  # noqa: PLC0415

    entry = autostart.for_this_user()

    def login(on: bool) -> str:
        if on:
            entry.enable()
            return _("hamstray will start at login ({location}).").format(location=entry.location)
        entry.disable()
        return _("hamstray will not start at login.")

    def launcher() -> str:
        if entry.platform != "linux":
            return _("The app menu entry is for Linux desktops; skipped.")
        path = autostart.install_launcher(entry.data_home, list(entry.command))
        return _("hamstray is in your app menu ({path}).").format(path=path)

    try:
        if command == "setup":
            from hamstray.cli.remote import running_pid  # noqa: PLC0415

            return first_run.run(
                paths, None if args.yes else input, login, launcher, lambda: running_pid(paths)
            )
        if args.action == "install":
            print(launcher())
        else:
            removed = autostart.uninstall_launcher(entry.data_home)
            print(
                _("Removed {files} from your app menu and icon theme.").format(
                    files=plural(len(removed), "{n} file", "{n} files")
                )
                if removed
                else _("hamstray was not in your app menu.")
            )
    except (autostart.AutostartError, OSError) as error:
        print(f"hamstray {command}: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except (EOFError, KeyboardInterrupt):
        print("\n" + _("Setup cancelled; nothing was changed."))
        return EXIT_FAILURE
    return EXIT_OK


def config(args: argparse.Namespace, paths: Paths) -> int:
    """``hamstray config path|show|check|init``."""
    match args.action:
        case "path":
            print(paths.config_file)
        case "show":
            effective, problems = loader.load(paths.config_file)
            for problem in problems:
                print(problem, file=sys.stderr)
            print(writer.to_toml(effective), end="")
        case "check":
            target = Path(args.path) if args.path else paths.config_file
            if not target.exists() and not target.is_symlink():
                print(f"{target}: no such file (hamstray uses its defaults)", file=sys.stderr)
                return EXIT_USAGE if args.path else EXIT_OK
            _config, problems = loader.load(target)
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
            write_atomically(target, writer.default_file().encode())
            print(f"Wrote {target}")
    return EXIT_OK
