"""Tips in reminders: at most one a day, each in turn, and off with notifications.tips."""

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from hamstray.engine import tips
from hamstray.engine.effects import Remind
from hamstray.engine.entries import Entry, Kind
from hamstray.engine.settings import Config, Notifications
from hamstray.runtime import reminders
from hamstray.runtime.practice import Practice
from hamstray.store import assets
from hamstray.store.history import History

TIPS = assets.guidance().tips
ZONE = ZoneInfo("Europe/Berlin")


def at(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=ZONE).timestamp()


def shown(when: str, tip_id: str) -> Entry:
    return Entry(at(when), Kind.TIP_SHOWN, detail=tip_id)


def test_the_first_tip_is_the_first_in_the_file() -> None:
    assert tips.for_today(TIPS, [], at("2026-03-02 09:00"), ZONE) == TIPS[0]


def test_no_second_tip_on_the_same_local_day() -> None:
    morning = [shown("2026-03-02 00:30", TIPS[0].id)]
    assert tips.for_today(TIPS, morning, at("2026-03-02 23:50"), ZONE) is None
    assert tips.for_today(TIPS, morning, at("2026-03-03 00:10"), ZONE) == TIPS[1]


def test_tips_rotate_through_all_before_one_comes_back() -> None:
    seen: list[Entry] = []
    order = []
    for day in range(1, 2 * len(TIPS) + 1):
        tip = tips.for_today(TIPS, seen, at(f"2026-04-{day:02d} 10:00"), ZONE)
        assert tip is not None
        order.append(tip.id)
        seen.append(shown(f"2026-04-{day:02d} 10:00", tip.id))
    assert order[: len(TIPS)] == [t.id for t in TIPS]
    assert order[len(TIPS) :] == order[: len(TIPS)]


def test_a_reminder_carries_the_tip_after_the_stretch() -> None:
    stretch = assets.stretches()[0]
    title, body, _ = reminders.break_reminder(Remind(1800, stretch), 300, TIPS[0])
    assert title == "You have been sitting for 30 min"
    assert body.endswith(f"\nTip: {TIPS[0].text}")
    assert "Tip:" not in reminders.break_reminder(Remind(1800, stretch), 300)[1]


def test_the_practice_gives_no_tip_when_tips_are_off(tmp_path) -> None:
    history = History(tmp_path / "history.sqlite3")
    on = Practice(Config(), history)
    assert on.tip(at("2026-03-02 09:00")) == TIPS[0]
    history.record(Entry(at("2026-03-02 09:00"), Kind.TIP_SHOWN, detail=TIPS[0].id))
    assert on.tip(at("2026-03-03 09:00")) == TIPS[1]
    off = replace(Config(), notifications=Notifications(tips=False))
    assert Practice(off, history).tip(at("2026-03-04 09:00")) is None
