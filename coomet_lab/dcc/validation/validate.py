"""Offline validation of a DCC: XSD chosen by ``schemaVersion``, then the semantic rules."""

from __future__ import annotations

import os

from lxml import etree

from coomet_lab.dcc.io.reader import check_root
from coomet_lab.dcc.validation.findings import Finding, ValidationReport
from coomet_lab.dcc.validation.rules import check_rules
from coomet_lab.dcc.validation.schema_store import SchemaStore, supported_versions
from coomet_lab.dcc.validation.xsd import validate_xsd
from coomet_lab.kernel.errors import UnsupportedVersionError, UnusableInputError
from coomet_lab.kernel.xmlsafe import parse_bytes, parse_file


def schema_version_of(root: etree._Element, source: str = "input") -> str:
    """The declared ``schemaVersion``; refuses a missing or unsupported one (never falls back to another)."""
    version = root.get("schemaVersion")
    if version is None:
        raise UnusableInputError(f"{source}: the DCC has no schemaVersion attribute, so no schema can be chosen")
    if version not in supported_versions():
        raise UnsupportedVersionError(version=version, supported=", ".join(supported_versions()))
    return version


def validate_tree(
    tree: etree._ElementTree, *, source: str = "input", store: SchemaStore | None = None, rules: bool = True
) -> ValidationReport:
    """Validate a parsed document. Raises :class:`UnusableInputError` if it is not a DCC of a known version."""
    root = tree.getroot()
    check_root(root, source)
    version = schema_version_of(root, source)
    schema = (store or SchemaStore.default()).schema(version)
    findings = validate_xsd(schema, tree, version, source)
    if rules:
        semantic = check_rules(tree, version)
        findings = _without_duplicates(findings, semantic) + semantic
    return ValidationReport(source=source, schema_version=version, findings=findings)


def _without_duplicates(xsd: list[Finding], semantic: list[Finding]) -> list[Finding]:
    """Drop libxml2's list-item errors where a rule already says plainly that a table cell is empty."""
    empty_lines = {f.line for f in semantic if f.code == "rule.table.empty_cell"}
    return [f for f in xsd if not (f.line in empty_lines and "is not allowed" in f.message)]


def validate_bytes(
    data: bytes, *, source: str = "input", large: bool = False, store: SchemaStore | None = None
) -> ValidationReport:
    return validate_tree(parse_bytes(data, large=large, source=source), source=source, store=store)


def validate_file(
    path: str | os.PathLike[str], *, large: bool = False, store: SchemaStore | None = None
) -> ValidationReport:
    return validate_tree(parse_file(path, large=large), source=str(path), store=store)
