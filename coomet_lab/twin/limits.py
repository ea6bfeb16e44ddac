"""Bounds on what verifying a twin may read and inflate, so that a small crafted PDF cannot make the verifier (or
a repository import) allocate gigabytes.

A deflate stream inflates up to about 1032-fold, and filters can be stacked, so a 1 MB file can claim 4 GB.
Every stream the application decodes itself (the embedded ``dcc.xml``, page content, ToUnicode maps, font
programs) is read raw and inflated incrementally (``zlib.decompressobj`` with ``max_length``) under a cap, and
refused early when it inflates far more than any real twin does. What qpdf decodes on its own (object and
cross-reference streams) is bounded by qpdf's process-wide ``flate_max_memory``; what pyHanko decodes while
validating by its ``DecodeLimits``. The input itself is refused above :data:`MAX_PDF_BYTES` before either
library sees it.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

from coomet_lab.twin.errors import UnreadablePdfError

MiB = 1024 * 1024
MAX_PDF_BYTES = 128 * MiB  # a 100-page twin is under 1 MB; a 64 MB DCC compresses to a fraction of that
MAX_XML_BYTES = 64 * MiB  # the XML parser's own ceiling without --large
MAX_PAGE_STREAM_BYTES = 16 * MiB  # one page's content: a few hundred KB in a dense 100-page twin
MAX_SMALL_STREAM_BYTES = 4 * MiB  # a ToUnicode map, a font subset program
MAX_RATIO = 200  # a real twin's streams compress 3- to 30-fold; a bomb 1000-fold
RATIO_FLOOR = 1 * MiB  # below this, any ratio is fine (a repetitive table compresses well)
_CHUNK = 256 * 1024


class PdfTooLargeError(UnreadablePdfError):
    """The PDF, or a stream in it, is (or inflates to) more than a twin can be: refused unread."""

    code = "pdf.too_large"


def check_input_size(data: bytes, source: str) -> None:
    """Refuse an input larger than any twin before qpdf or pyHanko parse it."""
    if len(data) > MAX_PDF_BYTES:
        raise PdfTooLargeError(f"{source} is {len(data) / MiB:.0f} MB; a PDF twin is never larger than "
                               f"{MAX_PDF_BYTES // MiB} MB, so it is refused unread")


def guard_qpdf() -> None:
    """Make qpdf refuse to inflate any single Flate or RunLength stream beyond :data:`MAX_XML_BYTES` (object and
    cross-reference streams, which qpdf decodes on its own). Process-wide; only tightens a limit that is unset."""
    from pikepdf import settings

    current = settings.get_qpdf_limits()
    # Any: set_qpdf_limits takes int limits and bool options by name; these names are all int limits.
    names = ("flate_max_memory", "run_length_max_memory", "png_max_memory", "tiff_max_memory", "dct_max_memory")
    wanted: dict[str, Any] = {name: MAX_XML_BYTES for name in names
                              if not current.get(name) or int(current[name]) > MAX_XML_BYTES}
    if wanted:
        settings.set_qpdf_limits(**wanted)


def pyhanko_limits() -> Any:  # noqa: ANN401 (pyhanko.pdf_utils.decode_limits.DecodeLimits, imported lazily)
    """pyHanko's decoding limits for untrusted input, with the per-stream cap lowered to the XML ceiling."""
    from pyhanko.pdf_utils.decode_limits import DecodeLimits, StreamDecodeLimits

    return DecodeLimits(per_stream=StreamDecodeLimits(max_ratio=1100, max_output_size=MAX_XML_BYTES))


def inflate(raw: bytes | memoryview, *, limit: int, what: str) -> bytes:
    """Inflate a zlib (FlateDecode) stream in chunks; refuse it once it passes ``limit`` bytes, or
    :data:`RATIO_FLOOR` bytes at more than :data:`MAX_RATIO` times its compressed size. It stops at the end of the
    deflate data (``raw`` may run on past it)."""
    inflater = zlib.decompressobj()
    out = bytearray()
    view = memoryview(raw)
    position = 0
    try:
        while position < len(view) or inflater.unconsumed_tail:
            if inflater.unconsumed_tail:
                chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
            else:
                chunk = inflater.decompress(view[position:position + _CHUNK], _CHUNK)
                position += _CHUNK
            out += chunk
            consumed = position - len(inflater.unconsumed_tail)
            if len(out) > limit:
                raise PdfTooLargeError(f"{what} inflates to more than {limit // MiB} MB (from "
                                       f"{len(raw) / MiB:.1f} MB compressed), more than a twin ever holds: a "
                                       "decompression bomb; refused")
            if len(out) > RATIO_FLOOR and len(out) > MAX_RATIO * max(consumed, 1):
                raise PdfTooLargeError(f"{what} inflates more than {MAX_RATIO}-fold (already {len(out) // MiB} MB "
                                       f"from {max(consumed, 1) // 1024} KB): a decompression bomb; refused")
            if inflater.eof:
                break
    except zlib.error as exc:
        raise UnreadablePdfError(f"{what} is damaged (its compressed data cannot be inflated: {exc})") from None
    return bytes(out)


_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def diagnose(data: bytes, source: str) -> None:
    """Called when qpdf could not read a file: if that was because a stream inflates beyond the caps (qpdf's limit
    makes it treat the object as missing, e.g. "unable to find /Root"), say so by name. Every deflate stream of
    the raw file is tried under the caps; nothing else is decoded."""
    for match in _STREAM.finditer(data):
        start = match.end()
        if data[start:start + 1] not in (b"\x78", b"\x58", b"\x08", b"\x18", b"\x28", b"\x38", b"\x48", b"\x68"):
            continue  # not a zlib header: an uncompressed stream
        try:
            inflate(memoryview(data)[start:start + MAX_XML_BYTES], limit=MAX_XML_BYTES,
                    what=f"the stream at byte {start}")
        except PdfTooLargeError as exc:
            raise PdfTooLargeError(f"{source}: {exc}") from None
        except UnreadablePdfError:
            continue


def read_stream(stream: Any, *, limit: int, what: str) -> bytes:  # noqa: ANN401 (a pikepdf.Stream)
    """The decoded bytes of a pikepdf stream, never decoded by qpdf: raw bytes, then no filter or one FlateDecode
    (without predictor) inflated under ``limit``. A twin writes nothing else; any other filter is refused."""
    from pikepdf import Array, Name

    declared = stream.get(Name.DL)
    if declared is not None and _int(declared) > limit:
        raise PdfTooLargeError(f"{what} declares {_int(declared) // MiB} MB (/DL), more than a twin ever holds; "
                               "refused")
    filters = stream.get(Name.Filter)
    names = [] if filters is None else [str(f) for f in filters] if isinstance(filters, Array) else [str(filters)]
    raw = stream.read_raw_bytes()
    if not names:
        if len(raw) > limit:
            raise PdfTooLargeError(f"{what} is {len(raw) // MiB} MB, more than a twin ever holds; refused")
        return raw
    parameters = stream.get(Name.DecodeParms)
    if names != ["/FlateDecode"] or (parameters is not None and not _no_predictor(parameters)):
        raise UnreadablePdfError(f"{what} is encoded with {' + '.join(names)}"
                                 f"{' and a predictor' if names == ['/FlateDecode'] else ''}, which a twin never "
                                 "uses; it is not read (stacked filters can hide a decompression bomb)")
    return inflate(raw, limit=limit, what=what)


def _no_predictor(parameters: Any) -> bool:  # noqa: ANN401
    from pikepdf import Array, Dictionary

    if isinstance(parameters, Array):
        return all(_no_predictor(p) for p in parameters)
    if isinstance(parameters, Dictionary):
        return int(parameters.get("/Predictor", 1)) == 1
    return True  # null


def _int(value: Any) -> int:  # noqa: ANN401
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
