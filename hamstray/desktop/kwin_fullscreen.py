"""KDE Plasma: whether the active window is full screen, told by KWin itself.

KWin does not show its window list to other Wayland clients, but any app of the session may load
a KWin script over D-Bus (``org.kde.kwin.Scripting``), and a script may call out over D-Bus. The
script below follows the active window and calls hamstray back (``Changed(b)``) whenever it, or
its full-screen state, changes; nothing is polled. It is unloaded when hamstray exits, and a
script left by a hamstray that was killed is replaced at the next start.
"""

import atexit
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from hamstray.desktop import router

log = logging.getLogger(__name__)

KWIN = "org.kde.KWin"
SCRIPTING = "org.kde.kwin.Scripting"
PLUGIN = "hamstray-fullscreen"
PATH = "/io/github/hamstray/FullScreen"
INTERFACE = "io.github.hamstray.FullScreen"
FIRST_REPORT_S = 3.0
# KWin 5 names the active window "client", KWin 6 "window"; the script works with both.
SCRIPT = """const active = () => workspace.activeWindow !== undefined ? workspace.activeWindow
                                                                 : workspace.activeClient;
let watched = null;
const report = () => {
  const window = active();
  callDBus(SERVICE, PATH, INTERFACE, "Changed", !!(window && window.fullScreen));
};
const follow = (window) => {
  if (watched) watched.fullScreenChanged.disconnect(report);
  watched = window;
  if (window) window.fullScreenChanged.connect(report);
  report();
};
(workspace.windowActivated || workspace.clientActivated).connect(follow);
follow(active());
"""


def _call(bus: router.Router, path: str, interface: str, method: str, *args: Any) -> Any:
    """The body of a call to KWin (OSError when it fails or answers an error)."""
    from jeepney import DBusAddress, MessageType, new_method_call  # noqa: PLC0415

    signature = "".join("s" if isinstance(a, str) else "i" for a in args) or None
    message = new_method_call(DBusAddress(path, bus_name=KWIN, interface=interface), method,
                              signature, args)  # fmt: skip
    reply = bus.call(message, timeout=5.0)
    if reply.header.message_type is MessageType.error:
        raise OSError(f"KWin answered {method} with {reply.body[0] if reply.body else 'an error'}")
    return reply.body


class KWinWatch:
    """Follows KWin's active window through a script of ours; call it for "full screen now"."""

    def __init__(self, connect: router.Connect = router.session) -> None:
        self._full = False
        self._changed = threading.Event()  # the script reported once: it runs
        self._bus = router.Router(lambda message: None, connect, self._on_call)
        try:
            self._load()
        except Exception:
            self._bus.close()
            raise

    def _load(self) -> None:
        source = SCRIPT.replace("SERVICE", repr(self._bus.unique_name))
        source = source.replace("INTERFACE", repr(INTERFACE)).replace("PATH", repr(PATH))
        folder = Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
        self._file = folder / f"{PLUGIN}-{os.getpid()}.js"
        self._file.write_text(source, encoding="utf-8")
        (loaded,) = _call(self._bus, "/Scripting", SCRIPTING, "isScriptLoaded", PLUGIN)
        if loaded:  # left by a hamstray that did not stop cleanly
            _call(self._bus, "/Scripting", SCRIPTING, "unloadScript", PLUGIN)
        (script,) = _call(self._bus, "/Scripting", SCRIPTING, "loadScript", str(self._file), PLUGIN)
        errors = []
        for path in (f"/Scripting/Script{script}", f"/{script}"):  # KWin 6, KWin 5
            try:
                _call(self._bus, path, "org.kde.kwin.Script", "run")
                break
            except OSError as error:
                errors.append(str(error))
        else:
            raise OSError(f"KWin loaded the script but would not run it: {'; '.join(errors)}")
        atexit.register(self.close)
        # The script reports the active window as it starts: then its answers are KWin's.
        if self._changed.wait(FIRST_REPORT_S):
            log.debug("KWin runs hamstray's full-screen script (%s)", script)
        else:
            log.info("KWin's full-screen script has not reported within %s s", FIRST_REPORT_S)

    def _on_call(self, message: Any) -> Any:
        from jeepney import HeaderFields, new_method_return  # noqa: PLC0415

        fields = message.header.fields
        if (fields.get(HeaderFields.path), fields.get(HeaderFields.member)) != (PATH, "Changed"):
            return None
        self._full = bool(message.body[0]) if message.body else False
        self._changed.set()
        log.debug("KWin: the active window is %sfull screen", "" if self._full else "not ")
        return new_method_return(message)

    def __call__(self) -> bool:
        """Whether KWin's active window is full screen."""
        return self._full

    def close(self) -> None:
        """Unload the script."""
        try:
            _call(self._bus, "/Scripting", SCRIPTING, "unloadScript", PLUGIN)
        except OSError as error:
            log.debug("could not unload the KWin script: %s", error)
        self._file.unlink(missing_ok=True)
        self._bus.close()


def watch() -> KWinWatch:
    """The watch, running; OSError says why KWin would not run it."""
    try:
        return KWinWatch()
    except OSError:
        raise
    except Exception as error:
        raise OSError(str(error)) from error


def available() -> str | None:
    """Whether KWin's scripting answers (for doctor: nothing is loaded); None when it does,
    else why not."""
    try:
        bus = router.Router(lambda message: None)
    except Exception as error:  # noqa: BLE001 - no bus
        return str(error)
    try:
        _call(bus, "/Scripting", SCRIPTING, "isScriptLoaded", PLUGIN)
    except Exception as error:  # noqa: BLE001 - no KWin, or no scripting
        return str(error)
    finally:
        bus.close()
    return None
