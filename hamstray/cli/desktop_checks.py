"""The doctor's checks of the desktop: the tray, notifications and idle time, each OK or
PROBLEM with a concrete hint."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from hamstray.desktop.tray import backend
from hamstray.store.translations import _


@dataclass(frozen=True)
class Check:
    """The state of one part (``unseen``: this platform offers no way to look, not a problem)."""

    part: str
    ok: bool
    detail: str
    hint: str = ""
    unseen: bool = False

    def __str__(self) -> str:
        label = "N/A" if self.unseen else "OK" if self.ok else "PROBLEM"
        line = f"{label:<8} {self.part:<14} {self.detail}"
        return line + (
            "\n" + " " * 24 + _("hint: {hint}").format(hint=self.hint) if self.hint else ""
        )


def tray(
    env: Mapping[str, str],
    platform: str,
    tray_owner: Callable[[], bool | None],
    watcher: Callable[[], bool | None],
    has_gi: bool,
    no_tk: str | None = None,
) -> Check:
    """Which tray backend hamstray will use and why, and whether something will show it
    (``no_tk``: why Tk windows cannot open, which takes the XEmbed menu away)."""
    try:
        choice = backend.choose(env, platform, lambda: bool(watcher()), lambda: has_gi)
    except ValueError as error:
        return Check(
            "tray",
            False,
            str(error),
            _("one of: {names}").format(names=", ".join(backend.BACKENDS)),
        )
    named = _("{name} backend ({why})").format(name=choice.name, why=choice.why)
    if platform in ("win32", "darwin"):
        return Check("tray", True, named)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return Check(
            "tray",
            False,
            _("no graphical session (DISPLAY and WAYLAND_DISPLAY unset)"),
            _("run hamstray from your desktop session"),
        )
    gnome = "GNOME" in env.get("XDG_CURRENT_DESKTOP", "").upper()
    if choice.name in ("sni", "appindicator"):
        if watcher():
            there = (
                ""
                if choice.name == "sni" and not env.get("HAMSTRAY_TRAY")
                else _("; a host is there")
            )
            return Check("tray", True, f"{named}{there}")
        hint = (
            _("enable the AppIndicator extension (gnome-shell-extension-appindicator)")
            if gnome
            else _("your panel needs a StatusNotifierItem host (a system tray)")
        )
        return Check(
            "tray", False, _("{backend}, but no StatusNotifierWatcher").format(backend=named), hint
        )
    if not env.get("DISPLAY"):
        return Check(
            "tray",
            False,
            _("{backend} needs X11, this is Wayland").format(backend=named),
            _(
                "enable your desktop's tray (on GNOME: the AppIndicator extension); hamstray then "
                "shows a StatusNotifierItem"
            ),
        )
    if not tray_owner():
        hint = (
            _(
                "GNOME shows no tray icons without the AppIndicator extension "
                "(gnome-shell-extension-appindicator)"
            )
            if gnome
            else _("add a system tray (notification area) to your panel")
        )
        return Check(
            "tray",
            False,
            _("{backend}, but no system tray on this display").format(backend=named),
            hint,
        )
    clicks = ""
    if choice.name == "xorg":
        clicks = (
            _("; left click starts, right click opens hamstray's menu")
            if no_tk is None
            else _("; its menu cannot open without Tk (see guide): a click says so")
        )
    there = _("{backend}; an XEmbed system tray is there").format(backend=named)
    return Check("tray", True, there + clicks)


def notifications(capabilities: list[str] | None, server: str | None) -> Check:
    """Whether reminders can pop up, and with buttons."""
    if capabilities is None:
        return Check(
            "notifications",
            False,
            _("no notification server on the session bus"),
            _(
                "start your desktop's notification daemon (for example dunst); until then "
                "reminders show in the tray icon only"
            ),
        )
    buttons = _("with Start/Snooze buttons") if "actions" in capabilities else _("without buttons")
    by = server or _("a freedesktop server")
    return Check("notifications", True, _("{server}, {buttons}").format(server=by, buttons=buttons))


def idle_hint(env: Mapping[str, str]) -> str:
    """What reads idle time on this kind of desktop, for the hint when nothing does."""
    desktop = env.get("XDG_CURRENT_DESKTOP", "").upper()
    wayland = env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))
    if "GNOME" in desktop:
        where = _("on GNOME hamstray asks Mutter's idle monitor (org.gnome.Mutter.IdleMonitor)")
    elif wayland and "KDE" in desktop:
        where = _(
            "on KDE Wayland hamstray takes KWin's idle notices (ext-idle-notify-v1 or "
            "org_kde_kwin_idle) through WAYLAND_DISPLAY"
        )
    elif wayland:
        where = _(
            "on Wayland hamstray takes the compositor's idle notices (ext-idle-notify-v1 or "
            "org_kde_kwin_idle: sway, Hyprland, river and KWin have them) through WAYLAND_DISPLAY"
        )
    elif env.get("DISPLAY"):
        where = _("on X11 hamstray reads the X server's MIT-SCREEN-SAVER extension")
    else:
        where = _("hamstray reads idle time from the desktop session (X11 or Wayland)")
    return _(
        "{where}; hamstray -v doctor says why that failed. Until then natural breaks are "
        "seen only from suspends"
    ).format(where=where)


def idle_probe(
    found: Callable[[], float | None] | None, env: Mapping[str, str] | None = None
) -> Check:
    """Whether hamstray can tell that the user left the desk."""
    if found is None:
        return Check(
            "idle", False, _("no way to read idle time on this desktop"), idle_hint(env or {})
        )
    seconds = found()
    if seconds is None:
        return Check(
            "idle",
            False,
            _("the idle probe gave no answer"),
            _("hamstray -v doctor says why"),
        )
    return Check(
        "idle", True, _("idle time readable (now {seconds} s)").format(seconds=round(seconds))
    )
