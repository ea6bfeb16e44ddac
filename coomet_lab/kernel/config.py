"""Laboratory settings: who the lab is, which key signs, which languages certificates use.

Kept as JSON in the application's home (``settings.json``), written atomically, with no Qt involved (window
geometry and other interface state live in QSettings, in the ``ui`` package).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from coomet_lab.kernel.atomic import write_text_atomic
from coomet_lab.kernel.errors import DocumentError
from coomet_lab.kernel.paths import app_home


@dataclass
class LabSettings:
    lab_name: dict[str, str] = field(default_factory=dict)  # language → name
    accreditation: str = ""
    street: str = ""
    street_no: str = ""
    post_code: str = ""
    city: str = ""
    country: str = ""
    e_mail: str = ""
    certificate_languages: list[str] = field(default_factory=lambda: ["en"])
    mandatory_languages: list[str] = field(default_factory=lambda: ["en"])
    number_pattern: str = "{year}-{seq:05d}"
    next_number: int = 1
    interface_language: str = "en"
    decimal_separator: str = "."
    signer_kind: str = ""  # "" | "file" | "token"
    key_file: str = ""
    pkcs11_module: str = ""
    token_label: str = ""
    key_label: str = ""
    signer_name: dict[str, str] = field(default_factory=dict)
    trust_anchor: str = ""
    sign_cipher: str = ""  # the laboratory's verification-mark cipher (Cyrillic capitals), for verification records

    @property
    def configured(self) -> bool:
        return bool(self.lab_name)

    def next_identifier(self, year: int) -> str:
        return self.number_pattern.format(year=year, seq=self.next_number)


def settings_path(home: Path | None = None) -> Path:
    return (home or app_home()) / "settings.json"


def load_settings(home: Path | None = None) -> LabSettings:
    path = settings_path(home)
    if not path.is_file():
        return LabSettings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DocumentError(f"the settings cannot be read ({exc}); fix or remove the file", path=str(path)) from None
    known = {f.name for f in fields(LabSettings)}
    return LabSettings(**{k: v for k, v in data.items() if k in known})


def save_settings(settings: LabSettings, home: Path | None = None) -> None:
    write_text_atomic(settings_path(home), json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n")
