"""Which posture or movement tip a reminder carries: at most one a day, each in turn."""

import math
from collections.abc import Sequence
from datetime import tzinfo

from hamstray.engine.entries import Entry, Kind
from hamstray.engine.guidance import Tip
from hamstray.engine.stats import local_date


def for_today(
    tips: Sequence[Tip], shown: Sequence[Entry], now: float, zone: tzinfo | None = None
) -> Tip | None:
    """The tip for a reminder at ``now``: None if one was shown today (``shown``: the history's
    TIP_SHOWN events), else the one shown longest ago, tips never shown first, in file order."""
    seen = [e for e in shown if e.kind is Kind.TIP_SHOWN]
    if not tips or any(local_date(e.at, zone) == local_date(now, zone) for e in seen):
        return None
    last = {e.detail: e.at for e in seen}
    order = {tip.id: index for index, tip in enumerate(tips)}
    return min(tips, key=lambda tip: (last.get(tip.id, -math.inf), order[tip.id]))
