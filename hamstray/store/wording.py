"""The engine's composed texts in the user's language: a dose, a swap, why a reminder waits.

The engine keeps its English ``dose_text`` and ``Reason.text`` for the status JSON and the log
(an interface); what a person reads is composed here from translated templates instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hamstray.engine.reasons import Cause, Reason
from hamstray.store.translations import N_, _, plural

if TYPE_CHECKING:  # the menu's wording names the stretch without building the catalogue
    from hamstray.engine.catalogue import Stretch, Swap

_CAUSES = {
    Cause.MICROPHONE: N_("microphone in use"),
    Cause.CAMERA: N_("camera in use"),
    Cause.SCREEN_SHARING: N_("screen shared"),
    Cause.APP: N_("an app that keeps reminders quiet is running"),
    Cause.DO_NOT_DISTURB: N_("do not disturb"),
    Cause.FULL_SCREEN: N_("a full-screen window"),
}


def dose(stretch: Stretch) -> str:
    """How much of ``stretch``: "30 s each side", "8 slow rounds" or "1 min each side"."""
    if stretch.rounds is not None:
        if stretch.per_side:
            return plural(stretch.rounds, "{n} slow round each side", "{n} slow rounds each side")
        return plural(stretch.rounds, "{n} slow round", "{n} slow rounds")
    amount = f"{stretch.minutes} min" if stretch.minutes is not None else f"{stretch.hold_s} s"
    return _("{amount} each side").format(amount=amount) if stretch.per_side else amount


def reason(why: Reason) -> str:
    """Why a reminder waits, e.g. "microphone in use by Firefox"."""
    if why.cause is Cause.APP and why.by:
        return _("{app} is running").format(app=why.by)
    if why.by and why.cause in (Cause.MICROPHONE, Cause.CAMERA):
        return _("{what} by {app}").format(what=_(_CAUSES[why.cause]), app=why.by)
    return _(_CAUSES[why.cause])


def swap(why: Swap) -> str:
    """What the guide says about a stretch served in place of another."""
    return _("Swapped in for {name}: {reason}").format(name=why.name, reason=why.reason)
