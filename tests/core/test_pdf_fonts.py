"""Fonts: found in a maintained package or the operating system, never in this repository; a missing font or a
character no font can draw is a specific error."""

from __future__ import annotations

import subprocess

import pytest

from coomet_lab.twin.errors import FontNotFoundError, MissingGlyphsError
from coomet_lab.twin.fonts import FILES, resolve_fonts

from tests.helpers import REPO


def test_fonts_come_from_matplotlib_or_the_system_never_from_the_repository():
    fonts = resolve_fonts()
    for path in fonts.files().values():
        assert path.is_file()
        assert "site-packages" in path.parts or REPO not in path.resolve().parents  # a package's, or the system's
    assert fonts.source in ("matplotlib", "operating system", "fontconfig")
    tracked = subprocess.run(["git", "-C", str(REPO), "ls-files", "*.ttf", "*.otf"], capture_output=True, text=True)
    assert tracked.returncode != 0 or not tracked.stdout.strip(), "no font file is copied into the repository"


def test_an_empty_font_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FontNotFoundError) as caught:
        resolve_fonts(tmp_path)
    message = str(caught.value)
    assert "DejaVuSans.ttf" in message and "fonts-dejavu-core" in message and "matplotlib" in message


def test_the_twin_refuses_to_render_without_fonts(unsigned_dcc, lab_trust, tmp_path, monkeypatch):
    from coomet_lab.twin import make_twin

    monkeypatch.setenv("COOMET_LAB_FONTS", str(tmp_path))
    with pytest.raises(FontNotFoundError, match="COOMET_LAB_FONTS"):
        make_twin(unsigned_dcc, trust=lab_trust)


def test_a_broken_font_file_is_a_clear_error(unsigned_dcc, lab_trust, tmp_path, monkeypatch):
    from coomet_lab.twin import make_twin

    for name in FILES.values():
        (tmp_path / name).write_bytes(b"not a font")
    monkeypatch.setenv("COOMET_LAB_FONTS", str(tmp_path))
    with pytest.raises(FontNotFoundError, match="not a usable TrueType font"):
        make_twin(unsigned_dcc, trust=lab_trust)


def test_a_character_the_font_cannot_draw_is_refused(unsigned_dcc, lab_trust):
    from coomet_lab.twin import make_twin

    chinese = unsigned_dcc.replace("АО «Уралхим»".encode(), "АО «Уралхим» 漢字".encode())
    with pytest.raises(MissingGlyphsError, match="U[+]6F22"):
        make_twin(chinese, trust=lab_trust)


def test_captions_exist_in_every_supported_language():
    from coomet_lab.twin.captions import _table, languages

    assert {"en", "ru", "de", "kk", "uz", "be"} <= set(languages())
    for key, texts in _table().items():
        assert set(texts) == set(languages()), key
