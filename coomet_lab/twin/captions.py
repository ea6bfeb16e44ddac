"""Fixed headings and sentences of the twin, in the certificate's languages (translations are data:
``coomet_lab/data/pdf-captions.json``; a language without a translation falls back to English)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "pdf-captions.json"
FALLBACK = "en"


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    return json.loads(DATA.read_text(encoding="utf-8"))["captions"]


def languages() -> list[str]:
    """Languages with a complete set of captions."""
    return sorted({lang for texts in _table().values() for lang in texts})


def caption(key: str, lang: str, **values: Any) -> str:
    """One caption in one language (English when there is no translation), with ``{placeholders}`` filled."""
    texts = _table()[key]
    text = texts.get(lang) or texts[FALLBACK]
    return text.format(**values) if values else text


def captions(key: str, langs: list[str], **values: Any) -> list[str]:
    """The caption in each language, without repeating a text (a missing translation gives English once)."""
    out: list[str] = []
    for lang in langs:
        text = caption(key, lang, **values)
        if text not in out:
            out.append(text)
    return out
