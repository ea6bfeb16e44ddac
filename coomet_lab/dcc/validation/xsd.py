"""XSD validation with libxml2, fast on long value lists, with messages a technician can read.

Where the time goes: on a DCC holding a million values, libxml2 spends nearly all its validation time checking
each list item against its pattern facet. For DCC 3.3.0 (D-SI 2.2.1) the long numeric lists are checked instead
by one possessive regular expression over the whole text, equivalent to the schema's item pattern plus the
``xs:double`` lexical space; when every long list passes, each is swapped for its own first item while libxml2
validates the rest of the document, and restored afterwards. When any long list fails, the document is validated
in full, unchanged, so the errors are exactly libxml2's. Tests prove the verdicts identical to full validation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from coomet_lab.dcc.model.binding import SI_NS
from coomet_lab.dcc.validation.findings import Finding, Severity, readable_name
from coomet_lab.kernel.errors import UnusableInputError

FAST_PATH_VERSIONS = frozenset({"3.3.0"})
FAST_PATH_MIN_CHARS = 64 * 1024

_MANTISSA = r"(?:[0-9]++(?:\.[0-9]*+)?+|\.[0-9]++)"
_EXPONENT = r"(?:[Ee][-+]?+[0-9]++)?+"
ITEM_PATTERNS = {
    "decimal": rf"[-+]?+{_MANTISSA}{_EXPONENT}|NaN",  # si:decimalType, intervalMin/Max
    "unsigned": rf"\+?+{_MANTISSA}{_EXPONENT}|NaN",  # valueExpandedMU, valueStandardMU, uncertainty
    "coverage_factor": r"\+?+[1-9][0-9]*+(?:\.[0-9]*+)?+|NaN",  # si:kValueType
    "probability": r"\+?+(?:0(?:\.[0-9]*+)?+|1(?:\.0*+)?+)|NaN",  # si:probabilityValueType
    "string": r"[^ \t\n\r]++",  # lists of xs:string: any item is valid
}

# D-SI 2.2.1 list elements and the item type of every declaration of that name (checked against the XSD in tests).
LIST_ITEM_KIND = {
    **{f"{{{SI_NS}}}{name}": "decimal" for name in (
        "valueXMLList", "intervalMinXMLList", "intervalMaxXMLList",
        "valueRealXMLList", "valueImagXMLList", "valueMagnitudeXMLList", "valuePhaseXMLList",
    )},
    **{f"{{{SI_NS}}}{name}": "unsigned" for name in (
        "valueExpandedMUXMLList", "valueStandardMUXMLList", "uncertaintyXMLList", "standardUncXMLList",
    )},
    f"{{{SI_NS}}}coverageFactorXMLList": "coverage_factor",
    f"{{{SI_NS}}}coverageProbabilityXMLList": "probability",
    **{f"{{{SI_NS}}}{name}": "string" for name in (
        "unitXMLList", "labelXMLList", "distributionXMLList", "unitPhaseXMLList",
    )},
}

_SPACE = "[ \\t\\n\\r]"
LIST_PATTERNS = {
    kind: re.compile(rf"{_SPACE}*+(?:(?:{item})(?={_SPACE}|\Z){_SPACE}*+)*+")
    for kind, item in ITEM_PATTERNS.items()
}
_FIRST_ITEM = re.compile(rf"{_SPACE}*+([^ \t\n\r]*)")


def validate_xsd(schema: etree.XMLSchema, tree: etree._ElementTree, version: str,
                 source: str = "input") -> list[Finding]:
    """Validate ``tree`` against ``schema``; the tree is left exactly as it was.

    A single value of more than about 10 million characters (a huge tree, opened with ``--large``) makes libxml2's
    schema validation stop with an internal error; that is reported as unusable input naming the element.
    """
    swaps = _fast_path_swaps(tree, version) if version in FAST_PATH_VERSIONS else []
    originals = []
    try:
        for el, placeholder in swaps:
            originals.append((el, el.text))
            el.text = placeholder
        try:
            schema.validate(tree)
        except etree.XMLSchemaValidateError as exc:
            raise _cannot_validate(tree, source, exc) from None
        errors = list(schema.error_log)
    finally:
        for el, text in originals:
            el.text = text
    return [_finding(e) for e in errors]


def _fast_path_swaps(tree: etree._ElementTree, version: str) -> list[tuple[etree._Element, str]]:
    """Placeholders for every long list that is provably valid; empty if any long list is not (full check)."""
    swaps = []
    for el in _long_lists(tree):
        text = el.text or ""
        if not LIST_PATTERNS[LIST_ITEM_KIND[el.tag]].fullmatch(text):
            return []
        first = _FIRST_ITEM.match(text)
        swaps.append((el, first.group(1) if first else ""))
    return swaps


LIBXML2_MAX_VALUE_CHARS = 10_000_000  # XML_MAX_TEXT_LENGTH: the longest value libxml2's validator is sure to take


def _cannot_validate(tree: etree._ElementTree, source: str, exc: Exception) -> UnusableInputError:
    """Name the text libxml2 could not validate: the first value over its limit (long value lists never get here:
    the fast path swaps them, or they are validated item by item)."""
    for el in tree.getroot().iter():
        if not isinstance(el.tag, str):
            continue
        texts = [("text", el.text)] + [(f"attribute {name}", value) for name, value in el.attrib.items()]
        for what, text in texts:
            if text is not None and len(text) > LIBXML2_MAX_VALUE_CHARS:
                where = readable_name(el.tag) + ("" if what == "text" else f" {what}")
                return UnusableInputError(
                    f"{source}: line {el.sourceline}: {where} holds one value of {len(text):,} characters; the XML "
                    f"schema validator (libxml2) cannot check a single value over {LIBXML2_MAX_VALUE_CHARS:,} "
                    "characters, so the file cannot be validated (long lists of numbers are fine; put a long text "
                    "into an attached file instead)")
    return UnusableInputError(f"{source}: the XML schema validator (libxml2) stopped with an internal error ({exc}); "
                              "the file cannot be validated")


def _long_lists(tree: etree._ElementTree) -> Iterator[etree._Element]:
    for el in tree.getroot().iter(*LIST_ITEM_KIND):
        # Elements with comments inside are left to libxml2: their text is split across several nodes.
        if len(el) == 0 and el.text is not None and len(el.text) >= FAST_PATH_MIN_CHARS:
            yield el


# ----------------------------------------------------------------------------------------------- messages

_ELEMENT = re.compile(r"^Element '([^']+)'(?:, attribute '([^']+)')?: ")
_CLARK = re.compile(r"\{([^}]*)\}(\w+)")
_PATTERN = re.compile(r"\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern")
_LIST_ITEM = re.compile(r"'(.*)' is not a valid value of the list type")
_ATOMIC = re.compile(r"'(.*)' is not a valid value of the (?:atomic|local atomic) type '([^']*)'")
_ENUM = re.compile(r"\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}")

_FIELD_HINTS = {
    "coverageFactor": "the coverage factor k must be a number of at least 1, written with a dot (for example 2)",
    "coverageFactorXMLList": "every coverage factor k must be a number of at least 1 (for example 2)",
    "coverageProbability": "the coverage probability must be between 0 and 1, written with a dot (for example 0.95)",
    "coverageProbabilityXMLList": "every coverage probability must be between 0 and 1 (for example 0.95)",
    "countryCodeISO3166_1": "a country code is two capital letters (ISO 3166-1, for example DE or RU)",
    "usedLangCodeISO639_1": "a language code is two small letters (ISO 639-1, for example en or ru)",
    "mandatoryLangCodeISO639_1": "a language code is two small letters (ISO 639-1, for example en or ru)",
    "schemaVersion": "the schemaVersion must name exactly the schema the document is written for",
}


_NUMBER_HINT = "numbers are written with a dot as decimal separator (for example 1.5 or 2e-3)"
_TYPE_HINTS = {
    "date": "a date is written YYYY-MM-DD",
    "dateTime": "a date and time is written YYYY-MM-DDThh:mm:ss",
    "boolean": "write true or false",
    "ID": "an id is a unique name that does not start with a digit",
    "IDREFS": "refId lists ids separated by spaces",
    "decimalType": _NUMBER_HINT,
    "valueExpandedMUType": "an uncertainty is a number that is not negative, " + _NUMBER_HINT,
    "valueStandardMUType": "an uncertainty is a number that is not negative, " + _NUMBER_HINT,
    "uncertaintyValueType": "an uncertainty is a number that is not negative, " + _NUMBER_HINT,
    "kValueType": "the coverage factor k must be a number of at least 1 (for example 2)",
    "probabilityValueType": "the coverage probability must be between 0 and 1 (for example 0.95)",
    "significantDigitType": "the number of significant digits is a whole number",
    "anyURI": "a link must be a valid URI",
    "double": _NUMBER_HINT,
    "integer": "a whole number is expected",
}


def humanize(message: str) -> str:
    """Turn a libxml2 schema message into a plain sentence with ``dcc:``/``si:`` names."""
    match = _ELEMENT.match(message)
    element = readable_name(match.group(1)) if match else None
    attribute = match.group(2) if match else None
    local = (attribute or (element or "").split(":")[-1]) if match else ""
    body = message[match.end():] if match else message
    subject = f"{element} attribute {attribute}" if attribute else element or "the document"
    if (m := _PATTERN.search(body)) is not None:
        hint = _FIELD_HINTS.get(local) or _number_hint(body) or "the value does not have the required form"
        return f"{subject}: {m.group(1)!r} is not allowed: {hint}"
    if (m := _LIST_ITEM.search(body)) is not None:
        return f"{subject}: the list {m.group(1)[:80]!r} contains an item that is not allowed: " + (
            _FIELD_HINTS.get(local) or "numbers are written with a dot as decimal separator (for example 1.5 or 2e-3)"
        )
    if (m := _ENUM.search(body)) is not None:
        return f"{subject}: {m.group(1)!r} is not one of {m.group(2).replace(chr(39), '')}"
    if (m := _ATOMIC.search(body)) is not None:
        type_local = m.group(2).rsplit("}", 1)[-1].rsplit(":", 1)[-1]
        type_hint = _FIELD_HINTS.get(local) or _TYPE_HINTS.get(type_local)
        if type_hint:
            return f"{subject}: {m.group(1)!r} is not allowed: {type_hint}"
        return f"{subject}: {m.group(1)!r} is not {readable_name(m.group(2))}"
    if "This element is not expected" in body:
        expected = _expected(body)
        return f"{subject} is not allowed here" + (f"; expected {expected}" if expected else "")
    if "Missing child element" in body:
        expected = _expected(body)
        return f"{subject} is incomplete: it needs {expected}" if expected else f"{subject} is incomplete"
    return f"{subject}: {_CLARK.sub(lambda m: readable_name(m.group(0)), body).rstrip('.')}"


def _expected(body: str) -> str:
    m = re.search(r"Expected is(?: one of)? \( (.*) \)", body)
    if not m:
        return ""
    names = [readable_name(n.strip()) for n in m.group(1).split(",")]
    return names[0] if len(names) == 1 else "one of " + ", ".join(names)


def _number_hint(body: str) -> str | None:
    if "[-+]?((\\d*" in body or "\\+?((\\d*" in body:
        return "numbers are written with a dot as decimal separator (for example 1.5 or 2e-3)"
    if "[^\\s]+(\\s+[^\\s]+)*" in body:
        return "the text must not be empty or start or end with spaces"
    return None


def _finding(entry: etree._LogEntry) -> Finding:
    code = "xsd." + entry.type_name.lower().replace("schemav_", "").replace("_", "-")
    return Finding(
        severity=Severity.ERROR,
        code=code,
        message=humanize(entry.message),
        line=entry.line or None,
        path=_CLARK.sub(lambda m: readable_name(m.group(0)), entry.path) if entry.path else None,
        detail=entry.message,
    )
