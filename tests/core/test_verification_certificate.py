"""The certificate of verification and the notice of unfitness: a DCC 3.3.0 that states the decision, its signed
PDF/A-3 twin in the layout of Order 2510, both stored like any certificate and linked to the verification record;
real keys from the test PKI, real PTB schemas, page text read back with poppler."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from lxml import etree

from coomet_lab.app.services import issue_verification
from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.dcc.validation.validate import validate_bytes
from coomet_lab.jurisdictions.ru import (
    PRIMARY,
    Conditions,
    InstrumentType,
    Means,
    OtherInstrument,
    ReferenceMaterial,
    VerificationRecord,
)
from coomet_lab.jurisdictions.ru.certificate import is_verification, verification_certificate
from coomet_lab.kernel.config import LabSettings, save_settings
from coomet_lab.kernel.errors import TraceabilityBlockedError, UnusableInputError
from coomet_lab.repository import Repository
from coomet_lab.repository.verifications import VerificationRecordError
from coomet_lab.trust import verify_xml
from coomet_lab.twin import embedded_dcc, verify_pdf

from tests.helpers import run_cli
from tests.pdfcheck import page_texts
from tests.pki import PASSPHRASE

DCC = "https://ptb.de/dcc"
NS = {"dcc": DCC}
ETALON = "72850.18.3Р.00703091"
FIT_NUMBER = "С-ДГХ/20-11-2026/402123271"
UNFIT_NUMBER = "И-ДГХ/20-11-2026/402123272"
TODAY = dt.date(2026, 11, 26)
WATER_METER = InstrumentType("16078-13", "Счетчики воды крыльчатые", "СВК-15", "ООО «Водомер»", "6 лет", 72)


def settings() -> LabSettings:
    return LabSettings(lab_name={"ru": "ООО «Метрологический центр»", "en": "Metrology Centre LLC"},
                       accreditation="RA.RU.311234", street="ул. Ленина", street_no="5", post_code="620000",
                       city="Екатеринбург", country="RU", certificate_languages=["ru", "en"],
                       mandatory_languages=["ru"], sign_cipher="ДГХ")


def fit_record(**changes) -> VerificationRecord:
    record = VerificationRecord(
        mitype_number="16078-13", modification="СВК-15-3-2", manufacture_num="29839342", manufacture_year="2019",
        owner="Физическое лицо", vrf_date="2026-11-20", valid_date="2032-11-19", doc_title="МИ 1592-2015",
        metrologist="Иванов И.И.", sign_cipher="ДГХ", sticker_num="0012345", sign_mi=True, sign_pass=True,
        means=Means(etalons=[ETALON]), conditions=Conditions("21,50 °C", "100,9 кПа", "45,0 %", "напряжение 220 В"))
    for key, value in changes.items():
        setattr(record, key, value)
    return record


def unfit_record(**changes) -> VerificationRecord:
    return fit_record(applicable=False, valid_date="", sticker_num="", sign_mi=False, sign_pass=False,
                      reasons="Погрешность превышает допускаемую: +3,2 % при Qmin", **changes)


def build(record: VerificationRecord, number: str = FIT_NUMBER, **options) -> bytes:
    certificate = verification_certificate(record, settings=settings(), number=number, issue_date="2026-11-21",
                                           **options)
    return to_bytes(certificate)


def xpath(xml: bytes, path: str) -> list:
    return etree.fromstring(xml).xpath(path, namespaces=NS)


def text_of(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def issue(record: VerificationRecord, test_pki, lab_trust, number: str = FIT_NUMBER, **options):
    options.setdefault("head", "Петров П.П.")
    options.setdefault("head_position", "Начальник лаборатории")
    return issue_verification(record, test_pki.signer("ec"), settings=settings(), number=number,
                              issue_date="2026-11-21", trust=lab_trust, today=TODAY, **options)


def register_etalon(repo: Repository, code: str = ETALON, due: str = "2027-01-09") -> None:
    standard = repo.standards.add(code=code, name="Установка поверочная УПСЖ-15", who="test")
    repo.standards.add_calibration(standard_id=standard.id, certificate_number="С-ВЯ/10-01-2026/1111",
                                   issuer="ФБУ «УРАЛТЕСТ»", calibration_date="2026-01-10", due_date=due, who="test")


# ------------------------------------------------------------------------------------------------ the DCC


def test_a_fit_record_is_a_valid_dcc_that_states_pass():
    xml = build(fit_record(), instrument_type=WATER_METER, fif_record="1-402123271")
    report = validate_bytes(xml)
    assert report.valid and not report.errors(), [str(f) for f in report.findings]
    assert xpath(xml, "/dcc:digitalCalibrationCertificate/@schemaVersion") == ["3.3.0"]
    assert xpath(xml, "//dcc:coreData/dcc:uniqueIdentifier/text()") == [FIT_NUMBER]
    assert xpath(xml, "//dcc:coreData/dcc:endPerformanceDate/text()") == ["2026-11-20"]
    assert xpath(xml, "//dcc:metaData[contains(@refType, 'basic_conformity')]/dcc:conformity/text()") == ["pass"]
    assert xpath(xml, "//dcc:statement[contains(@refType, 'basic_recalibration')]/dcc:date/text()") == ["2032-11-19"]
    assert xpath(xml, "//dcc:item/dcc:name/dcc:content/text()") == ["Счетчики воды крыльчатые"]
    assert xpath(xml, "//dcc:item/dcc:model/text()") == ["СВК-15"]
    assert ETALON in xpath(xml, "//dcc:measuringEquipment//dcc:identification/dcc:value/text()")
    conditions = xpath(xml, "//dcc:influenceCondition/dcc:data/dcc:text/dcc:content/text()")
    assert conditions == ["21,50 °C", "100,9 кПа", "45,0 %", "напряжение 220 В"], "kept as typed, never converted"
    assert xpath(xml, "//dcc:coreData/dcc:usedLangCodeISO639_1/text()") == ["ru", "en"]
    assert xpath(xml, "//dcc:respPerson[@refType='coomet_verificationVerifier']//dcc:content/text()") == ["Иванов И.И."]


def test_the_dcc_is_deterministic_and_recognised_as_a_verification(unsigned_dcc):
    from coomet_lab.dcc.io.reader import read_certificate_bytes

    assert build(fit_record()) == build(fit_record())
    assert is_verification(read_certificate_bytes(build(fit_record())))
    assert not is_verification(read_certificate_bytes(unsigned_dcc)), "a calibration certificate is not one"


def test_an_unfit_record_is_a_notice_that_states_fail_with_the_reasons():
    xml = build(unfit_record(verification_type=PRIMARY), number=UNFIT_NUMBER)
    assert validate_bytes(xml).valid
    assert xpath(xml, "//dcc:metaData[contains(@refType, 'basic_conformity')]/dcc:conformity/text()") == ["fail"]
    reasons = xpath(xml, "//dcc:description[@refType='coomet_verificationReasons']/dcc:content/text()")
    assert reasons == ["Погрешность превышает допускаемую: +3,2 % при Qmin"]
    assert xpath(xml, "//dcc:statement[contains(@refType, 'basic_recalibration')]") == [], "no valid-until"
    assert xpath(xml, "//dcc:statement[@refType='coomet_verificationPrimary']")


def test_every_kind_of_means_is_measuring_equipment_and_printed_with_its_numbers(lab_trust):
    from coomet_lab.twin import make_twin

    means = Means(etalons=[ETALON], primary_standards=["ГЭТ 63-2019"], unit_standards=["3.1.ZZT.0091.2015"],
                  reference_materials=[ReferenceMaterial("ГСО 7141-95", "2024", "15/24", "0,100 мг/см³")],
                  instruments=[OtherInstrument("53345-13", "1234", "ИНВ-7")], reagents=["вода дистиллированная"])
    xml = build(fit_record(means=means, structure="счетчик с импульсным выходом", additional_info="без пломбы"))
    assert validate_bytes(xml).valid
    kinds = [e.get("refType") for e in xpath(xml, "//dcc:measuringEquipment")]
    assert kinds == ["basic_standardUsed coomet_verificationEtalon",
                     "basic_standardUsed coomet_verificationPrimaryStandard",
                     "basic_standardUsed coomet_verificationUnitStandard",
                     "basic_standardUsed coomet_verificationReferenceMaterial", "coomet_verificationInstrument",
                     "coomet_verificationReagent"]
    text = " ".join(text_of(make_twin(xml, trust=lab_trust).pdf).split())
    for shown in (ETALON, "ГЭТ 63-2019", "3.1.ZZT.0091.2015", "ГСО 7141-95, 15/24, 2024 (0,100 мг/см³)",
                  "53345-13, 1234, ИНВ-7", "вода дистиллированная", "в составе: счетчик с импульсным выходом",
                  "Дополнительные сведения: без пломбы"):
        assert shown in text, shown


def test_a_verification_without_standards_names_its_method(lab_trust):
    from coomet_lab.twin import make_twin

    xml = build(fit_record(means=Means(method="2")))
    assert validate_bytes(xml).valid and xpath(xml, "//dcc:measuringEquipments") == []
    text = " ".join(text_of(make_twin(xml, trust=lab_trust).pdf).split())
    assert "Поверка без применения эталонов – самоповерка" in text


def test_without_a_number_nothing_is_built():
    with pytest.raises(ValueError, match="needs its number"):
        build(fit_record(), number=" ")


# ------------------------------------------------------------------------------------------------ signed + twin


def test_a_fit_certificate_is_signed_and_its_twin_shows_the_order_2510_lines(test_pki, lab_trust):
    result = issue(fit_record(), test_pki, lab_trust, fif_record="1-402123271")
    assert result.report.valid and verify_xml(result.signed_xml, trust=lab_trust).valid
    assert embedded_dcc(result.pdf) == result.signed_xml, "the twin embeds the exact signed bytes"
    assert verify_pdf(result.pdf, trust=lab_trust).valid
    pages = page_texts(result.pdf)
    digest = hashlib.sha256(result.signed_xml).hexdigest()
    assert all(digest in page for page in pages), "the hash of the embedded DCC is on every page"
    text = "\n".join(pages)
    for line in ("ООО «Метрологический центр»", "RA.RU.311234",
                 "Уникальный номер записи об аккредитации в реестре аккредитованных лиц",
                 f"СВИДЕТЕЛЬСТВО О ПОВЕРКЕ № {FIT_NUMBER}", f"CERTIFICATE OF VERIFICATION No. {FIT_NUMBER}",
                 "Действительно до 19.11.2032", "Регистрационный номер типа в ФИФ ОЕИ", "16078-13", "29839342",
                 "СВК-15-3-2", "поверено", "в полном объёме", "в соответствии с", "МИ 1592-2015",
                 "с применением эталонов", ETALON, "при следующих значениях влияющих факторов",
                 "21,50 °C", "100,9 кПа", "45,0 %", "напряжение 220 В",
                 "на основании результатов периодической поверки признано пригодным к применению",
                 "наклейка № 0012345", "Дата поверки", "20.11.2026", "Начальник лаборатории", "Петров П.П.",
                 "Поверитель", "Иванов И.И.", "Номер записи сведений о результатах поверки в ФИФ ОЕИ: 1-402123271",
                 "https://fgis.gost.ru/fundmetrology/cm/results/1-402123271"):
        assert line in text, line
    assert "ЧЕРНОВИК" not in text and "ИЗВЕЩЕНИЕ" not in text and "непригодным" not in text


def test_an_unfit_record_gives_a_notice_of_unfitness_with_its_reasons(test_pki, lab_trust):
    result = issue(unfit_record(), test_pki, lab_trust, number=UNFIT_NUMBER)
    assert result.report.valid
    text = text_of(result.pdf)
    for line in (f"ИЗВЕЩЕНИЕ О НЕПРИГОДНОСТИ К ПРИМЕНЕНИЮ № {UNFIT_NUMBER}",
                 "признано непригодным к применению", "Причины непригодности",
                 "Погрешность превышает допускаемую: +3,2 % при Qmin", "21,50 °C"):
        assert line in text, line
    for absent in ("СВИДЕТЕЛЬСТВО О ПОВЕРКЕ", "Действительно до", "Знак поверки", "наклейка"):
        assert absent not in text, absent


def test_an_unsigned_verification_dcc_renders_as_a_draft(lab_trust):
    from coomet_lab.twin import make_twin

    twin = make_twin(build(fit_record()), trust=lab_trust)
    text = text_of(twin.pdf)
    assert twin.draft and "ЧЕРНОВИК" in text and f"СВИДЕТЕЛЬСТВО О ПОВЕРКЕ № {FIT_NUMBER}" in text


def test_primary_verification_only_has_no_valid_until_and_russian_alone_has_no_english(lab_trust):
    from coomet_lab.twin import make_twin

    record = fit_record(verification_type=PRIMARY, valid_date="")
    xml = build(record, languages=["ru"])
    assert validate_bytes(xml).valid
    assert xpath(xml, "//dcc:content[@lang='en']") == []
    text = text_of(make_twin(xml, trust=lab_trust).pdf)
    assert "Действительно до —" in text, "Order 2510: a dash when only primary verification is provided for"
    assert "на основании результатов первичной поверки признано пригодным к применению" in text
    assert "CERTIFICATE OF VERIFICATION" not in text and "Valid until" not in text


def test_the_twin_is_titled_as_a_verification_certificate(test_pki, lab_trust):
    from tests.pdfcheck import open_pdf

    result = issue(fit_record(), test_pki, lab_trust)
    with open_pdf(result.pdf) as doc:
        assert str(doc.docinfo.Title) == f"Свидетельство о поверке {FIT_NUMBER}"
        assert str(doc.docinfo.Author) == "ООО «Метрологический центр»"


# ------------------------------------------------------------------------------------------------ repository


def test_issuing_stores_the_certificate_and_links_the_verification(test_pki, lab_trust):
    with Repository.open() as repo:
        register_etalon(repo)
        (key,) = repo.verifications.record([fit_record()], who="test", today=TODAY)
        stored = repo.verifications.get(key)
        result = issue(stored, test_pki, lab_trust, repository=repo, who="Иванов И.И.")
        record = repo.certificates.get(result.record.id)
        assert record.kind == "issued" and record.unique_identifier == FIT_NUMBER
        xml, pdf = repo.certificates.bytes(record.id)
        assert xml == result.signed_xml and pdf == result.pdf
        assert repo.verifications.get(key).certificate_id == record.id
        entries = repo.audit.entries(subject=f"verifications:{key}")
        assert any(e.action == "verification certificate issued" for e in entries)
        assert repo.drafts.list() == []
        with pytest.raises(VerificationRecordError, match="already has certificate"):
            issue(repo.verifications.get(key), test_pki, lab_trust, repository=repo, who="test")
        assert repo.certificates.count(kind="issued") == 1
        assert repo.verify().ok


def test_an_untraceable_standard_blocks_issuing_and_leaves_nothing(test_pki, lab_trust):
    with Repository.open() as repo:
        register_etalon(repo, due="2026-06-30")  # expired before the verification date
        (key,) = repo.verifications.record([fit_record()], who="test", today=TODAY)
        with pytest.raises(TraceabilityBlockedError, match="expired"):
            issue(repo.verifications.get(key), test_pki, lab_trust, repository=repo, who="test")
        assert repo.certificates.count() == 0 and repo.drafts.list() == []
        assert repo.verifications.get(key).certificate_id is None


def test_an_invalid_record_is_refused_with_its_errors_and_nothing_is_stored(test_pki, lab_trust):
    with Repository.open() as repo:
        register_etalon(repo)
        with pytest.raises(VerificationRecordError) as refused:
            issue(fit_record(sign_cipher="DGX", valid_date="2026-11-19"), test_pki, lab_trust, repository=repo,
                  who="test")
        assert "sign_cipher" in str(refused.value) and "valid_date" in str(refused.value)
        assert {p.field for p in refused.value.problems} >= {"sign_cipher", "valid_date"}
        with pytest.raises(UnusableInputError, match="no certificate number"):
            issue(fit_record(), test_pki, lab_trust, number="", repository=repo, who="test")
        assert repo.certificates.count() == 0 and repo.drafts.list() == []


# ------------------------------------------------------------------------------------------------ command line


def _cli_setup(test_pki, monkeypatch) -> int:
    save_settings(settings())
    assert run_cli("trust", "add", test_pki.ca_pem)[0] == 0
    monkeypatch.setenv("P", PASSPHRASE)
    with Repository.open() as repo:
        register_etalon(repo)
        (key,) = repo.verifications.record([fit_record()], who="test", today=TODAY)
    return key


def test_command_line_issue_writes_the_signed_xml_and_pdf(test_pki, lab_trust, monkeypatch, tmp_path):
    key = _cli_setup(test_pki, monkeypatch)
    code, out, err = run_cli("verification", "issue", key, "--number", FIT_NUMBER, "--key", test_pki.signers["ec"],
                             "--passphrase-env", "P", "--head", "Петров П.П.", "--issue-date", "2026-11-21",
                             "--out", tmp_path / "out")
    assert code == 0, err
    xml_path = tmp_path / "out" / "С-ДГХ_20-11-2026_402123271.xml"
    pdf_path = xml_path.with_suffix(".pdf")
    assert str(xml_path) in out and str(pdf_path) in out
    assert verify_xml(xml_path.read_bytes(), trust=lab_trust).valid
    assert embedded_dcc(pdf_path.read_bytes()) == xml_path.read_bytes()
    assert f"СВИДЕТЕЛЬСТВО О ПОВЕРКЕ № {FIT_NUMBER}" in text_of(pdf_path.read_bytes())
    with Repository.open() as repo:
        assert repo.verifications.get(key).certificate_id is not None
    code, _out, err = run_cli("verification", "issue", key, "--number", FIT_NUMBER, "--key", test_pki.signers["ec"],
                              "--passphrase-env", "P", "--out", tmp_path / "again")
    assert code == 1 and "already has certificate" in err and "nothing was issued" in err
    assert not (tmp_path / "again").exists()


def test_command_line_takes_the_number_arshin_gave_the_record(test_pki, monkeypatch, tmp_path):
    import sqlite3

    key = _cli_setup(test_pki, monkeypatch)
    code, _out, err = run_cli("verification", "issue", key, "--key", test_pki.signers["ec"], "--passphrase-env", "P",
                              "--out", tmp_path)
    assert code == 2 and "give --number" in err, "no number from Arshin yet and none given"
    with Repository.open() as repo:
        root = repo.root
    db = sqlite3.connect(root / "repository.sqlite")  # what importing Arshin's reply writes (outbox), in short
    db.execute("UPDATE verifications SET cert_num = ? WHERE id = ?", (FIT_NUMBER, key))
    db.commit()
    db.close()
    code, out, err = run_cli("verification", "issue", key, "--key", test_pki.signers["ec"], "--passphrase-env", "P",
                             "--out", tmp_path)
    assert code == 0, err
    assert FIT_NUMBER in out and (tmp_path / "С-ДГХ_20-11-2026_402123271.pdf").is_file()


def test_command_line_issue_with_a_key_on_a_token(token, test_pki, lab_trust, monkeypatch, tmp_path):
    from tests.conftest import PIN, TOKEN

    key = _cli_setup(test_pki, monkeypatch)
    monkeypatch.setenv("TOKEN_PIN", PIN)
    code, out, err = run_cli("verification", "issue", key, "--number", FIT_NUMBER, "--pkcs11", token, "--token", TOKEN,
                             "--key-label", "signer-ec", "--pin-env", "TOKEN_PIN", "--out", tmp_path)
    assert code == 0, err
    pdf = (tmp_path / "С-ДГХ_20-11-2026_402123271.pdf").read_bytes()
    report = verify_pdf(pdf, trust=lab_trust)
    assert report.valid and report.signatures[0].signer.subject == "CN=Token signer-ec,O=Test Lab"


def test_command_line_wrong_passphrase_stores_nothing(test_pki, monkeypatch, tmp_path):
    key = _cli_setup(test_pki, monkeypatch)
    monkeypatch.setenv("P", "not the passphrase")
    code, _out, err = run_cli("verification", "issue", key, "--number", FIT_NUMBER, "--key", test_pki.signers["ec"],
                              "--passphrase-env", "P", "--out", tmp_path)
    assert code != 0 and "passphrase" in err.lower()
    assert list(tmp_path.iterdir()) == []
    with Repository.open() as repo:
        assert repo.certificates.count() == 0 and repo.drafts.list() == []
        assert repo.verifications.get(key).certificate_id is None


def test_an_issue_cut_off_before_the_link_is_finished_not_signed_twice(test_pki, lab_trust, monkeypatch):
    from coomet_lab.repository.verifications import Verifications

    with Repository.open() as repo:
        register_etalon(repo)
        first, second = repo.verifications.record([fit_record(), fit_record(manufacture_num="777")], who="test",
                                                  today=TODAY)

        def power_cut(*args, **kwargs):
            raise KeyboardInterrupt("the machine went down after the certificate was stored")

        with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
            patch.setattr(Verifications, "link_certificate", power_cut)
            issue(repo.verifications.get(first), test_pki, lab_trust, repository=repo, who="test")
        assert repo.verifications.get(first).certificate_id is None
        again = issue(repo.verifications.get(first), test_pki, lab_trust, repository=repo, who="test")
        assert repo.certificates.count(kind="issued") == 1, "the stored certificate is linked, not signed anew"
        assert repo.verifications.get(first).certificate_id == again.record.id and again.report.valid
        with pytest.raises(VerificationRecordError, match="another instrument"):
            issue(repo.verifications.get(second), test_pki, lab_trust, repository=repo, who="test")
        assert repo.certificates.count(kind="issued") == 1 and repo.verify().ok
