"""The build hook that compiles the translation catalogues: each .po into the .mo gettext reads.

The .mo files are build output (gitignored), so the wheel, the .deb and an editable install
(``pip install -e .``, which runs this too) each get them from the .po files in the repo.
"""

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_catalogues(locale: Path) -> list[Path]:
    """Write ``<lang>/LC_MESSAGES/hamstray.mo`` beside every .po under ``locale``."""
    written = []
    for po in sorted(locale.glob("*/LC_MESSAGES/hamstray.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parents[1].name, domain="hamstray")
        mo = po.with_suffix(".mo")
        with mo.open("wb") as out:
            write_mo(out, catalog, use_fuzzy=False)
        written.append(mo)
    return written


class CatalogueHook(BuildHookInterface):  # type: ignore[misc]
    """Compiles the catalogues before the wheel is put together."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile, and ship the .mo files although git ignores them."""
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        for mo in compile_catalogues(root / "hamstray" / "locale"):
            build_data["artifacts"].append(mo.relative_to(root).as_posix())
