"""The README names only commands and config keys that exist."""

import re
from pathlib import Path

from hamstray.cli.parser import build_parser
from hamstray.config import loader
from hamstray.engine import settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
CODE = "\n".join(
    re.findall(r"```[a-z]*\n(.*?)```", README, re.S) + re.findall(r"`([^`\n]+)`", README)
)


def test_every_command_the_readme_names_exists() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices  # noqa: SLF001
    commands_shown = re.sub(r"hamstray is (already |not )running", "", CODE)  # output, not input
    named = set(re.findall(r"(?:^|\s|`)hamstray ([a-z]+)\b", commands_shown, re.M))
    assert named <= set(commands), named - set(commands)
    assert {"status", "snooze", "stats", "doctor", "setup", "desktop", "autostart"} <= named


def test_every_config_key_in_the_readme_exists() -> None:
    block = README.split("```toml", 1)[1].split("```", 1)[0]
    assert loader.parse(block, Path("README.md"))[1] == []
    keys = {key.dotted for key in settings.declared()}
    named = set(
        re.findall(r"`((?:breaks|stretches|routines|notifications|quiet)\.[a-z_]+)`", README)
    )
    assert named <= keys, named - keys
