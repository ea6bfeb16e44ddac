"""Crafted input never reaches the command line's "unexpected error" catch-all: Arshin replies, type register
snapshots, certificate documents, XLSX batches, an 11 MB text node, and every command given an empty file, a folder,
a missing file, a binary file, a 200 MB file, UTF-16 XML or a path with NUL. Each gets a specific message, exit 1 or
2, at once, and changes nothing in the repository.

The attack files are in ``tests/data/attacks/inputs`` (written by ``make_attacks.py`` there, deterministically);
``expected.json`` maps each to its command, exit code and a substring of its message.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from tests.conftest import ARSHIN, EXAMPLES, SCHEMAS
from tests.helpers import EX01, run_cli
from tests.pki import PASSPHRASE

ATTACKS = Path(__file__).resolve().parent.parent / "data" / "attacks" / "inputs"
EXPECTED: dict[str, dict] = json.loads((ATTACKS / "expected.json").read_text(encoding="utf-8"))
VERIFICATION = Path(__file__).resolve().parent.parent / "data" / "verification"
UPLOADED = "arshin-00001-part-001.xml"
SAFETY_NET_SECONDS = 10  # a generous bound against hangs only; the measured times are in the report


# ------------------------------------------------------------------------------------------------ set-up


@pytest.fixture(scope="module")
def lab_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose repository has types, three recorded verifications exported to one file and uploaded: what
    `outbox confirm` needs to read a reply. Built once, copied into each test's own home."""
    home = tmp_path_factory.mktemp("crafted-lab")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("COOMET_LAB_HOME", str(home))
        env.setenv("COOMET_LAB_SCHEMAS", str(SCHEMAS))
        env.setenv("COOMET_LAB_ARSHIN_SCHEMAS", str(ARSHIN))
        env.setenv("COOMET_LAB_USER", "Иванов И.И.")
        for argv in (("verification", "types", "import", VERIFICATION / "types.csv"),
                     ("verification", "import-csv", VERIFICATION / "batch-good.csv"),
                     ("export", "arshin", "-o", home / "out"),
                     ("outbox", "submit", "1")):
            code, out, err = run_cli(*argv)
            assert code == 0, (argv, out, err)
    return home


@pytest.fixture
def lab(lab_template: Path, app_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(lab_template / "repository", app_home / "repository")
    monkeypatch.setenv("COOMET_LAB_USER", "Иванов И.И.")
    monkeypatch.setenv("KEY_PASSPHRASE", PASSPHRASE)
    return app_home


def repository_state(home: Path) -> tuple:
    """Everything a refused input must leave as it was: every row, the stored files, the audit head."""
    root = home / "repository"
    conn = sqlite3.connect(f"file:{root / 'repository.sqlite'}?mode=ro", uri=True)
    try:
        rows = tuple(conn.iterdump())
    finally:
        conn.close()
    files = tuple(sorted(str(p.relative_to(root)) for p in (root / "files").rglob("*")))
    return rows, files, (root / "audit-head.json").read_bytes()


def run_refused(home: Path, *argv: object) -> tuple[int, str, float]:
    """Run the command in-process; assert it was no crash and changed nothing; return (exit, output, seconds)."""
    before = repository_state(home)
    start = time.perf_counter()
    code, out, err = run_cli(*argv)
    seconds = time.perf_counter() - start
    assert "unexpected error" not in err, err
    assert "Traceback" not in err, err
    assert repository_state(home) == before, "a refused input changed the repository"
    assert seconds < SAFETY_NET_SECONDS, f"{argv} took {seconds:.1f} s"
    return code, out + err, seconds


# -------------------------------------------------------------------- findings 1-3: the attack files


def test_the_attack_files_are_what_make_attacks_writes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_attacks", ATTACKS / "make_attacks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.files()
    assert sorted(written) == sorted(EXPECTED), "expected.json and make_attacks.py name different files"
    for name, data in written.items():
        assert (ATTACKS / name).read_bytes() == data, f"{name} differs from what make_attacks.py writes"
        assert len(data) < 2 * 1024 * 1024


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_attack_file_gets_its_specific_message(name: str, lab: Path, tmp_path: Path):
    entry = EXPECTED[name]
    output = tmp_path / "built.xml"
    extra = ["-o", output] if entry["command"] == "dcc build" else []
    code, text, _ = run_refused(lab, *entry["command"].split(), ATTACKS / name, *extra)
    assert code == entry["exit"], text
    assert entry["message"] in text, text
    assert not output.exists(), "nothing is written for a refused document"


def test_a_reply_with_a_superscript_position_leaves_the_records_waiting(lab: Path):
    """Finding 1 as the user sees it afterwards: nothing was confirmed, the file still waits for its reply."""
    run_refused(lab, "outbox", "confirm", ATTACKS / "reply-corrid-superscripts.xml")
    code, out, _ = run_cli("outbox", "list", "--json")
    listing = json.loads(out)
    assert code == 0 and listing["records"] == {"submitted": 3} and listing["jobs"][0]["status"] == "submitted"


@pytest.mark.parametrize("argv, message", [
    (["export", "package", "-o", "{tmp}", "--ids", "3,²", "--key", "{tmp}/none.p12"],
     "--ids: '²' is not a certificate id"),
    (["verification", "show", "99999999999999999999"], "argument id: '99999999999999999999' is not a number"),
    (["verification", "withdraw", "12345678901234567890", "--reason", "x"],
     "argument id: '12345678901234567890' is not"),
    (["outbox", "write", "99999999999999999999"], "argument job: '99999999999999999999' is not a number"),
    (["outbox", "submit", "99999999999999999999"], "argument job: '99999999999999999999' is not a number"),
    (["repo", "log", "--since", "99999999999999999999"], "argument --since: '99999999999999999999' is not a number"),
    (["verification", "list", "--limit", "١٠"], "argument --limit: '١٠' is not a number"),
])
def test_numbers_on_the_command_line_are_ascii_digits_that_fit(argv: list[str], message: str, lab: Path,
                                                               tmp_path: Path):
    """int() took "²" (in --ids) and "١٠"; 20 digits reached SQLite as an OverflowError."""
    code, text, _ = run_refused(lab, *[a.replace("{tmp}", str(tmp_path)) for a in argv])
    assert code == 2 and message in text, text


def test_a_manufacture_year_in_superscripts_is_refused_by_line_and_field(lab: Path, tmp_path: Path):
    """checks.py compared int(year) after str.isdigit(): "²⁰¹⁹" passed isdigit and int() raised."""
    rows = (VERIFICATION / "batch-good.csv").read_text(encoding="utf-8").splitlines()
    batch = tmp_path / "batch.csv"
    batch.write_text(rows[0] + "\n" + rows[1].replace(",2019,", ",²⁰¹⁹,") + "\n", encoding="utf-8")
    code, text, _ = run_refused(lab, "verification", "import-csv", batch)
    assert code == 1 and "line 2, manufacture_year: '²⁰¹⁹' is not a year" in text, text


# ----------------------------------------------------------------- finding 4: an 11 MB text node


def _with(text: str, tag: str, value: str) -> str:
    match = re.search(rf"(<{tag}>)([^<]*)(</{tag}>)", text)
    assert match, tag
    return text[:match.start(2)] + value + text[match.end(2):]


def test_an_11_mb_value_opened_as_large_is_named_not_an_internal_error(lab: Path, tmp_path: Path, test_pki):
    """libxml2's schema validation stops with "Internal error in XML Schema validation" on one value over about
    10 million characters that has a pattern facet: it is reported by line and element."""
    source = EX01.read_text(encoding="utf-8")
    for tag, name in (("dcc:uniqueIdentifier", "id"), ("si:value", "value")):
        path = tmp_path / f"{name}.xml"
        path.write_text(_with(source, tag, "1" * (11 * 1024 * 1024)), encoding="utf-8")
        output = tmp_path / "out.pdf"
        for argv in (("dcc", "validate", "--large", path), ("dcc", "upgrade", "--large", path, "-o", output),
                     ("pdf", "--large", path, "-o", output),
                     ("sign", "--large", path, "-o", output, "--key", test_pki.signers["ec"],
                      "--passphrase-env", "KEY_PASSPHRASE")):
            code, text, _ = run_refused(lab, *argv)
            assert code == 2, (argv, text)
            assert f"{tag} holds one value of 11,534,336 characters" in text, (argv, text)
            assert re.search(r"line \d+: ", text) and not output.exists()


def test_a_legitimate_large_file_with_an_11_mb_embedded_file_still_validates(lab: Path, tmp_path: Path):
    """The limit is libxml2's on pattern-checked values only: an 8 MB embedded file (11 MB of base64) is fine."""
    encoded = base64.b64encode(bytes(range(256)) * (8_400_000 // 256)).decode()
    path = tmp_path / "large.xml"
    path.write_text(EX01.read_text(encoding="utf-8").replace("VGVzdAo=", encoded, 1), encoding="utf-8")
    code, out, err = run_cli("dcc", "validate", "--large", path)
    assert code == 0 and "valid (DCC 3.3.0)" in out, out + err
    code, out, err = run_cli("dcc", "validate", path)
    assert code == 2 and "larger than 10 MB" in out + err and "--large" in out + err


# ----------------------------------------------------------------- finding 5: the command sweep

OUT = "{out}"
FILE = "{file}"
SIGNED = EXAMPLES / "02_ptb-dcclib_valid_signature_v3.3.0.xml"
KEY = "{key}"
# Every command that reads a file the user names, with that file in the place FILE, and the extension it expects.
SWEEP = {
    "schemas install": (["schemas", "install", FILE], ""),
    "schemas install-arshin": (["schemas", "install-arshin", FILE], ".xsd"),
    "dcc validate": (["dcc", "validate", FILE], ".xml"),
    "dcc validate --large": (["dcc", "validate", "--large", FILE], ".xml"),
    "dcc upgrade": (["dcc", "upgrade", FILE, "-o", OUT], ".xml"),
    "dcc build": (["dcc", "build", FILE, "-o", OUT], ".json"),
    "keys import": (["keys", "import", FILE, "--out", OUT, "--passphrase-env", "KEY_PASSPHRASE"], ".p12"),
    "keys show": (["keys", "show", FILE, "--passphrase-env", "KEY_PASSPHRASE"], ".p12"),
    "trust add": (["trust", "add", FILE], ".pem"),
    "trust add-crl": (["trust", "add-crl", FILE], ".crl"),
    "sign": (["sign", FILE, "-o", OUT, "--key", KEY, "--passphrase-env", "KEY_PASSPHRASE"], ".xml"),
    "sign --key": (["sign", EX01, "-o", OUT, "--key", FILE, "--passphrase-env", "KEY_PASSPHRASE"], ".p12"),
    "sign --trust": (["sign", EX01, "-o", OUT, "--key", KEY, "--passphrase-env", "KEY_PASSPHRASE", "--trust", FILE],
                     ".pem"),
    "verify": (["verify", FILE], ".xml"),
    "verify a PDF": (["verify", FILE], ".pdf"),
    "verify --trust": (["verify", SIGNED, "--trust", FILE], ".pem"),
    "pdf": (["pdf", FILE, "-o", OUT], ".xml"),
    "repo import": (["repo", "import", FILE], ".xml"),
    "repo import a PDF": (["repo", "import", FILE], ".pdf"),
    "repo restore": (["repo", "restore", FILE], ".zip"),
    "verification import-csv": (["verification", "import-csv", FILE], ".csv"),
    "verification import-csv XLSX": (["verification", "import-csv", FILE], ".xlsx"),
    "verification types import": (["verification", "types", "import", FILE], ".csv"),
    "verification types import JSON": (["verification", "types", "import", FILE], ".json"),
    "outbox confirm": (["outbox", "confirm", FILE], ".xml"),
}
VARIANTS = ["empty", "folder", "missing", "binary", "unreadable", "200 MB", "UTF-16 XML", "NUL in the path"]


@pytest.fixture(scope="module")
def sweep_files(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """Each variant once per extension (the 200 MB file is sparse: it takes no disk space)."""
    folder = tmp_path_factory.mktemp("sweep")
    made: dict[tuple[str, str], str] = {}
    for ext in {ext for _argv, ext in SWEEP.values()}:
        sub = folder / (ext.strip(".") or "none")
        sub.mkdir()
        (sub / f"empty{ext}").write_bytes(b"")
        (sub / f"folder{ext}").mkdir()
        (sub / f"binary{ext}").write_bytes(bytes(range(256)) * 64)
        (sub / f"unreadable{ext}").write_bytes(b"<a/>")
        (sub / f"unreadable{ext}").chmod(0)
        with (sub / f"200 MB{ext}").open("wb") as sparse:
            sparse.truncate(200 * 1024 * 1024)
        (sub / f"utf16{ext}").write_bytes('<?xml version="1.0" encoding="UTF-16"?><a>x</a>'.encode("utf-16"))
        names = {"empty": "empty", "folder": "folder", "missing": "missing", "binary": "binary",
                 "unreadable": "unreadable", "200 MB": "200 MB", "UTF-16 XML": "utf16", "NUL in the path": "a\0b"}
        for variant, stem in names.items():
            made[(ext, variant)] = str(sub / f"{stem}{ext}")
    return made


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("command", sorted(SWEEP))
def test_every_command_refuses_an_unusable_file_by_name(command: str, variant: str, sweep_files, lab: Path,
                                                        tmp_path: Path, test_pki):
    if variant == "unreadable" and os.geteuid() == 0:
        pytest.skip("root reads a file without read permission")
    argv, ext = SWEEP[command]
    path = sweep_files[(ext, variant)]
    output = tmp_path / f"out{ext or '.xml'}"
    args = [path if a == FILE else output if a == OUT else test_pki.signers["ec"] if a == KEY else a for a in argv]
    code, text, _ = run_refused(lab, *args)
    assert code == 2, text
    named = "NUL character" if variant == "NUL in the path" else Path(path).name
    assert named in text, f"the message does not name the file: {text}"
    assert not output.exists()


@pytest.mark.parametrize("text", ["m^" + "1" * 5000, "m" + "²" * 5000])
def test_a_unit_with_a_5000_digit_exponent_is_a_unit_error(text: str):
    """units._COMPONENT read the exponent with \\d+ and int(): 5,000 digits raised a bare ValueError (a table cell in
    the editor, a unit in a built document)."""
    from coomet_lab.kernel.errors import UnitError
    from coomet_lab.quantities.units import parse_unit

    with pytest.raises(UnitError, match="is not a unit this application understands"):
        parse_unit(text)
