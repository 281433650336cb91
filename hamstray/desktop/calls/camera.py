"""Whether a camera is in use: on Linux, a process of this user holding ``/dev/video*`` open.

Reading every process's open files is the one costly look (about 14 ms for 800 descriptors
here, more with a browser's thousands), so it is skipped where there is no video device, and
the process found last time is looked at first: while a call goes on, a look is one folder.
"""

import os
import re
from pathlib import Path

from hamstray.desktop.calls import InUse
from hamstray.desktop.calls.processes import comm, own


def _holds(folder: Path, device: re.Pattern[str]) -> bool:
    try:
        descriptors = list(os.scandir(folder / "fd"))
    except OSError:  # gone, or not ours to read
        return False
    for descriptor in descriptors:
        try:
            target = str(Path(descriptor.path).readlink())
        except OSError:
            continue
        if device.fullmatch(target):
            return True
    return False


def linux(proc: Path = Path("/proc"), dev: Path = Path("/dev"), uid: int | None = None) -> InUse:
    """The name of the first process of ``uid`` (default: this user) with a video device open."""
    device = re.compile(re.escape(str(dev)) + r"/video\d+")
    last: list[Path] = []  # the process that held a camera at the last look

    def look() -> str | None:
        if not any(dev.glob("video*")):
            return None  # no camera here at all
        if last and _holds(last[0], device):
            return comm(last[0])
        last.clear()
        for folder in own(proc, os.getuid() if uid is None else uid):
            if _holds(folder, device):
                last.append(folder)
                return comm(folder)
        return None

    return look
