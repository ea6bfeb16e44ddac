"""Counting the expensive stages of a use case (XML parses, XSD runs, signature verifications, PDF verifications)
with wrappers around the real functions: nothing is mocked, every call still runs."""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from collections.abc import Iterator

STAGES = {
    "parse": ("coomet_lab.kernel.xmlsafe", "parse_bytes"),
    "xsd": ("coomet_lab.dcc.validation.xsd", "validate_xsd"),
    "verify": ("coomet_lab.trust.signature_check", "verify_tree"),
    "verify_pdf": ("coomet_lab.twin.twin_check", "verify_pdf"),
}


@contextlib.contextmanager
def counting() -> Iterator[Counter]:
    """Counts per stage while the block runs; every module that imported a stage's function by name is patched."""
    import importlib

    counts: Counter = Counter()
    patched: list[tuple[object, str, object]] = []
    for stage, (module_name, name) in STAGES.items():
        original = getattr(importlib.import_module(module_name), name)

        def wrapper(*args, __original=original, __stage=stage, **kwargs):  # noqa: ANN002,ANN003,ANN202
            counts[__stage] += 1
            return __original(*args, **kwargs)

        for module in list(sys.modules.values()):
            if module is None or not getattr(module, "__name__", "").startswith("coomet_lab"):
                continue
            for attribute, value in list(vars(module).items()):
                if value is original:
                    patched.append((module, attribute, value))
                    setattr(module, attribute, wrapper)
    try:
        yield counts
    finally:
        for module, attribute, value in reversed(patched):
            setattr(module, attribute, value)
