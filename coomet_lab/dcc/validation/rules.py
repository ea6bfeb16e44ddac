"""Semantic rules on top of the XSD: what PTB's Schematron checks, with its known bugs fixed (DCC-RULES.md).

Severities: an ERROR makes the document invalid and is reserved for objective inconsistencies (a reference to a
missing id, an undeclared or missing mandatory language, an end date before the begin date, a unit that does not
parse, list lengths that disagree). Conventions that PTB's tooling enforces but the standard does not (methods and
influence conditions on every quantity, the release format, a text in every used language) are WARNINGs, so real
certificates from other tools are not rejected for them.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation

from lxml import etree

from coomet_lab.dcc.model.binding import DCC_NS, SI_NS, dcc, si
from coomet_lab.dcc.validation.findings import Finding, Severity, element_path, readable_name
from coomet_lab.quantities.units import check_dsi

CURRENT_VERSION = "3.3.0"
NS = {"dcc": DCC_NS, "si": SI_NS}
_IDS = etree.XPath("//@id", smart_strings=False)
_WITH_REFID = etree.XPath("//*[@refId]")
_CONTENT = dcc("content")
# A quantity of a result is covered by methods (conditions) declared on itself, an enclosing list, its
# measurement result or, since DCC 3.3.0, globally on measurementResults.
_COVERING = "self::dcc:quantity or self::dcc:list or self::dcc:measurementResult or self::dcc:measurementResults"
_WITHOUT_METHODS = etree.XPath(
    f".//dcc:result/dcc:data//dcc:quantity[not(ancestor-or-self::*[{_COVERING}][dcc:usedMethods])]", namespaces=NS)
_WITHOUT_CONDITIONS = etree.XPath(
    f".//dcc:result/dcc:data//dcc:quantity[not(ancestor-or-self::*[{_COVERING}][dcc:influenceConditions])]",
    namespaces=NS)
_WITH_EMPTY_CELLS = etree.XPath(
    "//si:valueXMLList[contains(., '?')] | //si:valueExpandedMUXMLList[contains(., '?')]"
    " | //si:value[contains(., '?')] | //si:valueExpandedMU[contains(., '?')]", namespaces=NS)


@functools.lru_cache(maxsize=256)
def _xpath(expression: str) -> etree.XPath:
    """Compiled once per expression (the language rules build theirs from the document's declarations)."""
    return etree.XPath(expression, namespaces=NS)
_RELEASE = re.compile(r"^[a-zA-Z]( )?([0-9]{1,3}\.){0,3}([0-9]{1,3})$")
_DATE = re.compile(r"^(-?[0-9]{4,9})-([0-9]{2})-([0-9]{2})")  # ASCII; int() refuses a 5,000-digit year


class Context:
    """What several rules need: the tree, its declared languages and its ids."""

    def __init__(self, tree: etree._ElementTree, version: str):
        self.tree = tree
        self.root = tree.getroot()
        self.version = version
        core = self.root.find(f"{dcc('administrativeData')}/{dcc('coreData')}")
        self.used_languages = (
            [el.text or "" for el in core.iterfind(dcc("usedLangCodeISO639_1"))] if core is not None else []
        )
        self.mandatory_languages = (
            [el.text or "" for el in core.iterfind(dcc("mandatoryLangCodeISO639_1"))] if core is not None else []
        )

    def finding(self, severity: Severity, code: str, message: str, el: etree._Element | None) -> Finding:
        if el is None:
            return Finding(severity, code, message)
        return Finding(severity, code, message, line=el.sourceline, path=element_path(el))


Rule = Callable[[Context], Iterator[Finding]]


def check_rules(tree: etree._ElementTree, version: str) -> list[Finding]:
    """Run every semantic rule; findings come in rule order, each rule in document order."""
    context = Context(tree, version)
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(context))
    return findings


# ------------------------------------------------------------------------------------------- version


def rule_version(ctx: Context) -> Iterator[Finding]:
    if ctx.version != CURRENT_VERSION:
        yield ctx.finding(
            Severity.INFO, "rule.version.older",
            f"this is a DCC {ctx.version} document; the current version is {CURRENT_VERSION} "
            "('coomet-lab dcc upgrade' converts it)", ctx.root,
        )


# ----------------------------------------------------------------------------------------- references


def rule_references(ctx: Context) -> Iterator[Finding]:
    ids = set(_IDS(ctx.root))
    for el in _WITH_REFID(ctx.root):
        ref = el.get("refId")
        if ref != " ".join(ref.split()):
            yield ctx.finding(Severity.WARNING, "rule.refid.spacing",
                              f"refId {ref!r} should separate its ids with single spaces", el)
        for token in ref.split():
            if token not in ids:
                yield ctx.finding(Severity.ERROR, "rule.refid.dangling",
                                  f"refId points to {token!r}, but no element has id={token!r}", el)


# ------------------------------------------------------------------------------------------ languages


@functools.cache
def _iso_languages() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


@functools.cache
def _iso_countries() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_2 for country in pycountry.countries)


def rule_language_declarations(ctx: Context) -> Iterator[Finding]:
    seen: set[str] = set()
    for el in ctx.root.iter(dcc("usedLangCodeISO639_1"), dcc("mandatoryLangCodeISO639_1")):
        code = el.text or ""
        if code not in _iso_languages():
            yield ctx.finding(Severity.ERROR, "rule.language.unknown",
                              f"{code!r} is not an ISO 639-1 language code", el)
        if el.tag == dcc("usedLangCodeISO639_1"):
            if code in seen:
                yield ctx.finding(Severity.ERROR, "rule.language.duplicate", f"language {code!r} is declared twice", el)
            seen.add(code)
        elif code not in ctx.used_languages:
            yield ctx.finding(Severity.ERROR, "rule.language.mandatory_unused",
                              f"mandatory language {code!r} is not among the used languages", el)
    for el in ctx.root.iter(dcc("countryCodeISO3166_1"), dcc("countryCode")):
        code = el.text or ""
        if code not in _iso_countries():
            yield ctx.finding(Severity.ERROR, "rule.country.unknown", f"{code!r} is not an ISO 3166-1 country code", el)


def rule_multilingual_text(ctx: Context) -> Iterator[Finding]:
    """Every language-tagged text uses declared languages, once each, and gives every mandatory language."""
    used, mandatory = set(ctx.used_languages), set(ctx.mandatory_languages)
    optional = used - mandatory
    groups: dict[etree._Element, list[str]] = {}
    for content in ctx.root.iter(_CONTENT):
        lang = content.get("lang")
        if lang is None:
            continue
        groups.setdefault(content.getparent(), []).append(lang)
        if lang not in used:
            yield ctx.finding(Severity.ERROR, "rule.language.undeclared",
                              f"text in language {lang!r}, which is not declared in usedLangCodeISO639_1", content)
    for parent, langs in groups.items():
        present = set(langs)
        name = readable_name(parent.tag)
        if len(present) != len(langs):
            repeated = ", ".join(sorted({lang for lang in langs if langs.count(lang) > 1}))
            yield ctx.finding(Severity.ERROR, "rule.language.repeated",
                              f"{name} gives the text in {repeated} more than once", parent)
        if not mandatory <= present:
            yield ctx.finding(Severity.ERROR, "rule.language.missing_mandatory",
                              f"{name} lacks the mandatory language(s) {', '.join(sorted(mandatory - present))}",
                              parent)
        if not optional <= present:
            yield ctx.finding(Severity.WARNING, "rule.language.missing",
                              f"{name} is not given in {', '.join(sorted(optional - present))} "
                              "although the certificate declares it", parent)


# ------------------------------------------------------------------------------------------------ dates


def _date(el: etree._Element | None) -> tuple[int, int, int] | None:
    if el is None or not el.text:
        return None
    m = _DATE.match(el.text.strip())
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def rule_dates(ctx: Context) -> Iterator[Finding]:
    core = ctx.root.find(f"{dcc('administrativeData')}/{dcc('coreData')}")
    if core is None:
        return
    begin_el, end_el = core.find(dcc("beginPerformanceDate")), core.find(dcc("endPerformanceDate"))
    receipt_el, issue_el = core.find(dcc("receiptDate")), core.find(dcc("issueDate"))
    begin, end, receipt, issue = _date(begin_el), _date(end_el), _date(receipt_el), _date(issue_el)
    if begin and end and begin > end:
        yield ctx.finding(Severity.ERROR, "rule.date.order",
                          f"the calibration ends ({end_el.text}) before it begins ({begin_el.text})", end_el)
    if issue and end and issue < end:
        yield ctx.finding(Severity.ERROR, "rule.date.issue",
                          f"the certificate is issued ({issue_el.text}) before the calibration ended ({end_el.text})",
                          issue_el)
    if receipt and end and receipt > end:
        yield ctx.finding(Severity.WARNING, "rule.date.receipt",
                          f"the item was received ({receipt_el.text}) after the calibration ended ({end_el.text})",
                          receipt_el)


# ------------------------------------------------------------------------------------------------ units


_UNIT_TAGS = (si("unit"), si("listUnit"))
_UNIT_LIST_TAGS = (si("unitXMLList"),)


def rule_units(ctx: Context) -> Iterator[Finding]:
    declared_non_si = {(el.text or "").strip() for el in ctx.root.iter(dcc("nonSIUnit"))}
    for el in ctx.root.iter(*_UNIT_TAGS, *_UNIT_LIST_TAGS):
        text = el.text or ""
        units = [text.strip()] if el.tag in _UNIT_TAGS else sorted(set(text.split()))
        if el.tag in _UNIT_TAGS and re.search(r"\s", text.strip()):
            yield ctx.finding(Severity.ERROR, "rule.unit.spaces", f"the unit {text!r} contains spaces", el)
            continue
        for unit in units:
            problem = check_dsi(unit)
            if problem:
                yield ctx.finding(Severity.ERROR, "rule.unit.invalid", f"unit {unit!r}: {problem}", el)
            elif unit.startswith("|") and unit not in declared_non_si and unit[1:] not in declared_non_si:
                yield ctx.finding(Severity.WARNING, "rule.unit.non_si_undeclared",
                                  f"the non-SI unit {unit!r} is not declared in a statement (dcc:nonSIUnit)", el)


# ------------------------------------------------------------------------------------------- value lists

_VALUE_LISTS = ("valueXMLList",)
_PER_VALUE_LISTS = (
    "labelXMLList", "unitXMLList", "significantDigitXMLList", "dateTimeXMLList", "quantityTypeQUDTXMLList",
    "valueExpandedMUXMLList", "valueStandardMUXMLList", "coverageFactorXMLList", "coverageProbabilityXMLList",
    "distributionXMLList", "intervalMinXMLList", "intervalMaxXMLList", "uncertaintyXMLList", "standardUncXMLList",
)
_SPACED_LISTS = (*_VALUE_LISTS, *_PER_VALUE_LISTS, "valueRealXMLList", "valueImagXMLList",
                 "valueMagnitudeXMLList", "valuePhaseXMLList")


def count_items(text: str | None) -> int:
    """Number of items in an XML list, without splitting huge lists when they are already single-spaced."""
    if not text:
        return 0
    if " " not in text and "\t" not in text and "\n" not in text and "\r" not in text:
        return 1
    if _single_spaced(text):
        return text.count(" ") + 1
    return len(text.split())


def _single_spaced(text: str) -> bool:
    return (
        text.isascii() and "  " not in text and "\t" not in text and "\n" not in text and "\r" not in text
        and not text.startswith(" ") and not text.endswith(" ")
    )


_PER_VALUE_TAGS = tuple(si(name) for name in _PER_VALUE_LISTS)


_LENGTH_CONTAINERS = (si("realListXMLList"), dcc("relativeUncertaintyXmlList"), si("hybrid"),
                      si("complexListXMLList"), dcc("relativeUncertainty"))


def rule_list_lengths(ctx: Context) -> Iterator[Finding]:
    for container in ctx.root.iter(*_LENGTH_CONTAINERS):
        tag = container.tag
        if tag == si("hybrid"):
            yield from _hybrid_lengths(ctx, container)
        elif tag == si("complexListXMLList"):
            yield from _complex_lengths(ctx, container)
        elif tag == dcc("relativeUncertainty"):
            yield from _relative_lengths(ctx, container)
        else:
            yield from _per_value_lengths(ctx, container)


def _per_value_lengths(ctx: Context, container: etree._Element) -> Iterator[Finding]:
    values = container.find(si("valueXMLList"))
    if values is None:
        return
    n = count_items(values.text)
    for el in container.iter(*_PER_VALUE_TAGS):
        count = count_items(el.text)
        if count not in (1, n):
            yield ctx.finding(Severity.ERROR, "rule.list.length",
                              f"{readable_name(el.tag)} has {count} entries for {n} values "
                              "(give one entry for all values, or one per value)", el)


def _relative_lengths(ctx: Context, relative_el: etree._Element) -> Iterator[Finding]:
    relative = relative_el.find(f"{dcc('relativeUncertaintyXmlList')}/{si('valueXMLList')}")
    quantity = relative_el.getparent()
    values = quantity.find(f"{si('realListXMLList')}/{si('valueXMLList')}") if quantity is not None else None
    if relative is not None and values is not None:
        n, m = count_items(values.text), count_items(relative.text)
        if m not in (1, n):
            yield ctx.finding(Severity.ERROR, "rule.list.relative_length",
                              f"the relative uncertainty has {m} values for {n} measured values", relative)


def _hybrid_lengths(ctx: Context, hybrid: etree._Element) -> Iterator[Finding]:
    counts = [count_items(v.text) for v in hybrid.iterfind(f"{si('realListXMLList')}/{si('valueXMLList')}")]
    if len(set(counts)) > 1:
        yield ctx.finding(Severity.ERROR, "rule.hybrid.length",
                          f"the units of this hybrid quantity give different numbers of values {counts}", hybrid)


def _complex_lengths(ctx: Context, complex_list: etree._Element) -> Iterator[Finding]:
    counts = {readable_name(el.tag): count_items(el.text) for el in complex_list
              if isinstance(el.tag, str) and el.tag.endswith(("RealXMLList", "ImagXMLList", "MagnitudeXMLList",
                                                              "PhaseXMLList"))}
    if len(set(counts.values())) > 1:
        yield ctx.finding(Severity.ERROR, "rule.list.complex_length",
                          f"the parts of a complex list differ in length: {counts}", complex_list)


EMPTY_CELL = "?"


def rule_empty_cells(ctx: Context) -> Iterator[Finding]:
    """A table cell not yet filled (the editor's placeholder) can never be issued."""
    for el in _WITH_EMPTY_CELLS(ctx.root):
        items = (el.text or "").split()
        empty = [i + 1 for i, item in enumerate(items) if item == EMPTY_CELL]
        if empty:
            rows = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
            what = "uncertainty" if "ExpandedMU" in el.tag else "value"
            yield ctx.finding(Severity.ERROR, "rule.table.empty_cell",
                              f"{_column_name(el)}: the {what} in row {rows} is empty", el)


def _column_name(el: etree._Element) -> str:
    node: etree._Element | None = el
    while node is not None and node.tag != dcc("quantity"):
        node = node.getparent()
    if node is not None:
        content = node.find(f"{dcc('name')}/{dcc('content')}")
        if content is not None and content.text:
            return repr(content.text)
    return readable_name(el.tag)


def rule_table_columns(ctx: Context) -> Iterator[Finding]:
    for dcc_list in ctx.root.iter(dcc("list")):
        lengths = []
        for quantity in dcc_list.findall(dcc("quantity")):
            values = quantity.find(f"{si('realListXMLList')}/{si('valueXMLList')}")
            if values is None:
                values = quantity.find(f"{si('hybrid')}/{si('realListXMLList')}/{si('valueXMLList')}")
            if values is not None:
                lengths.append(count_items(values.text))
        if len(set(lengths)) > 1:
            yield ctx.finding(Severity.WARNING, "rule.table.length",
                              f"the columns of this table have different lengths {lengths}", dcc_list)


def rule_list_spacing(ctx: Context) -> Iterator[Finding]:
    tags = [si(name) for name in _SPACED_LISTS] + [dcc("dateTimeXMLList"), dcc("conformityXMLList")]
    for el in ctx.root.iter(*tags):
        text = el.text or ""
        if text and not _single_spaced(text) and text != " ".join(text.split()):
            yield ctx.finding(Severity.WARNING, "rule.list.spacing",
                              f"{readable_name(el.tag)} should separate its entries with single spaces", el)


# -------------------------------------------------------------------------------------- uncertainty


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal((text or "").strip())
    except InvalidOperation:
        return None


def rule_coverage(ctx: Context) -> Iterator[Finding]:
    for parent in ctx.root.iter(si("expandedMU"), si("expandedUnc"), si("expandedMUXMLList"),
                                si("expandedUncXMLList")):
        k_el = parent.find(si("coverageFactor")) if parent.find(si("coverageFactor")) is not None else parent.find(
            si("coverageFactorXMLList"))
        p_el = parent.find(si("coverageProbability"))
        if p_el is None:
            p_el = parent.find(si("coverageProbabilityXMLList"))
        dist_el = parent.find(si("distribution"))
        if dist_el is None:
            dist_el = parent.find(si("distributionXMLList"))
        ks = (k_el.text or "").split() if k_el is not None else []
        ps = (p_el.text or "").split() if p_el is not None else []
        for k in ks:
            value = _decimal(k)
            if value is not None and (value.is_nan() or value < 1):
                yield ctx.finding(Severity.ERROR, "rule.coverage.factor",
                                  f"the coverage factor must be a number of at least 1, found {k!r}", k_el)
        for p in ps:
            value = _decimal(p)
            if value is not None and (value.is_nan() or value <= 0 or value > 1):
                yield ctx.finding(Severity.ERROR, "rule.coverage.probability",
                                  f"the coverage probability must be above 0 and at most 1, found {p!r}", p_el)
        distribution = (dist_el.text or "").strip().lower() if dist_el is not None else "normal"
        if len(ks) == 1 and len(ps) == 1 and distribution in ("", "normal", "gaussian"):
            yield from _normal_consistency(ctx, ks[0], ps[0], p_el)


def _normal_consistency(ctx: Context, k_text: str, p_text: str, el: etree._Element) -> Iterator[Finding]:
    k, p = _decimal(k_text), _decimal(p_text)
    if k is None or p is None or k.is_nan() or p.is_nan() or k < 1 or not 0 < p <= 1:
        return
    expected = math.erf(float(k) / math.sqrt(2))
    if abs(float(p) - expected) > 0.05:
        yield ctx.finding(Severity.WARNING, "rule.coverage.inconsistent",
                          f"k = {k_text} with p = {p_text} does not fit a normal distribution "
                          f"(k = {k_text} covers about {expected:.3f})", el)


# -------------------------------------------------------------------------------- methods, conditions


_METHOD_MESSAGE = ("this quantity has no method: add dcc:usedMethods to it, its list or its measurement result")
_CONDITIONS_MESSAGE = "no influence conditions (such as ambient temperature) apply to this quantity"


def rule_methods_and_conditions(ctx: Context) -> Iterator[Finding]:
    results = ctx.root.find(dcc("measurementResults"))
    if results is None:
        return
    checks = [(tag, query, code, message) for tag, query, code, message in (
        (dcc("usedMethods"), _WITHOUT_METHODS, "rule.quantity.method", _METHOD_MESSAGE),
        (dcc("influenceConditions"), _WITHOUT_CONDITIONS, "rule.quantity.conditions", _CONDITIONS_MESSAGE),
    ) if results.find(tag) is None]
    for measurement_result in results.iterchildren(dcc("measurementResult")):
        for tag, query, code, message in checks:
            if measurement_result.find(tag) is None:  # otherwise every quantity inside is covered
                for quantity in query(measurement_result):
                    yield ctx.finding(Severity.WARNING, code, message, quantity)


# ----------------------------------------------------------------------------------- administrative


def rule_release(ctx: Context) -> Iterator[Finding]:
    for el in ctx.root.iter(dcc("release")):
        if not _RELEASE.match(el.text or ""):
            yield ctx.finding(Severity.WARNING, "rule.release.format",
                              f"release {el.text!r} does not follow PTB's form (a letter, then up to four numbers, "
                              "for example v1.2.3)", el)


def rule_signers(ctx: Context) -> Iterator[Finding]:
    main = [el for el in ctx.root.iter(dcc("mainSigner")) if (el.text or "").strip() in ("true", "1")]
    if len(main) > 1:
        yield ctx.finding(Severity.WARNING, "rule.signer.several_main",
                          f"{len(main)} persons are marked as main signer", main[1])


RULES: tuple[Rule, ...] = (
    rule_version,
    rule_references,
    rule_language_declarations,
    rule_multilingual_text,
    rule_dates,
    rule_units,
    rule_list_lengths,
    rule_empty_cells,
    rule_table_columns,
    rule_list_spacing,
    rule_coverage,
    rule_methods_and_conditions,
    rule_release,
    rule_signers,
)

__all__ = ["check_rules", "count_items", "RULES", "Context", "DCC_NS", "SI_NS"]
