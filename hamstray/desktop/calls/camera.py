"""Whether a camera is in use: on Linux, a process of this user holding ``/dev/video*`` open."""

import os
import re
from pathlib import Path

from hamstray.desktop.calls import InUse
from hamstray.desktop.calls.processes import comm, own


def linux(proc: Path = Path("/proc"), dev: Path = Path("/dev"), uid: int | None = None) -> InUse:
    """The name of the first process of ``uid`` (default: this user) with a video device open."""
    device = re.compile(re.escape(str(dev)) + r"/video\d+")

    def look() -> str | None:
        for folder in own(proc, os.getuid() if uid is None else uid):
            try:
                descriptors = list(os.scandir(folder / "fd"))
            except OSError:  # gone, or not ours to read
                continue
            for descriptor in descriptors:
                try:
                    target = str(Path(descriptor.path).readlink())
                except OSError:
                    continue
                if device.fullmatch(target):
                    return comm(folder)
        return None

    return look
