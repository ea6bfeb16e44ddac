"""FGIS Arshin import files and reply protocols: what a lab uploads must be accepted, what it gets back must be read.

Files are checked with an independent copy of the reconstructed schema (lxml straight from ../shared), not only
through the app's own lookup.
"""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from coomet_lab.jurisdictions.ru import Means, OtherInstrument, Protocol, ReferenceMaterial
from coomet_lab.kernel.errors import UnusableInputError
from coomet_lab.registers import arshin
from coomet_lab.registers.arshin import (
    ArshinExportError,
    ArshinReplyError,
    ReplyEntry,
    check_cert_num,
    read_application,
    read_reply,
    render_files,
)

from tests.conftest import ARSHIN
from tests.core.test_verification_records import fit_record

NS = "urn://fgis-arshin.gost.ru/module-verifications/import/2020-06-19"
XSD = etree.XMLSchema(etree.parse(str(ARSHIN / "arshin-import-2020-06-19.RECONSTRUCTED.xsd")))


def unfit_record(**changes):
    return fit_record(applicable=False, valid_date="", reasons="Погрешность превышает допускаемую (п. 7.3 МП)",
                      manufacture_num="0 8109565 09", **changes)


def many(count: int, **changes):
    return [(n, fit_record(manufacture_num=f"SN{n:06d}", **changes)) for n in range(1, count + 1)]


def schema():
    return arshin.arshin_schema(arshin.get_profile(arshin.DEFAULT_PROFILE))


def local_names(element) -> list[str]:
    return [etree.QName(child).localname for child in element]


# ------------------------------------------------------------------------------------------------ writing

def test_a_fit_and_an_unfit_record_make_one_file_the_schema_accepts():
    files = render_files([(1, fit_record()), (2, unfit_record())], schema=schema())
    assert len(files) == 1 and files[0].keys == [1, 2]
    data = files[0].data
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = etree.fromstring(data)
    XSD.assertValid(root)
    assert root.tag == f"{{{NS}}}application"
    fit, unfit = root
    assert local_names(fit) == ["miInfo", "signCipher", "miOwner", "vrfDate", "validDate", "type", "calibration",
                                "applicable", "docTitle", "metrologist", "means", "conditions"]
    assert "validDate" not in local_names(unfit) and "inapplicable" in local_names(unfit)
    assert fit.findtext(f"{{{NS}}}conditions/{{{NS}}}hymidity") == "45 %"
    assert fit.findtext(f"{{{NS}}}conditions/{{{NS}}}temperature") == "21,5 °C"  # exactly as typed


def test_every_kind_of_means_and_a_protocol_are_written_and_read_back_unchanged():
    record = unfit_record(
        means=Means(etalons=["72850.18.3Р.00703091"], unit_standards=["3.1.ZZZ.0002.2015"],
                    reference_materials=[ReferenceMaterial("ГСО 7560-99", "2024", "12/24")],
                    instruments=[OtherInstrument("22129-09", manufacture_num="1234")], reagents=["R-1"],
                    method="3"),
        structure="Блок измерительный, датчик", brief_characteristics="Поверен только канал 1 (0…100 °C)",
        additional_info="строка 1\nстрока 2",
        protocol=Protocol("protocol-0001.pdf", "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"))
    files = render_files([(7, record)], schema=schema())
    XSD.assertValid(etree.fromstring(files[0].data))
    profile, records = read_application(files[0].data)
    assert profile.name == "2020-06-19"
    assert records == [record]


def test_owners_with_markup_characters_are_escaped_not_broken():
    record = fit_record(owner='ООО «Ромашка» & сыновья <филиал> "Юг"')
    data = render_files([(1, record)], schema=schema())[0].data
    assert b"&amp; \xd1\x81\xd1\x8b\xd0\xbd" in data  # "& сын…" escaped
    assert read_application(data)[1][0].owner == record.owner


def test_the_same_records_give_the_same_bytes():
    first = render_files(many(20), schema=schema())
    second = render_files(many(20), schema=schema())
    assert [f.data for f in first] == [f.data for f in second]
    assert [f.sha256 for f in first] == [f.sha256 for f in second]


def test_files_are_split_at_the_record_limit_keeping_the_order():
    profile = dataclasses.replace(arshin.PROFILES["2020-06-19"], max_records=3)
    files = render_files(many(7), profile=profile, schema=schema())
    assert [f.keys for f in files] == [[1, 2, 3], [4, 5, 6], [7]]
    for file in files:
        XSD.assertValid(etree.fromstring(file.data))


def test_the_real_limit_is_five_thousand_records_per_file():
    # Records of about 1 KB reach 5 MB first; lift the size limit to see the count limit alone.
    profile = dataclasses.replace(arshin.PROFILES["2020-06-19"], max_bytes=50_000_000)
    assert arshin.PROFILES["2020-06-19"].max_records == 5000
    files = render_files(many(5001), profile=profile, schema=None)
    assert [f.record_count for f in files] == [5000, 1]


def test_files_are_split_at_the_size_limit_measured_on_the_exact_bytes():
    one = len(render_files(many(1))[0].data)
    profile = dataclasses.replace(arshin.PROFILES["2020-06-19"], max_bytes=one * 3)
    files = render_files(many(10), profile=profile, schema=schema())
    assert len(files) > 3
    assert all(len(f.data) <= one * 3 for f in files)
    assert [k for f in files for k in f.keys] == list(range(1, 11))


def test_a_protocol_too_large_for_any_file_is_refused_by_name():
    huge = fit_record(protocol=Protocol("scan.pdf", "application/pdf", b"x" * 4_000_000))
    with pytest.raises(ArshinExportError) as caught:
        render_files([(41, huge)])
    assert [(key, p.field) for key, p in caught.value.problems] == [(41, "protocol")]
    assert "MB" in str(caught.value)


@pytest.mark.parametrize("changes, field", [
    ({"sign_cipher": "DGH"}, "sign_cipher"),
    ({"mitype_number": "16078/13"}, "mitype_number"),
    ({"valid_date": "2026-11-01"}, "valid_date"),
    ({"doc_title": "М" * 129}, "doc_title"),
    ({"reasons": "не пригоден"}, "reasons"),
    ({"applicable": False, "valid_date": ""}, "reasons"),
])
def test_a_bad_record_stops_the_whole_export_naming_record_and_field(changes, field):
    items = [(1, fit_record()), (2, fit_record(manufacture_num="2", **changes)), (3, fit_record(manufacture_num="3"))]
    with pytest.raises(ArshinExportError) as caught:
        render_files(items, schema=schema())
    assert (2, field) in {(key, p.field) for key, p in caught.value.problems}
    assert {key for key, _ in caught.value.problems} == {2}


def test_the_same_verification_twice_in_one_export_is_refused():
    with pytest.raises(ArshinExportError) as caught:
        render_files([(1, fit_record()), (2, fit_record())])
    assert [key for key, _ in caught.value.problems] == [2]


def test_what_the_schema_rejects_is_reported_per_record(monkeypatch):
    # The app's own rules catch everything the reconstruction knows; to prove the schema is still applied, let a
    # record through them that the schema refuses (type 3 does not exist).
    monkeypatch.setattr(arshin, "check_for_export", lambda items: [])
    with pytest.raises(ArshinExportError) as caught:
        render_files([(1, fit_record()), (2, fit_record(manufacture_num="2", verification_type=3))], schema=schema())
    assert {key for key, _ in caught.value.problems} == {2}
    assert "type" in str(caught.value.problems[0][1])


def test_a_record_the_schema_rejects_in_a_later_file_stops_the_export_too(monkeypatch):
    # Files are validated on a second thread while the next is built: a failure there must still stop everything.
    monkeypatch.setattr(arshin, "check_for_export", lambda items: [])
    profile = dataclasses.replace(arshin.PROFILES["2020-06-19"], max_records=2)
    items = [(key, fit_record(manufacture_num=str(key), verification_type=3 if key == 4 else 2)) for key in range(1, 7)]
    with pytest.raises(ArshinExportError) as caught:
        render_files(items, profile=profile, schema=schema())
    assert {key for key, _ in caught.value.problems} == {4}


def test_the_format_version_is_chosen_by_name_and_an_unknown_one_is_refused():
    assert arshin.get_profile("2020-06-19").namespace == NS
    with pytest.raises(ArshinExportError, match="unknown Arshin format"):
        render_files(many(1), profile="2027-01-01")


def test_without_an_installed_schema_the_apps_own_rules_still_apply(monkeypatch):
    monkeypatch.delenv("COOMET_LAB_ARSHIN_SCHEMAS")
    assert schema() is None
    with pytest.raises(ArshinExportError):
        render_files([(1, fit_record(sign_cipher="ABC"))], schema=None)


def test_an_installed_schema_is_found_in_the_apps_home(monkeypatch, app_home):
    monkeypatch.delenv("COOMET_LAB_ARSHIN_SCHEMAS")
    profile = arshin.get_profile(arshin.DEFAULT_PROFILE)
    target = arshin.install_schema(ARSHIN / "arshin-import-2020-06-19.RECONSTRUCTED.xsd", profile)
    assert target.is_relative_to(app_home)
    assert arshin.arshin_schema_path(profile) == target


def test_a_file_that_is_not_a_schema_is_not_installed(tmp_path, app_home):
    bad = tmp_path / "schema.xsd"
    bad.write_text("<root/>")
    with pytest.raises(UnusableInputError):
        arshin.install_schema(bad, arshin.get_profile(arshin.DEFAULT_PROFILE))
    assert not (app_home / "schemas" / "arshin").exists()


def test_the_shared_examples_read_back_and_render_valid_again():
    for example in sorted((ARSHIN / "examples").glob("*.xml")):
        _, records = read_application(example.read_bytes())
        assert records
        for n, record in enumerate(records):
            XSD.assertValid(etree.fromstring(render_files([(n, record)])[0].data))


def test_reading_an_application_refuses_other_xml_and_dtds():
    with pytest.raises(UnusableInputError, match="not an Arshin import file"):
        read_application(b"<application/>")
    with pytest.raises(UnusableInputError):
        read_application(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')


# ------------------------------------------------------------------------------------------------ the reply

PROTOCOL = "urn://fgis-arshin.gost.ru/module-verifications/protocol/2020-06-19"

NESTED = f"""<protocol xmlns="{PROTOCOL}">
  <startProcessing>2026-11-21+03:00</startProcessing><finishProcessing>2026-11-21+03:00</finishProcessing>
  <appProcessed>
    <record corrId="1"><success>
      <globalID>402123271</globalID><certNum>С-ДГХ/20-11-2026/402123271</certNum></success></record>
    <record corrId="2"><error><code>17</code><message>Неверный номер типа СИ</message></error></record>
  </appProcessed>
</protocol>""".encode()

FLAT = f"""<protocol xmlns="{PROTOCOL}">
  <appProcessed corrId="2"><success>
    <globalID>402123272</globalID><certNum>И-ДГХ/20-11-2026/402123272</certNum></success></appProcessed>
  <appProcessed corrId="1"><success>
    <globalID>402123271</globalID><certNum>С-ДГХ/20-11-2026/402123271</certNum></success></appProcessed>
</protocol>""".encode()


def test_a_reply_with_records_inside_one_appprocessed_is_read():
    reply = read_reply(NESTED)
    assert reply.started == "2026-11-21+03:00"
    assert reply.entries == [ReplyEntry(1, "402123271", "С-ДГХ/20-11-2026/402123271"),
                             ReplyEntry(2, error="17 Неверный номер типа СИ")]


def test_a_reply_with_one_appprocessed_per_record_is_read_by_corrid():
    entries = {e.corr_id: e for e in read_reply(FLAT).entries}
    assert entries[2].cert_num.startswith("И-") and entries[1].global_id == "402123271"


@pytest.mark.parametrize("data, words", [
    (b"<application/>", "not an Arshin reply"),
    (f'<protocol xmlns="{PROTOCOL}"/>'.encode(), "answers no record"),
    (f'<protocol xmlns="{PROTOCOL}"><appProcessed corrId="x"><success/></appProcessed></protocol>'.encode(),
     "not a position number"),
    (f'<protocol xmlns="{PROTOCOL}"><appProcessed corrId="1"><success><globalID>abc</globalID></success>'
     f'</appProcessed></protocol>'.encode(), "numeric globalID"),
    (f'<protocol xmlns="{PROTOCOL}"><appProcessed corrId="1"/><appProcessed corrId="1"/></protocol>'.encode(),
     "neither accepted nor refused"),
    (FLAT.replace(b'corrId="2"', b'corrId="1"'), "same record position twice"),
])
def test_a_reply_that_cannot_be_trusted_is_refused_with_the_reason(data, words):
    with pytest.raises(ArshinReplyError, match=words):
        read_reply(data)


def test_a_reply_with_a_dtd_is_refused():
    with pytest.raises(UnusableInputError, match="DTD"):
        read_reply(b'<!DOCTYPE protocol [<!ENTITY e SYSTEM "file:///etc/passwd">]><protocol>&e;</protocol>')


def test_arshins_numbers_are_checked_against_the_record():
    good = ReplyEntry(1, "402123271", "С-ДГХ/20-11-2026/402123271")
    assert check_cert_num(good, fit_record()) == []
    assert check_cert_num(ReplyEntry(1, "402123272", "И-ДГХ/20-11-2026/402123272"), unfit_record()) == []
    warnings = check_cert_num(ReplyEntry(1, "5", "И-ДВУ/21-11-2026/402123271"), fit_record())
    assert len(warnings) == 4  # kind, cipher, date, tail
    assert check_cert_num(ReplyEntry(1, "5", "402123271"), fit_record())


def test_the_command_line_installs_an_arshin_schema_and_lists_it(app_home):
    import os
    import subprocess
    import sys

    from tests.helpers import REPO

    env = {"COOMET_LAB_HOME": str(app_home), "PATH": "/usr/bin:/bin"}
    run = lambda *a: subprocess.run([sys.executable, "-m", "coomet_lab.cli.main", *map(str, a)],  # noqa: E731
                                    cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert "Arshin import 2020-06-19: not installed" in run("schemas", "list").stdout
    installed = run("schemas", "install-arshin", ARSHIN / "arshin-import-2020-06-19.RECONSTRUCTED.xsd")
    assert installed.returncode == 0, installed.stderr
    assert os.fspath(app_home) in installed.stdout
    assert "Arshin import 2020-06-19: installed" in run("schemas", "list").stdout
    assert run("schemas", "install-arshin", ARSHIN / "PROVENANCE.md").returncode != 0


def test_arshin_is_a_register_the_outbox_can_name_and_an_unknown_register_is_refused():
    from coomet_lab.kernel.errors import CoometLabError
    from coomet_lab.registers import register
    from coomet_lab.registers.base import Register, RegisterExportError

    arshin_register = register("arshin")
    assert isinstance(arshin_register, Register)
    assert arshin_register.default_profile in arshin_register.profiles()
    files = arshin_register.render(many(3), profile=arshin_register.default_profile, schema_check=False)
    assert [f.keys for f in files] == [[1, 2, 3]]
    with pytest.raises(RegisterExportError):  # the outbox catches the protocol's error, whatever the register
        arshin_register.render([(1, fit_record(sign_cipher="ABC"))], profile="2020-06-19", schema_check=False)
    with pytest.raises(CoometLabError, match="unknown register 'fsa'"):
        register("fsa")
