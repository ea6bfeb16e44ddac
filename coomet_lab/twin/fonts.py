"""Embedded TrueType fonts for the twin: DejaVu Sans (Latin, Greek, Cyrillic) from a maintained source.

PDF/A embeds every font, and certificates in the COOMET region mix Cyrillic, Latin and Greek (``µ``, ``Ω``) text, so
the base-14 fonts (neither embedded nor Cyrillic) and reportlab's own Vera (no Cyrillic) cannot be used. The font
files are never copied into this repository; they are found, in this order, in:

1. the folder named by ``COOMET_LAB_FONTS`` (only there, when it is set);
2. the installer's ``fonts`` folder in a frozen bundle (copied there from matplotlib at build time), then
   matplotlib's ``mpl-data/fonts/ttf`` (a maintained PyPI package that ships DejaVu, installed with COOMET Lab);
3. the operating system: Debian/Ubuntu ``fonts-dejavu-core``, other Linux font folders, ``fc-match``, the Windows
   and macOS font folders.

A missing font is a clear error naming what to install; a character no font can draw is another.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from coomet_lab.twin.errors import FontNotFoundError, MissingGlyphsError

FONTS_ENV = "COOMET_LAB_FONTS"
FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "mono": "DejaVuSansMono.ttf"}
FC_NAMES = {"regular": "DejaVu Sans:style=Book", "bold": "DejaVu Sans:style=Bold",
            "mono": "DejaVu Sans Mono:style=Book"}
INSTALL_HINT = ("install matplotlib (pip install matplotlib, it ships DejaVu) or the operating system's DejaVu fonts "
                "(Debian/Ubuntu: apt install fonts-dejavu-core), or set COOMET_LAB_FONTS to a folder holding "
                + ", ".join(FILES.values()))


@dataclass(frozen=True)
class FontSet:
    """The three font files the twin uses, and where they were found."""

    regular: Path
    bold: Path
    mono: Path
    source: str

    def files(self) -> dict[str, Path]:
        return {"regular": self.regular, "bold": self.bold, "mono": self.mono}


def resolve_fonts(folder: str | os.PathLike[str] | None = None) -> FontSet:
    """The DejaVu fonts from ``folder`` only (when given), else from the first place that has all three."""
    if folder is not None:
        candidates = [(f"folder {folder}", Path(folder))]
    elif os.environ.get(FONTS_ENV):
        candidates = [(f"{FONTS_ENV}={os.environ[FONTS_ENV]}", Path(os.environ[FONTS_ENV]))]
    else:
        candidates = _candidate_folders()
    for label, path in candidates:
        found = {role: path / name for role, name in FILES.items()}
        if all(f.is_file() for f in found.values()):
            return FontSet(found["regular"], found["bold"], found["mono"], label)
    if folder is None and not os.environ.get(FONTS_ENV):
        by_fc = _from_fontconfig()
        if by_fc is not None:
            return by_fc
    searched = "; ".join(str(p) for _, p in candidates)
    raise FontNotFoundError(f"the PDF twin needs the DejaVu fonts ({', '.join(FILES.values())}) and found them in "
                            f"none of: {searched or '(no folder)'}. To fix: {INSTALL_HINT}")


def _candidate_folders() -> list[tuple[str, Path]]:
    folders: list[tuple[str, Path]] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # the installer carries the three files, not matplotlib (see packaging/bundle_contents.py)
        folders.append(("installer", Path(frozen_root) / "fonts"))
    matplotlib_fonts = _matplotlib_folder()
    if matplotlib_fonts is not None:
        folders.append(("matplotlib", matplotlib_fonts))
    for path in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
                 "/usr/share/fonts/dejavu-sans-fonts", "/usr/local/share/fonts", "/Library/Fonts"):
        folders.append(("operating system", Path(path)))
    home = Path.home()
    folders += [("user fonts", home / ".local" / "share" / "fonts"), ("user fonts", home / "Library" / "Fonts")]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        folders.append(("Windows fonts", windir / "Fonts"))
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(("Windows user fonts", Path(local) / "Microsoft" / "Windows" / "Fonts"))
    return folders


def _matplotlib_folder() -> Path | None:
    """matplotlib's DejaVu folder, found without importing matplotlib (which takes a second to start)."""
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf"


def _from_fontconfig() -> FontSet | None:
    if shutil.which("fc-match") is None:
        return None
    found = {}
    for role, pattern in FC_NAMES.items():
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        path = Path(out.stdout.strip())
        if path.name != FILES[role] or not path.is_file():
            return None  # fontconfig substitutes silently; only the real DejaVu file will do
        found[role] = path
    return FontSet(found["regular"], found["bold"], found["mono"], "fontconfig")


# ------------------------------------------------------------------------------------------------ reportlab


@dataclass(frozen=True)
class FontNames:
    """The names the fonts are registered under in reportlab (unique per set of files)."""

    regular: str
    bold: str
    mono: str


_REGISTERED: dict[FontSet, FontNames] = {}


def register(fonts: FontSet) -> FontNames:
    """Register the set with reportlab once (subset and embedded on use); returns the names to draw with."""
    names = _REGISTERED.get(fonts)
    if names is not None:
        return names
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    suffix = f"{len(_REGISTERED)}"
    names = FontNames(f"CLSans{suffix}", f"CLSansBold{suffix}", f"CLMono{suffix}")
    for name, path in ((names.regular, fonts.regular), (names.bold, fonts.bold), (names.mono, fonts.mono)):
        try:
            pdfmetrics.registerFont(TTFont(name, str(path), asciiReadable=True))
        except (TTFError, OSError) as exc:
            raise FontNotFoundError(f"{path} is not a usable TrueType font ({exc}). To fix: {INSTALL_HINT}") from None
    for bold, italic, face in ((0, 0, names.regular), (1, 0, names.bold), (0, 1, names.regular), (1, 1, names.bold)):
        addMapping(names.regular, bold, italic, face)
    _REGISTERED[fonts] = names
    return names


def check_glyphs(text_chars: set[str], fonts: FontSet, names: FontNames) -> None:
    """Refuse characters the sans-serif font cannot draw (reportlab would silently print empty boxes)."""
    from reportlab.pdfbase import pdfmetrics

    covered = pdfmetrics.getFont(names.regular).face.charToGlyph
    missing = sorted(c for c in text_chars if ord(c) >= 32 and not c.isspace() and ord(c) not in covered)
    if missing:
        shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:12])
        raise MissingGlyphsError(font=fonts.regular.name, characters=shown + (" ..." if len(missing) > 12 else ""))
