"""Writes the crafted input files of this folder, deterministically:
``python tests/data/attacks/inputs/make_attacks.py``.

Each file is small (< 2 MB) and named after what it attacks; expected.json says which command it goes to, the exit
code and a substring of the specific message. The 11 MB text node (finding 4) and the sweep's 200 MB sparse file
are made by the tests themselves in a temporary folder (too large to commit).
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
THERMOMETER = ROOT / "examples" / "thermometer-pt100-ru-en.json"
BATCH_GOOD = ROOT / "tests" / "data" / "verification" / "batch-good.csv"
PROTOCOL = "urn://fgis-arshin.gost.ru/module-verifications/protocol/2020-06-19"
FIXED_TIME = (2026, 11, 20, 0, 0, 0)  # zip members carry a date: a fixed one keeps the files byte-identical


def reply(corr_id: str, global_id: str = "402123271") -> bytes:
    return (f'<protocol xmlns="{PROTOCOL}"><startProcessing>2026-11-21+03:00</startProcessing><appProcessed>'
            f'<record corrId="{corr_id}"><success><globalID>{global_id}</globalID>'
            f"<certNum>С-ДГХ/20-11-2026/{global_id}</certNum></success></record></appProcessed></protocol>"
            ).encode()


def document_text() -> str:
    return THERMOMETER.read_text(encoding="utf-8")


def zip_bytes(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = compression
            z.writestr(info, data, compresslevel=9)
    return out.getvalue()


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook(active_tab: int = 0, sheets: bool = True) -> bytes:
    sheet = ('<sheets><sheet name="batch" sheetId="1" r:id="rId1"/></sheets>' if sheets else "<sheets/>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.'
            f'org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="{active_tab}"/></bookViews>'
            f"{sheet}</workbook>").encode()


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def sheet(rows: list[list[tuple[str, str, str]]], *, filler: bytes = b"") -> bytes:
    """A worksheet of (type, style, value) cells: type "str" (inline text), "n" (number), "e" (error), "f" (formula
    without a cached value); style "1" formats a number as a date."""
    out = [f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()]
    for r, cells in enumerate(rows, start=1):
        out.append(f'<row r="{r}">'.encode())
        for c, (kind, style, value) in enumerate(cells):
            ref = f"{_column(c)}{r}"
            s = f' s="{style}"' if style else ""
            if kind == "str":
                escaped = value.replace("&", "&amp;").replace("<", "&lt;")
                out.append(f'<c r="{ref}" t="inlineStr"{s}><is><t>{escaped}</t></is></c>'.encode())
            elif kind == "e":
                out.append(f'<c r="{ref}" t="e"><v>{value}</v></c>'.encode())
            elif kind == "f":
                out.append(f'<c r="{ref}"><f>{value}</f></c>'.encode())
            else:
                out.append(f'<c r="{ref}"{s}><v>{value}</v></c>'.encode())
        out.append(b"</row>")
    out.append(filler)
    out.append(b"</sheetData></worksheet>")
    return b"".join(out)


def _template() -> dict[str, bytes]:
    """The members of a workbook openpyxl writes (cell style 1 formats a number as a date), at a fixed time."""
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    book.properties.created = book.properties.modified = dt.datetime(2026, 11, 20)
    book.active["A1"] = "x"
    book.active["B1"] = dt.date(2026, 11, 20)
    book.active["B1"].number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    with zipfile.ZipFile(out) as z:
        members = {name: z.read(name) for name in z.namelist()}
    # openpyxl stamps the save time into the properties, whatever was set.
    members["docProps/core.xml"] = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                                          rb"<dcterms:\1\2>2026-11-20T00:00:00Z<", members["docProps/core.xml"])
    return members


def xlsx(sheet_xml: bytes, *, book: bytes | None = None) -> bytes:
    members = _template()
    members["xl/worksheets/sheet1.xml"] = sheet_xml
    if book is not None:
        members["xl/workbook.xml"] = book
    return zip_bytes(members)


def zip_bomb(megabytes: int = 512) -> bytes:
    """A workbook whose sheet is 512 MB of blanks, deflated to about half a megabyte (written in chunks)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in _template().items():
            if name == "xl/worksheets/sheet1.xml":
                continue
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
        head, tail = sheet(batch_rows()).split(b"</sheetData>")
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as member:
            member.write(head)
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                member.write(chunk)
            member.write(b"</sheetData>" + tail)
    return out.getvalue()


def batch_rows(change: dict[str, tuple[str, str, str]] | None = None) -> list[list[tuple[str, str, str]]]:
    import csv

    lines = list(csv.reader(io.StringIO(BATCH_GOOD.read_text(encoding="utf-8"))))
    header, first = lines[0], lines[1]
    row = [("str", "", v) for v in first]
    for name, cell in (change or {}).items():
        row[header.index(name)] = cell
    return [[("str", "", h) for h in header], row]


def files() -> dict[str, bytes]:
    doc = document_text()
    certificate = json.loads(doc)
    out: dict[str, bytes] = {}

    # Finding 1: Arshin replies with record numbers str.isdigit() takes for digits, or too many digits for int().
    out["reply-corrid-superscript-two.xml"] = reply("²")
    out["reply-corrid-superscripts.xml"] = reply("¹²³")
    out["reply-corrid-5000-digits.xml"] = reply("1" * 5000)
    out["reply-corrid-arabic-indic.xml"] = reply("١")
    out["reply-globalid-superscript.xml"] = reply("1", global_id="4021²")

    # Finding 2: the type register snapshot (CSV, JSON, eapi JSON).
    deep = "[" * 100_000 + "]" * 100_000
    out["types-deep-nesting.json"] = deep.encode()
    out["types-huge-integer.json"] = ('[{"reg_number": "16078-13", "name": "Счетчики воды", "interval": '
                                      + "1" * 5000 + "}]").encode()
    out["types-nul.json"] = b'[{"reg_number": "16078-13", "name": "\\u0000 water meters"}]'
    out["types-lone-surrogate.json"] = b'[{"reg_number": "16078-13", "name": "water \\ud800 meters"}]'
    out["types-wrong-type.json"] = b'[{"reg_number": "16078-13", "name": ["water", "meters"]}]'
    out["types-duplicate-keys.json"] = b'[{"reg_number": "1-11", "reg_number": "16078-13", "name": "water meters"}]'
    out["types-eapi-wrong-type.json"] = (b'[{"general": {"number": "16078-13", "title": "water meters", '
                                         b'"notation": "VSKM"}, "mpi": [{"mpi": ["6 years"]}]}]')
    out["types-eapi-deep.json"] = ('[{"general": ' + "{\"a\": " * 5000 + "1" + "}" * 5000 + "}]").encode()
    out["types-empty-list.json"] = b"[]"
    out["types-header-only.csv"] = b"reg_number,name\n"
    out["types-not-objects.json"] = b'{"items": [1, ["16078-13"]]}'
    out["types-nul.csv"] = b"reg_number,name\n16078-13,water\x00meters\n"
    out["types-interval-superscript.csv"] = "reg_number,name,interval\n16078-13,water meters,²\n".encode()
    out["types-interval-5000-digits.csv"] = ("reg_number,name,interval\n16078-13,water meters,"
                                             + "1" * 5000 + " лет\n").encode()

    # Finding 2: the certificate document of `dcc build`.
    out["doc-deep-nesting.json"] = ('{"format": "coomet-lab-certificate", "formatVersion": 1, "certificate": '
                                    + deep + "}").encode()
    out["doc-nul.json"] = doc.replace('"uniqueIdentifier": "', '"uniqueIdentifier": "\\u0000', 1).encode()
    out["doc-lone-surrogate.json"] = doc.replace('"uniqueIdentifier": "', '"uniqueIdentifier": "\\ud800', 1).encode()
    out["doc-control-character.json"] = doc.replace('"uniqueIdentifier": "', '"uniqueIdentifier": "\\u001b', 1).encode()
    out["doc-lone-surrogate-key.json"] = doc.replace('"coreData": {', '"coreData": {"\\udfff": "x", ', 1).encode()
    out["doc-huge-number.json"] = doc.replace('"formatVersion": 1', '"formatVersion": 1' + "0" * 5000, 1).encode()
    out["doc-wrong-type.json"] = doc.replace('"countryCodeISO3166_1": "RU"', '"countryCodeISO3166_1": ["RU"]',
                                             1).encode()
    out["doc-duplicate-keys.json"] = doc.replace('"countryCodeISO3166_1": "RU"',
                                                 '"countryCodeISO3166_1": "DE", "countryCodeISO3166_1": "RU"',
                                                 1).encode()
    out["doc-not-an-object.json"] = b'"coomet-lab-certificate"'
    assert certificate["format"] == "coomet-lab-certificate"

    # The sweep of int() over outside text: a DCC whose date has a 5,000-digit year (dcc/rules.py compared int()s).
    shared = Path(os.environ.get("COOMET_LAB_SHARED", ROOT.parent / "shared"))  # as tests/conftest.py finds it
    xml = (shared / "examples" / "dcc" / "01_ptb-dcclib_valid_v3.3.0.xml").read_text(encoding="utf-8")
    out["dcc-year-5000-digits.xml"] = xml.replace("<dcc:beginPerformanceDate>1957-08-13<",
                                                  "<dcc:beginPerformanceDate>" + "1" * 5000 + "-08-13<", 1).encode()

    # Finding 3: XLSX batches to `verification import-csv`.
    header, first = BATCH_GOOD.read_text(encoding="utf-8").splitlines()[:2]
    out["batch-nul.csv"] = (header + "\n" + first.replace("Физическое лицо", "Физическое\x00лицо") + "\n").encode()
    out["batch-not-a-zip.xlsx"] = b"mitype_number,owner\n16078-13,x\n"
    out["batch-zip-not-xlsx.xlsx"] = zip_bytes({"readme.txt": b"not a workbook"})
    out["batch-no-sheet.xlsx"] = xlsx(sheet(batch_rows()), book=workbook(sheets=False))
    out["batch-active-sheet-missing.xlsx"] = xlsx(sheet(batch_rows()), book=workbook(active_tab=7))
    out["batch-zip-bomb.xlsx"] = zip_bomb()
    out["batch-error-cell.xlsx"] = xlsx(sheet(batch_rows({"owner": ("e", "", "#N/A")})))
    out["batch-formula-without-value.xlsx"] = xlsx(sheet(batch_rows({"owner": ("f", "", "CONCAT(\"a\",\"b\")")})))
    out["batch-date-as-number.xlsx"] = xlsx(sheet(batch_rows({"vrf_date": ("n", "", "46346")})))
    out["batch-date-out-of-range.xlsx"] = xlsx(sheet(batch_rows({"vrf_date": ("n", "1", "99999999")})))
    far_row = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    out["batch-far-row.xlsx"] = xlsx(sheet(batch_rows(), filler=far_row))
    return out


def main() -> None:
    for name, data in files().items():
        (HERE / name).write_bytes(data)
        assert len(data) < 2 * 1024 * 1024, name
    print(f"{len(files())} files written to {HERE}")


if __name__ == "__main__":
    main()
