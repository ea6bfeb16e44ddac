"""Amendments (ISO/IEC 17025 §7.8.8): an issued certificate is never changed, a new one replaces it.

The amendment gets a new identifier (``{base}-A{n}`` by default: the first certificate's number and how many
amendments deep it is) and says in ``coreData`` which certificate it replaces: ``reportAmendedSubstituted``
(typeOfChange, replacedUniqueIdentifier) and ``previousReport``, a ``dcc:hashType`` naming the replaced
certificate and carrying the SHA-256 of its exact signed XML.
"""

from __future__ import annotations

from coomet_lab.dcc.model import Certificate, Hash, ReportAmendedSubstituted, Text
from coomet_lab.kernel.errors import IssueRefusedError

CHANGE_TYPES = ("amended", "substituted")

_REFERRAL = {
    "en": "Certificate {number}, replaced by this certificate",
    "de": "Kalibrierschein {number}, ersetzt durch diesen Kalibrierschein",
    "ru": "Сертификат {number}, заменённый настоящим сертификатом",
}


def amendment_identifier(pattern: str, *, base: str, n: int, taken: set[str]) -> str:
    """The first free identifier ``pattern.format(base=..., n=...)`` from ``n`` on."""
    while True:
        candidate = pattern.format(base=base, n=n)
        if candidate not in taken:
            return candidate
        n += 1


def make_amendment(replaced: Certificate, *, replaced_sha256: str, new_identifier: str,
                   change: str = "amended") -> Certificate:
    """Turn a copy of the replaced certificate (read from its stored XML) into the amendment's draft."""
    if change not in CHANGE_TYPES:
        raise ValueError(f"typeOfChange must be one of {CHANGE_TYPES}, not {change!r}")
    old_identifier = replaced.unique_identifier or ""
    core = replaced.administrative_data.core_data  # type: ignore[union-attr]
    assert core is not None
    core.unique_identifier = new_identifier
    core.issue_date = None  # set when the amendment is issued
    core.report_amended_substituted = ReportAmendedSubstituted(
        type_of_change=change, replaced_unique_identifier=old_identifier)
    core.previous_report = Hash(
        referral=_referral(old_identifier, replaced.languages),
        referral_id=old_identifier, procedure="SHA-256", value=replaced_sha256,
    )
    replaced.signatures = []
    return replaced


def _referral(number: str, languages: list[str]) -> Text:
    texts = {lang: _REFERRAL[lang].format(number=number) for lang in languages if lang in _REFERRAL}
    if not texts:
        texts = {(languages[0] if languages else "en"): _REFERRAL["en"].format(number=number)}
    return Text.of(texts)


def check_amendment(certificate: Certificate, *, replaced_identifier: str, replaced_sha256: str) -> None:
    """Refuse an amendment whose XML does not name, by identifier and hash, the certificate it replaces."""
    core = certificate.administrative_data.core_data if certificate.administrative_data else None
    ras = core.report_amended_substituted if core else None
    previous = core.previous_report if core else None
    if ras is None or ras.replaced_unique_identifier != replaced_identifier:
        raise IssueRefusedError(
            f"the amendment must name the certificate it replaces ({replaced_identifier}) in reportAmendedSubstituted")
    if (previous is None or previous.referral_id != replaced_identifier
            or (previous.procedure or "").upper() != "SHA-256"
            or (previous.value or "").lower() != replaced_sha256):
        raise IssueRefusedError(
            f"previousReport must carry the SHA-256 of {replaced_identifier}'s signed XML ({replaced_sha256})")
