"""Numbers as technicians type them, turned into D-SI decimal text without losing a digit.

A value is kept as the text it was entered with (``10.0021`` never becomes ``10.002099999``): parsing only checks
the form, swaps a decimal comma for a dot where the locale uses one, and removes digit-group spaces. Arithmetic
(GUM rounding, deviations) uses :class:`decimal.Decimal` built from that text.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from coomet_lab.kernel.errors import NumberFormatError

# si:decimalType (D-SI 2.2): the only form a number may take in the XML.
DSI_DECIMAL = re.compile(r"[-+]?(?:\d*\.\d+|\d+\.\d*|\d+\.?)(?:[Ee][-+]?\d+)?|NaN", re.ASCII)
_GROUP_SPACES = re.compile(r"(?<=\d)[ \u00a0\u2009\u202f'](?=\d{3}(?:\D|$))")
_TIMES_TEN = re.compile(r"\s*[×x*·⋅]\s*10\s*(?:\^|\*\*)?\s*([-+−]?\d+|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*$")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")


def parse_number(text: str, *, decimal_separator: str = ".") -> str:
    """The D-SI text of a typed number: ``"1,5"`` → ``"1.5"`` (where the locale uses a comma), ``"2·10⁻³"`` →
    ``"2e-3"``.

    With ``decimal_separator=","`` both comma and dot are read as the decimal mark; with ``"."`` a comma is an
    error, because in such locales it could be a thousands separator and guessing would change the number.
    """
    original = text
    cleaned = (text or "").strip().replace("\u2212", "-")
    if not cleaned:
        raise NumberFormatError(text=original, detail="nothing was entered")
    cleaned = _GROUP_SPACES.sub("", cleaned)
    cleaned = _times_ten_to_exponent(cleaned)
    if "," in cleaned:
        if decimal_separator != ",":
            raise NumberFormatError(text=original, detail="use a dot as the decimal separator (for example 1.5)")
        if "." in cleaned or cleaned.count(",") > 1:
            raise NumberFormatError(text=original, detail="more than one decimal separator")
        cleaned = cleaned.replace(",", ".")
    if DSI_DECIMAL.fullmatch(cleaned):
        return cleaned
    raise NumberFormatError(text=original, detail=_why_not(cleaned))


def _times_ten_to_exponent(text: str) -> str:
    m = _TIMES_TEN.search(text)
    if not m or m.start() == 0:
        return text
    exponent = m.group(1).translate(_SUPERSCRIPTS).replace("−", "-")
    return f"{text[:m.start()]}e{exponent}"


def _why_not(text: str) -> str:
    lowered = text.lower()
    if lowered in ("inf", "+inf", "-inf", "infinity", "∞"):
        return "infinite values cannot be written in a DCC"
    if lowered == "nan":
        return "write NaN exactly like this for a missing value"
    if re.search(r"[eE][-+]?$", text):
        return "the exponent after 'e' is missing"
    if re.search(r"\d\s+\d", text):
        return "spaces inside a number are only allowed between groups of three digits"
    bad = re.search(r"[^0-9.eE+\-]", text)
    if bad:
        return f"unexpected character {bad.group(0)!r}"
    return "not a decimal number (write for example 1.5, -0.002 or 2.5e-3)"


_DSI_DECIMAL_LIST = re.compile(
    r"(?:[-+]?+(?:[0-9]++(?:\.[0-9]*+)?+|\.[0-9]++)(?:[Ee][-+]?+[0-9]++)?+|NaN)"
    r"(?: (?:[-+]?+(?:[0-9]++(?:\.[0-9]*+)?+|\.[0-9]++)(?:[Ee][-+]?+[0-9]++)?+|NaN))*+"
)


def parse_number_list(texts: list[str] | tuple[str, ...], *, decimal_separator: str = ".",
                      empty: str | None = None) -> str:
    """Many typed numbers as one D-SI list text (single spaces).

    A column already written the way D-SI wants it (a million values from an instrument file) is checked by one
    regular expression over the joined text; anything else goes through :func:`parse_number` value by value, so
    the error names the first bad value.
    """
    joined = " ".join(texts)
    if texts and _DSI_DECIMAL_LIST.fullmatch(joined):
        return joined
    items = []
    for text in texts:
        if empty is not None and text.strip() == "":
            items.append(empty)
        else:
            items.append(parse_number(text, decimal_separator=decimal_separator))
    return " ".join(items)


def parse_non_negative(text: str, *, decimal_separator: str = ".") -> str:
    """An uncertainty: a number that is not negative."""
    value = parse_number(text, decimal_separator=decimal_separator)
    if value.startswith("-") and to_decimal(value) != 0:
        raise NumberFormatError(text=text, detail="an uncertainty cannot be negative")
    return value.lstrip("+") if value.startswith("+") else value


def parse_coverage_factor(text: str, *, decimal_separator: str = ".") -> str:
    value = parse_number(text, decimal_separator=decimal_separator)
    if value == "NaN" or to_decimal(value) < 1 or not re.fullmatch(r"\+?[1-9]\d*(\.\d*)?", value):
        raise NumberFormatError(text=text, detail="the coverage factor k is a number of at least 1, such as 2")
    return value


def parse_probability(text: str, *, decimal_separator: str = ".") -> str:
    value = parse_number(text, decimal_separator=decimal_separator)
    if value.endswith("%"):
        value = value[:-1]
    if not re.fullmatch(r"\+?(0(\.\d*)?|1(\.0*)?)", value):
        raise NumberFormatError(text=text, detail="the coverage probability is between 0 and 1, such as 0.95")
    return value


def to_decimal(text: str) -> Decimal:
    """Exact decimal value of D-SI number text."""
    try:
        return Decimal(text)
    except InvalidOperation:
        raise NumberFormatError(text=text, detail="not a decimal number") from None


def decimal_text(value: Decimal) -> str:
    """D-SI text of a Decimal, in plain notation for everyday magnitudes and keeping trailing zeros."""
    if value.is_nan():
        return "NaN"
    exponent = value.adjusted()
    if -7 <= exponent <= 15:
        return format(value, "f")
    return format(value, "E").replace("E+", "E")


_WHOLE = re.compile(r"[0-9]{1,18}")


def whole_number(text: str) -> int | None:
    """A record number, position or year typed as plain ASCII digits (at most 18, so it fits SQLite's INTEGER), or
    None. ``str.isdigit`` is not enough for text from outside: it accepts "²" and "¹²³" (which ``int`` then refuses)
    and 5,000 digits (which ``int`` refuses above 4,300)."""
    return int(text) if _WHOLE.fullmatch(text) else None
