"""What leaving a phase asks of the outside world, whatever the event that left it."""

from hamstray.engine.effects import CloseGuide, Effect, Withdraw
from hamstray.engine.events import Event, Shutdown, StretchEnded
from hamstray.engine.phase import Phase


def effects(before: Phase, after: Phase, event: Event) -> list[Effect]:
    """A due break handled any way (snoozed, started, skipped, paused, a natural break) takes
    its reminder down; a stretch that ends other than by the guide's own report (skipped,
    snoozed, timed out) closes the guide, so one break has one ending; so does the app's stop."""
    found: list[Effect] = []
    if before is Phase.DUE and after is not Phase.DUE:
        found.append(Withdraw())
    ended_elsewhere = (
        before is Phase.STRETCHING
        and after not in (Phase.STRETCHING, Phase.PAUSED)
        and not isinstance(event, StretchEnded)
    )
    if ended_elsewhere or isinstance(event, Shutdown):
        found.append(CloseGuide())
    return found
