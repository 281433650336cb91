"""The guide's countdown: holds per side, rounds with the breath, minutes of movement."""

from hamstray.engine.catalogue import Dose
from hamstray.ui.guide.countdown import SWITCH_S, Beat, Countdown


def run(countdown: Countdown) -> list[tuple[Beat, str, str]]:
    seen = []
    while True:
        beat = countdown.tick()
        seen.append((beat, countdown.label, countdown.big))
        if beat is Beat.DONE:
            return seen


def test_a_hold_with_sides_counts_down_each_and_pauses_to_switch() -> None:
    countdown = Countdown(Dose.HOLD, 5, per_side=True)
    assert (countdown.label, countdown.big) == ("Left side", "0:05")
    seen = run(countdown)
    assert [b for b, _, _ in seen].count(Beat.SWITCH) == 1
    assert ("Switch sides" in [label for _, label, _ in seen]) is True
    assert seen[-2][1] == "Right side"
    assert len(seen) == 5 + SWITCH_S + 5
    assert countdown.held == 10  # the switch is not held


def test_a_hold_without_sides_just_holds() -> None:
    countdown = Countdown(Dose.HOLD, 3, per_side=False)
    assert countdown.label == "Hold"
    assert [b for b, _, _ in run(countdown)] == [Beat.NONE, Beat.NONE, Beat.DONE]


def test_rounds_are_counted_with_the_breath_never_as_a_hold() -> None:
    countdown = Countdown(Dose.ROUNDS, 64, per_side=False, rounds=8)
    assert (countdown.label, countdown.big) == ("Round 1 of 8", "Breathe in")
    for _ in range(4):
        countdown.tick()
    assert (countdown.label, countdown.big) == ("Round 1 of 8", "Breathe out")
    for _ in range(4 + 8):
        countdown.tick()
    assert (countdown.label, countdown.big) == ("Round 3 of 8", "Breathe in")
    labels = [label for _, label, _ in run(countdown)]
    assert labels[-2] == "Round 8 of 8"
    assert not [label for label in labels if "Hold" in label]


def test_minutes_of_movement_keep_moving_with_a_clock() -> None:
    march = Countdown(Dose.MINUTES, 60, per_side=False)
    assert (march.label, march.big) == ("Keep moving gently", "1:00")
    rolling = Countdown(Dose.MINUTES, 60, per_side=True)
    assert rolling.label == "Left side"
    assert len(run(rolling)) == 60 + SWITCH_S + 60


def test_the_bar_fills_with_each_side() -> None:
    countdown = Countdown(Dose.HOLD, 4, per_side=True)
    countdown.tick()
    countdown.tick()
    assert countdown.fraction == 0.5


def test_only_most_of_the_dose_counts_towards_progress() -> None:
    countdown = Countdown(Dose.HOLD, 30, per_side=True)
    for _ in range(30 + SWITCH_S + 9):  # left side, the switch, a third of the right
        countdown.tick()
    assert not countdown.most_done
    countdown.tick()
    assert countdown.most_done  # 40 of 60 s
