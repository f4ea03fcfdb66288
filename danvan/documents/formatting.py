"""Numbers in Party documents, always in the Vietnamese style whatever the interface language:
1134 -> "1.134", 36.24 -> "36,24", 36.24 as a percentage -> "36,24%"."""

from decimal import ROUND_HALF_UP, Decimal


def format_number(value, decimals: int = 0) -> str:
    """``value`` with "." between thousands and "," before ``decimals`` decimal places; "—" for None."""
    if value is None or value == "":
        return "—"
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join(groups) or "0"
    return f"{sign}{text},{fraction}" if decimals else f"{sign}{text}"


def format_percent(value, decimals: int = 2) -> str:
    """A percentage given in percent (not a ratio): 36.24 -> "36,24%"."""
    if value is None or value == "":
        return "—"
    return f"{format_number(value, decimals)}%"


def format_cell(value) -> str:
    """A table cell: int -> "1.134"; float -> two decimals; Decimal -> its own decimals; text as is."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, float):
        return format_number(value, 2)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return format_number(value, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return str(value)
