"""The AppStream metainfo that software centres read, and the desktop entry it points to."""

import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET

import pytest

from hamstray.desktop import autostart

from .conftest import ROOT

METAINFO = ROOT / "packaging" / "io.github.hamstray.hamstray.metainfo.xml"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
COMPONENT = ET.parse(METAINFO).getroot()  # noqa: S314 - our own file, not untrusted input


def test_appstreamcli_validates_the_metainfo() -> None:
    """Strict and pedantic; --no-net because the screenshot URLs cannot be fetched here."""
    if not shutil.which("appstreamcli"):
        pytest.fail("appstreamcli is missing: run tests/run as root to install appstream")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--strict", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_releases_are_the_changelogs() -> None:
    check = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "metainfo.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    newest = COMPONENT.find("releases/release")
    assert newest is not None
    assert newest.get("version") == PROJECT["version"]


def test_it_names_the_program_the_launcher_and_a_content_rating() -> None:
    assert COMPONENT.findtext("id") == "io.github.hamstray.hamstray"
    assert [b.text for b in COMPONENT.iterfind("provides/binary")] == list(PROJECT["scripts"])
    assert COMPONENT.findtext("launchable[@type='desktop-id']") == "hamstray.desktop"
    rating = COMPONENT.find("content_rating")
    assert rating is not None
    assert rating.get("type") == "oars-1.1"
    assert COMPONENT.findtext("project_license") == PROJECT["license"]
    assert COMPONENT.findtext("url[@type='homepage']") == PROJECT["urls"]["Homepage"]


def test_every_screenshot_is_a_picture_in_docs_at_the_projects_raw_address() -> None:
    owner_repo = PROJECT["urls"]["Homepage"].removeprefix("https://github.com/")
    prefix = f"https://raw.githubusercontent.com/{owner_repo}/main/"
    images = [i.text or "" for i in COMPONENT.iterfind("screenshots/screenshot/image")]
    assert len(images) >= 3
    for image in images:
        assert image.startswith(prefix + "docs/"), image
        assert (ROOT / image.removeprefix(prefix)).is_file(), image


def test_the_desktop_entry_names_the_guides_window_class() -> None:
    entry = autostart.desktop_entry(["hamstray"], autostart=False)
    assert "StartupWMClass=hamstray\n" in entry
    assert "Icon=hamstray\n" in entry


def test_the_guide_window_has_the_class_the_launcher_names() -> None:
    from hamstray.ui.guide import look

    entry = autostart.desktop_entry(["hamstray"], autostart=False)
    assert f"StartupWMClass={look.WM_CLASS}\n" in entry
