"""Make the attack twins of this folder (run from the repository root, in the project's environment):

    PYTHONPATH=. .venv/bin/python tests/data/attacks/twin/make.py

Every file is the thermometer example's twin (examples/thermometer-pt100-ru-en.json) with one attack. Files that
must be signed are signed with the committed test PKI in ``pki/`` (made on the first run, valid for 30 years;
see README.md). ECDSA signatures and signing times differ on every run, so the bytes are not reproducible, the
attacks are. expected.json says what ``coomet-lab verify`` (or ``repo import``) must answer for each.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path.insert(0, str(REPO))
PKI = HERE / "pki"
PASSPHRASE = "attack test passphrase"
GiB = 1024 ** 3
MiB = 1024 ** 2


def ensure_pki() -> None:
    """A lab CA with one signer, and an impostor CA with the same name (and a signer with the same name)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    from coomet_lab.trust import keys as pki

    if (PKI / "lab-ca.pem").is_file():
        return
    PKI.mkdir(exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Attack Signer"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Attack Test Lab")])
    for name in ("lab", "impostor"):
        ca_key, ca = pki.make_ca("Attack Test Lab", years=30)
        key = pki.new_key("ec")
        certificate = pki.issue_signer_certificate(ca_key=ca_key, ca_certificate=ca, subject=subject,
                                                   public_key=key.public_key(), not_before=now - dt.timedelta(days=1),
                                                   not_after=now + dt.timedelta(days=365 * 30))
        (PKI / f"{name}-ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
        (PKI / f"{name}-signer.p12").write_bytes(pki.pkcs12_bytes(name, key, certificate, [ca], PASSPHRASE))


def signer(name: str):  # noqa: ANN201
    from coomet_lab.trust.signers import FileSigner

    return FileSigner(PKI / f"{name}-signer.p12", PASSPHRASE)


def edited(pdf: bytes, edit, *, raw: bool = False) -> bytes:  # noqa: ANN001
    """``edit`` applied with pikepdf; ``raw`` keeps every stream's bytes as they are (a bomb is never inflated)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        edit(doc)
        out = io.BytesIO()
        if raw:
            doc.save(out, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
        else:
            doc.save(out)
    return out.getvalue()


def zeros_deflated(size: int) -> bytes:
    """``size`` zero bytes, deflated, without holding them in memory."""
    packer = zlib.compressobj(9)
    block = b"\0" * (64 * MiB)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.compress(b"\0" * (size % len(block))) + packer.flush()


def flate_stream(doc, raw: bytes, filters: int = 1):  # noqa: ANN001, ANN201
    import pikepdf
    from pikepdf import Array, Name

    stream = pikepdf.Stream(doc, raw)
    stream.Filter = Name.FlateDecode if filters == 1 else Array([Name.FlateDecode] * filters)
    return stream


def main() -> None:  # noqa: PLR0915 (one list of attacks, read top to bottom)
    home = tempfile.mkdtemp()
    os.environ["COOMET_LAB_HOME"] = home
    shared = Path(os.environ.get("COOMET_LAB_SHARED", REPO.parent / "shared"))
    os.environ.setdefault("COOMET_LAB_SCHEMAS", str(shared / "schemas" / "dcc"))
    import pikepdf
    from pikepdf import Name

    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.trust import TrustStore, sign_xml
    from coomet_lab.twin import make_twin, render_twin
    from coomet_lab.twin.pades import sign_pdf, vendor

    ensure_pki()
    trust = TrustStore.with_files([PKI / "lab-ca.pem"], folder=Path(home) / "trust")
    dcc = to_bytes(load_document(REPO / "examples" / "thermometer-pt100-ru-en.json"))
    signed = sign_xml(dcc, signer("lab"), trust=trust)
    unsigned_twin = render_twin(signed, trust=trust, producer=vendor())
    files: dict[str, bytes] = {}

    def lab_signed(pdf: bytes) -> bytes:
        return sign_pdf(pdf, signer("lab"), trust=trust)

    files["good.pdf"] = make_twin(signed, signer=signer("lab"), trust=trust).pdf

    # ---- finding 1: pages that do not say what the signed XML says, signed by the lab's own key
    from tests.core.test_twin_pages import _pages_from

    other = sign_xml(dcc.replace(b"100.06", b"100.07"), signer("lab"), trust=trust)
    files["forged-value.pdf"] = lab_signed(_pages_from(other, signed, trust))

    def lie(doc) -> None:  # noqa: ANN001 ('1' drawn, '7' in the text layer, and the other way round)
        for _, font in doc.pages[1].Resources.Font.items():
            if str(font.BaseFont).endswith("+DejaVuSans"):
                cmap = font.ToUnicode.read_bytes()
                cmap = cmap.replace(b"<31> <0031>", b"@").replace(b"<37> <0037>", b"<31> <0037>")
                font.ToUnicode = pikepdf.Stream(doc, cmap.replace(b"@", b"<37> <0031>"))

    files["tounicode-lies.pdf"] = lab_signed(edited(unsigned_twin, lie))

    def hide(doc) -> None:  # noqa: ANN001 (text the check would read and a reader never sees)
        page = doc.pages[1]
        name = next(iter(page.Resources.Font.keys()))
        page.contents_add(pikepdf.Stream(doc, b"BT 3 Tr " + name.encode() + b" 9 Tf 100 100 Td (100.07) Tj ET"))

    files["invisible-text.pdf"] = lab_signed(edited(unsigned_twin, hide))
    from tests.core.test_twin_pages import overlay

    files["annotation-overlay.pdf"] = lab_signed(edited(unsigned_twin, overlay))

    # ---- finding 3: pages rearranged (lab-signed), an impostor's signature, changes after signing
    files["pages-swapped.pdf"] = lab_signed(edited(unsigned_twin, lambda doc: doc.pages.reverse()))
    files["page-removed.pdf"] = lab_signed(edited(unsigned_twin, lambda doc: doc.pages.remove(p=2)))
    files["page-duplicated.pdf"] = lab_signed(edited(unsigned_twin, lambda doc: doc.pages.append(doc.pages[1])))
    files["impostor-signed.pdf"] = sign_pdf(unsigned_twin, signer("impostor"), trust=None)
    files["incremental-page-change.pdf"] = incremental_page_change(files["good.pdf"])

    def retext(doc) -> None:  # noqa: ANN001 (the signed file rewritten with other page text, not re-signed)
        page = doc.pages[1]
        page.Contents = pikepdf.Stream(doc, page.Contents.read_bytes().replace(b"(100.06)", b"(100.07)"))

    files["resaved-page-text.pdf"] = edited(files["good.pdf"], retext)

    # ---- finding 2: decompression bombs (refused before anything is inflated beyond the caps)
    gib = zeros_deflated(GiB)

    def embedded(raw: bytes, filters: int = 1, size: int | None = None):  # noqa: ANN202
        def edit(doc) -> None:  # noqa: ANN001
            spec = doc.Root.AF[0]
            stream = flate_stream(doc, raw, filters)
            stream.Type = Name.EmbeddedFile
            stream.Subtype = Name("/text/xml")
            if size is not None:
                stream.Params = pikepdf.Dictionary(Size=size)
            spec.EF.F = spec.EF.UF = doc.make_indirect(stream)
        return edit

    files["bomb-embedded-1gib.pdf"] = edited(unsigned_twin, embedded(gib), raw=True)
    stacked = zlib.compress(zeros_deflated(4 * GiB), 9)  # 4 GiB behind two layers of Flate: a few KB
    files["bomb-embedded-stacked.pdf"] = edited(unsigned_twin, embedded(stacked, filters=2), raw=True)
    files["bomb-declared-size.pdf"] = edited(unsigned_twin, embedded(zlib.compress(signed), size=4 * GiB), raw=True)

    def content(doc) -> None:  # noqa: ANN001
        doc.pages[0].Contents = flate_stream(doc, gib)

    files["bomb-content-1gib.pdf"] = edited(unsigned_twin, content, raw=True)
    files["bomb-import-256mib.pdf"] = edited(unsigned_twin, embedded(zeros_deflated(256 * MiB)), raw=True)
    files["bomb-object-stream.pdf"] = object_stream_bomb(unsigned_twin)

    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data) / 1024:.0f} KiB")


def incremental_page_change(pdf: bytes) -> bytes:
    """An incremental update after the signature that gives page 2 other text (what an attacker without the key
    can do; the signed revision stays intact)."""
    import pikepdf
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        text = doc.pages[1].Contents.read_bytes().replace(b"(100.06)", b"(100.07)")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page_ref = writer.root["/Pages"].raw_get("/Kids").raw_get(1)
    page = page_ref.get_object()
    page["/Contents"] = writer.add_object(generic.StreamObject(stream_data=text))
    writer.mark_update(page_ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def object_stream_bomb(pdf: bytes) -> bytes:
    """An incremental update whose cross-reference stream moves the document catalog into an object stream that
    inflates to 1 GiB (the catalog, then 1 GiB of spaces): qpdf and pyHanko inflate it as soon as they resolve
    the catalog, before anything of the twin is read."""
    import re

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        root_number = doc.Root.objgen[0]
        catalog = doc.Root.unparse(resolved=True)
        size = int(doc.trailer.Size)
    previous = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    header = f"{root_number} 0 ".encode()
    packer = zlib.compressobj(9)
    body = header + catalog + b"\n"
    data = packer.compress(body) + b"".join(packer.compress(b" " * (64 * MiB)) for _ in range(16)) + packer.flush()
    stream_number, xref_number = size, size + 1
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    stream_offset = len(out)
    out += (f"{stream_number} 0 obj\n<< /Type /ObjStm /N 1 /First {len(header)} /Filter /FlateDecode /Length "
            f"{len(data)} >>\nstream\n").encode() + data + b"\nendstream\nendobj\n"
    xref_offset = len(out)
    rows = [(1, stream_offset, 0), (1, xref_offset, 0)]
    table = b"".join(bytes([kind]) + offset.to_bytes(4, "big") + index.to_bytes(2, "big")
                     for kind, offset, index in rows)
    table = bytes([2]) + stream_number.to_bytes(4, "big") + (0).to_bytes(2, "big") + table
    out += (f"{xref_number} 0 obj\n<< /Type /XRef /Size {xref_number + 1} /W [1 4 2] /Index [{root_number} 1 "
            f"{stream_number} 2] /Root {root_number} 0 R /Prev {previous} /Length {len(table)} >>\nstream\n"
            ).encode() + table + b"\nendstream\nendobj\n"
    out += f"startxref\n{xref_offset}\n%%EOF\n".encode()
    return bytes(out)


if __name__ == "__main__":
    main()
