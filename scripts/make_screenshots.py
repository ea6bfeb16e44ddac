"""Make the README's screenshots with ``coomet-lab --screenshot``, in a throw-away home that looks like a lab's.

The home gets lab settings, keys from ``keys init``, the reference standards of the examples in the register, the
two example certificates issued (signed XML + signed PDF twin, through the same ``services.issue`` the window uses),
a received certificate and an open draft. Then the window is rendered offscreen for each view and language.

    .venv/bin/python scripts/make_screenshots.py            # writes docs/images/app-*.png
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
PASSPHRASE = "screenshot passphrase"
SHOTS = [("repository", "en"), ("repository", "ru"), ("editor", "ru"), ("results", "en"), ("verification", "ru")]


def furnish(home: Path) -> None:
    """A lab's home: settings, keys, standards, issued, received and draft certificates."""
    os.environ["COOMET_LAB_HOME"] = str(home)
    from coomet_lab.app.services import issue
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.intake.inspection import file_inspector
    from coomet_lab.kernel.config import LabSettings, save_settings
    from coomet_lab.repository import Repository
    from coomet_lab.repository.indexing import equipment_label, iter_equipment, serial_of
    from coomet_lab.trust import KeyFile, TrustStore, open_signer
    from coomet_lab.trust import keys as pki

    keys = pki.init_lab(lab="Metrology Centre UralTest", person="Anna Smirnova", out=home / "keys",
                        passphrase=PASSPHRASE)
    save_settings(LabSettings(
        lab_name={"en": "Metrology Centre UralTest", "ru": "Метрологический центр «УралТест»"},
        accreditation="RA.RU.311234", street="ул. Студенческая", street_no="1", post_code="620049",
        city="Екатеринбург", country="RU", certificate_languages=["ru", "en"], mandatory_languages=["ru"],
        number_pattern="UT-{year}-{seq:05d}", next_number=419, signer_kind="file", key_file=str(keys.signer_path),
        trust_anchor=str(keys.ca_certificate_path), signer_name={"en": "Anna Smirnova", "ru": "Анна Смирнова"}))
    trust = TrustStore.with_files([keys.ca_certificate_path])
    signer = open_signer(KeyFile(keys.signer_path), PASSPHRASE)
    with Repository.open() as repository:
        certificates = [load_document(REPO / "examples" / name) for name in
                        ("thermometer-pt100-ru-en.json", "pressure-gauge-as-found-as-left-de-en.json")]
        for n, certificate in enumerate(certificates):
            for i, equipment in enumerate(iter_equipment(certificate)):
                serial = serial_of(equipment.identifications) or f"{n}{i}"
                standard = repository.standards.add(code=f"STD-{n}{i}", name=equipment_label(equipment),
                                                    model=equipment.model, serial=serial, who="Anna Smirnova")
                cited = equipment.certificate.referral_id if equipment.certificate else f"C-{n}{i}"
                repository.standards.add_calibration(standard_id=standard.id, certificate_number=cited, issuer="VNIIM",
                                                     calibration_date="2026-01-15", due_date="2027-01-15",
                                                     who="Anna Smirnova")
        for certificate in certificates:
            draft = repository.drafts.create(certificate=certificate, who="Anna Smirnova")
            issue(certificate, signer, role=None, trust=trust, repository=repository, draft_id=draft.id,
                  who="Anna Smirnova")
        received = load_document(REPO / "examples" / "thermometer-pt100-ru-en.json")
        received.administrative_data.core_data.unique_identifier = "VNIIM-2026-0912"
        path = home / "received.xml"
        path.write_bytes(to_bytes(received))
        repository.certificates.import_files([path], who="Anna Smirnova", inspect_file=file_inspector(trust))
        draft = load_document(REPO / "examples" / "thermometer-pt100-ru-en.json")
        draft.administrative_data.core_data.unique_identifier = "UT-2026-00418"
        draft.administrative_data.core_data.issue_date = dt.date.today().isoformat()
        repository.drafts.create(certificate=draft, who="Anna Smirnova")
        furnish_verifications(repository, home)
    signer.close()


def furnish_verifications(repository, home: Path) -> None:  # noqa: ANN001
    """A day of verifications: recorded from the test batch, exported, uploaded and confirmed by Arshin, plus
    today's records still waiting for the next export."""
    data = REPO / "tests" / "data" / "verification"
    repository.verifications.import_types(data / "types.csv", who="Анна Смирнова")
    repository.verifications.import_batch(data / "batch-good.csv", who="Анна Смирнова")
    (job,) = repository.outbox.export_arshin(home / "arshin", who="Анна Смирнова", schema_check=False)
    repository.outbox.mark_submitted(who="Анна Смирнова", job_id=job.id)
    namespace = "urn://fgis-arshin.gost.ru/module-verifications/protocol/2020-06-19"
    records = "".join(
        f'<record corrId="{n}"><success><globalID>40212327{n}</globalID><certNum>{kind}-ДГХ/20-11-2026/40212327{n}'
        f'</certNum></success></record>' for n, kind in ((1, "С"), (2, "И"), (3, "С")))
    repository.outbox.confirm(f'<protocol xmlns="{namespace}"><appProcessed>{records}</appProcessed></protocol>'
                              .encode(), who="Анна Смирнова")
    later = home / "day-2.csv"
    later.write_text((data / "batch-good.csv").read_text(encoding="utf-8").replace("2026-11-20", "2026-11-24")
                     .replace("2026-11-19", "2026-11-23"), encoding="utf-8")
    repository.verifications.import_batch(later, who="Анна Смирнова")


WIZARD = """
import sys
from PySide6.QtWidgets import QApplication
from ui.first_run import FirstRunWizard
from ui.i18n import InterfaceLanguage
app = QApplication([])
languages = InterfaceLanguage(app)
languages.switch("ru")
wizard = FirstRunWizard(languages)
wizard.resize(760, 560)
wizard.show()
for key, value in dict(name_en="Metrology Centre UralTest", name_local="Метрологический центр «УралТест»",
                       local_language="ru", accreditation="RA.RU.311234", street="ул. Студенческая", street_no="1",
                       post_code="620049", city="Екатеринбург", country="RU", e_mail="lab@uraltest.example",
                       sign_cipher="ДГХ").items():
    wizard.identity.edits[key].setText(value)
wizard.next()
wizard.next()  # the signing page
for _ in range(20):
    app.processEvents()
wizard.grab().save(sys.argv[1])
"""


def wizard_shot(target: Path) -> None:
    """The first-run wizard's signing page, in an empty home (nothing is written: the wizard is not finished)."""
    with tempfile.TemporaryDirectory(prefix="coomet-wizard-") as home:
        env = {**os.environ, "COOMET_LAB_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run([sys.executable, "-c", WIZARD, str(target)], env=env, cwd=REPO, check=True)


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("COOMET_LAB_SCHEMAS", str(REPO.parent / "shared" / "schemas" / "dcc"))
    with tempfile.TemporaryDirectory(prefix="coomet-shots-") as folder:
        home = Path(folder)
        furnish(home)
        env = {**os.environ, "COOMET_LAB_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        for view, lang in SHOTS:
            target = IMAGES / f"app-{view}-{lang}.png"
            subprocess.run([sys.executable, "-m", "ui.entry", "--screenshot", str(target), "--view", view,
                            "--lang", lang], env=env, cwd=REPO, check=True)
    wizard_shot(IMAGES / "first-run-signing-ru.png")


if __name__ == "__main__":
    main()
