"""The weekly picture: breaks per day, the muscle-group balance, the streak, and the flexibility
check-ins over the weeks, with Pillow."""

from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from hamstray.engine import durations, stats
from hamstray.engine.catalogue import GROUP_NAMES, GROUPS
from hamstray.engine.checkins import Progress
from hamstray.engine.stats import Summary
from hamstray.store.translations import _, plural, show_day, show_weekday

WIDTH, HEIGHT = 800, 580
PAPER = (247, 245, 240)
INK = (32, 48, 58)
MUTED = (110, 122, 130)
GRID = (222, 218, 210)
TEAL = (23, 143, 131)
PALE = (196, 214, 210)
ORANGE = (232, 128, 36)
FONTS = (  # (regular, bold), first found wins
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
    (
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    ),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
)
# Where the day bars are drawn (at 1x): tests read pixels there.
BARS = (40, 110, 470, 330)  # left, top, right, bottom
GRID_STEPS = 4  # grid lines above the bars' baseline
FLEXIBILITY = (40, 420, 760, 570)  # the check-ins' strip


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (or the system's sans), else Pillow's own scalable font."""
    for regular, heavy in FONTS:
        path = Path(heavy if bold else regular)
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    try:
        return ImageFont.load_default(size)
    except TypeError:  # Pillow before 10.1 (Debian 12 has 9.4): only the fixed-size bitmap font
        return ImageFont.load_default()


def day_bar(
    summary: Summary, index: int, value: float, scale: int = 1
) -> tuple[int, int, int, int]:
    """The box of day ``index``'s bar for ``value`` breaks or reminders (before scaling)."""
    left, top, right, bottom = BARS
    slot = (right - left) / len(summary.days)
    height = (bottom - top) * value / ticks(summary)[-1]
    x = left + slot * index + slot * 0.22
    return (
        round(x * scale),
        round((bottom - height) * scale),
        round((x + slot * 0.56) * scale),
        round(bottom * scale),
    )


def ticks(summary: Summary) -> list[int]:
    """The numbers on the bars' grid lines, from 0 up: whole numbers, the top one at or above the
    most breaks or reminders of a day."""
    tallest = max([1, *(max(d.reminders, d.breaks) for d in summary.days)])
    step = -(-tallest // GRID_STEPS)  # rounded up
    return [step * n for n in range(GRID_STEPS + 1)]


def draw(summary: Summary, scale: int = 1, flexibility: Sequence[Progress] = ()) -> Image.Image:
    """The summary as one picture, ``scale`` times 800 x 580 pixels, with the trend of the
    ``flexibility`` check-ins."""
    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), PAPER)
    pen = ImageDraw.Draw(image)

    def s(value: float) -> int:
        return round(value * scale)

    first, last = summary.days[0].date, summary.days[-1].date
    title = _("Your breaks with hamstray")
    pen.text((s(40), s(26)), title, fill=INK, font=font(s(22), bold=True))
    period = f"{show_day(first)} – {show_day(last, with_year=True)}"
    pen.text((s(40), s(58)), period, fill=MUTED, font=font(s(13)))
    streak = (
        plural(summary.streak, "{n}-day streak", "{n}-day streak")
        if summary.streak
        else _("No streak yet")
    )
    pen.text((s(760), s(30)), streak, fill=TEAL, font=font(s(18), bold=True), anchor="ra")
    pen.text(
        (s(760), s(58)),
        _("days with {goal}+ stretches").format(goal=summary.goal),
        fill=MUTED,
        font=font(s(12)),
        anchor="ra",
    )

    left, top, right, bottom = BARS
    small, tiny = font(s(12)), font(s(11))
    for line, number in enumerate(ticks(summary)):
        y = bottom - (bottom - top) * line / GRID_STEPS
        pen.line((s(left), s(y), s(right), s(y)), fill=GRID, width=s(1))
        pen.text((s(left - 8), s(y)), str(number), fill=MUTED, font=tiny, anchor="rm")
    longest = max([1.0, *(d.longest_sitting_s for d in summary.days)])
    for index, day in enumerate(summary.days):
        pen.rectangle(day_bar(summary, index, day.reminders, scale), fill=PALE)
        if day.breaks:
            pen.rectangle(day_bar(summary, index, day.breaks, scale), fill=TEAL)
        x0, _top, x1, _bottom = day_bar(summary, index, 0, scale)
        middle = (x0 + x1) / 2
        pen.text((middle, s(bottom + 8)), show_weekday(day.date), fill=INK, font=small, anchor="ma")
        # The longest sitting stretch: an orange mark whose width follows its length.
        if day.longest_sitting_s:
            half = (x1 - x0) / 2 * day.longest_sitting_s / longest
            pen.rectangle(
                (middle - half, s(bottom + 28), middle + half, s(bottom + 33)), fill=ORANGE
            )
            pen.text(
                (middle, s(bottom + 38)),
                durations.humanize(day.longest_sitting_s),
                fill=MUTED,
                font=tiny,
                anchor="ma",
            )
    legend_y, x = s(top - 26), s(left)
    for colour, text in (
        (TEAL, _("breaks taken")),
        (PALE, _("reminders")),
        (ORANGE, _("longest sitting")),
    ):  # each entry as wide as its words in the user's language
        pen.rectangle((x, legend_y + s(3), x + s(10), legend_y + s(13)), fill=colour)
        pen.text((x + s(16), legend_y), text, fill=MUTED, font=small)
        x += s(16 + 24) + round(pen.textlength(text, font=small))

    _balance(pen, summary, scale)
    _flexibility(pen, flexibility, scale)
    return image


def _balance(pen: ImageDraw.ImageDraw, summary: Summary, scale: int) -> None:
    """Horizontal bars: stretches per muscle group this period."""

    def s(value: float) -> int:
        return round(value * scale)

    left, top = 520, 110
    pen.text((s(left), s(top - 26)), _("Muscle groups"), fill=MUTED, font=font(s(12)))
    most = max([1, *(count for count, _ in summary.groups.values())])
    label, number = font(s(12)), font(s(12), bold=True)
    for row, group in enumerate(GROUPS):
        count, _held = summary.groups.get(group, (0, 0.0))
        y = top + row * 32
        pen.text((s(left), s(y)), _(GROUP_NAMES[group]), fill=INK, font=label)
        pen.rectangle((s(left), s(y + 17), s(left + 200), s(y + 25)), fill=GRID)
        if count:
            pen.rectangle((s(left), s(y + 17), s(left + 200 * count / most), s(y + 25)), fill=TEAL)
        pen.text((s(760), s(y)), str(count), fill=INK, font=number, anchor="ra")


def _flexibility(pen: ImageDraw.ImageDraw, found: Sequence[Progress], scale: int) -> None:
    """Each self-test's answers over the weeks (up is more flexible), and the honest trend."""

    def s(value: float) -> int:
        return round(value * scale)

    left, top, right, bottom = FLEXIBILITY
    pen.line((s(left), s(top - 18), s(right), s(top - 18)), fill=GRID, width=s(1))
    pen.text((s(left), s(top - 8)), _("Flexibility check-in"), fill=MUTED, font=font(s(12)))
    if not found:
        pen.text(
            (s(left), s(top + 20)),
            _(
                "No check-in yet: choose Flexibility check-in… in the menu, or run hamstray "
                "checkin. It takes a minute."
            ),
            fill=INK,
            font=font(s(12)),
        )
        return
    rows = found[:2]
    height = (bottom - top - 16) / len(rows)
    for row, progress in enumerate(rows):
        y = top + 16 + row * height
        pen.text((s(left), s(y + 4)), progress.test.name, fill=INK, font=font(s(12), bold=True))
        pen.text(
            (s(left), s(y + 22)), f"now: {progress.latest.lower()}", fill=MUTED, font=font(s(11))
        )
        _spark(pen, progress, (250, y + 6, 470, y + height - 22), scale)
        _wrapped(pen, progress.trend, (520, y + 4), 240, scale)


def _spark(
    pen: ImageDraw.ImageDraw, progress: Progress, box: tuple[float, float, float, float], scale: int
) -> None:
    """The answers as points over time, the scale from least (bottom) to most flexible (top)."""
    left, top, right, bottom = box
    steps = max(1, len(progress.test.answers) - 1)
    first, last = progress.points[0][0], progress.points[-1][0]
    span = max(last - first, 1.0)

    def at(when: float, score: int) -> tuple[int, int]:
        x = left + (right - left) * ((when - first) / span if last > first else 1.0)
        return round(x * scale), round((bottom - (bottom - top) * score / steps) * scale)

    for level in range(steps + 1):  # a line for each landmark of the scale
        y = round((bottom - (bottom - top) * level / steps) * scale)
        pen.line((round(left * scale), y, round(right * scale), y), fill=GRID, width=scale)
    points = [at(when, score) for when, score in progress.points]
    tiny = font(round(10 * scale))
    for when, (x, _y) in {first: points[0], last: points[-1]}.items():
        anchor = "ra" if x >= right * scale - 1 else "la"
        label = show_day(stats.local_date(when, None), weekday=False)
        pen.text((x, round((bottom + 5) * scale)), label, fill=MUTED, font=tiny, anchor=anchor)
    if len(points) > 1:
        pen.line(points, fill=TEAL, width=2 * scale)
    for index, (x, y) in enumerate(points):
        radius = (5 if index == len(points) - 1 else 3) * scale
        pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=TEAL)


def _wrapped(
    pen: ImageDraw.ImageDraw, text: str, where: tuple[float, float], width: float, scale: int
) -> None:
    """``text`` in lines no wider than ``width`` (at 1x)."""
    small = font(round(11 * scale))
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and pen.textlength(candidate, font=small) <= width * scale:
            lines[-1] = candidate
        else:
            lines.append(word)
    x, y = where
    for number, line in enumerate(lines[:3]):
        pen.text((round(x * scale), round((y + 15 * number) * scale)), line, fill=MUTED, font=small)
