"""A window process that crashes is logged with its traceback and told to the user in one
sentence, never lost on stderr (issue 21 §3): the guide and the XEmbed popup menu, each started
for real with a Tk that breaks as it loads."""

import logging
import threading
from pathlib import Path

import pytest

from hamstray.engine.settings import Config
from hamstray.runtime.guides import Guides
from hamstray.runtime.practice import Practice
from hamstray.store.assets import stretches
from hamstray.ui.popup.client import Entry, Popup

BROKEN = 'raise RuntimeError("Tk broke as it loaded, for this test")\n'


@pytest.fixture(autouse=True)
def broken_tk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every window process started from here imports this tkinter first."""
    (tmp_path / "tkinter.py").write_text(BROKEN)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))


def test_a_crashed_guide_is_logged_with_its_traceback_and_told(caplog) -> None:
    caplog.set_level(logging.INFO)
    told: list[tuple[str, str]] = []
    posted: list[object] = []
    done = threading.Event()

    def tell(title: str, message: str) -> None:
        told.append((title, message))
        done.set()

    guides = Guides(posted.append, Practice(Config(), None), lambda: 0.0, tell)
    guides.open([stretches()[0]], "Stretch break", snooze=True)
    assert done.wait(20), "the crash was never told"
    ((title, sentence),) = told
    assert title == "The guide window closed unexpectedly"
    assert sentence == (
        "RuntimeError: Tk broke as it loaded, for this test (the details are in hamstray's log)"
    )
    assert "Traceback (most recent call last)" in caplog.text
    assert "The guide window failed" in caplog.text


def test_a_guide_closed_by_the_app_is_no_crash_and_reports_nothing(monkeypatch) -> None:
    monkeypatch.delenv("PYTHONPATH")  # a working window this time
    monkeypatch.setenv("DISPLAY", ":9999")  # no X server: Tk would fail, had it the time
    told: list[object] = []
    posted: list[object] = []
    guides = Guides(posted.append, Practice(Config(), None), lambda: 0.0, lambda *a: told.append(a))
    guides.open([stretches()[0]], "Stretch break", snooze=True)
    guides.close()
    session = guides._session  # noqa: SLF001 - to wait for its reader
    assert session is not None
    assert session.done.wait(20)
    assert told == []
    assert posted == []  # no StretchEnded: the engine ended the stretch itself


def test_a_crashed_popup_menu_is_logged_and_told_in_one_sentence(caplog) -> None:
    caplog.set_level(logging.INFO)
    told: list[str] = []
    done = threading.Event()

    def on_crash(sentence: str) -> None:
        told.append(sentence)
        done.set()

    Popup(on_crash).open((Entry("Quit"),), 10, 10, lambda key: None)
    assert done.wait(20), "the crash was never told"
    assert told == [
        "hamstray's menu closed unexpectedly: RuntimeError: Tk broke as it loaded, for this test"
    ]
    assert "Traceback (most recent call last)" in caplog.text
