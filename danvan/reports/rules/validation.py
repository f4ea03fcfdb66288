"""Checking report values: types, bounds and the relations between indicators (rules as data).
Every message is Vietnamese and names the indicator."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from danvan.places.models import AreaReach
from danvan.reports.models import Indicator, IndicatorRule, ValueType

_NUMBER = re.compile(r"^-?[0-9.,]+$")


def parse_number(raw, value_type: str) -> Decimal:
    """A number typed the Vietnamese way ("1.134", "36,24") or sent as a JSON number. Raises ValueError."""
    if isinstance(raw, Decimal | int | float) and not isinstance(raw, bool):
        return Decimal(str(raw))
    text = str(raw).strip().replace(" ", "").replace("\u00a0", "").removesuffix("%")
    if not _NUMBER.match(text):
        raise ValueError(text)
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") > 1 or value_type in (ValueType.INTEGER, ValueType.MONEY):
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def indicators_for(version, organization) -> list[Indicator]:
    """The indicators of ``version`` that apply to ``organization`` (by kind and by area)."""
    indicators = list(version.indicators.select_related("section").prefetch_related("applies_to_areas"))
    area_ids = None
    result = []
    for ind in indicators:
        if ind.applies_to_kinds and organization.kind not in ind.applies_to_kinds:
            continue
        limited = [a.id for a in ind.applies_to_areas.all()]
        if limited:
            if area_ids is None:
                area_ids = set(AreaReach.objects.filter(descendant_id=organization.area_id)
                               .values_list("ancestor_id", flat=True))
            if not area_ids.intersection(limited):
                continue
        result.append(ind)
    return result


def fmt_number(value) -> str:
    """A number the Vietnamese way, without trailing zeros ("1.134", "36,24"; ``None``: "")."""
    return "" if value is None else _fmt(Decimal(value))


def _fmt(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    whole, _sep, frac = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".") if whole.lstrip("-").isdigit() else whole
    return f"{grouped},{frac}" if frac else grouped


def clean_values(indicators: list[Indicator], raw: dict, rules: list[IndicatorRule], *, for_submit=False):
    """Check ``raw`` ({code: text or number}) against the indicators and rules.

    Returns (cleaned {code: Decimal | str | None}, errors {code: message}). Nothing is saved here.
    """
    cleaned, errors = {}, {}
    for ind in indicators:
        value = raw.get(ind.code)
        if value is None or (isinstance(value, str) and not value.strip()):
            cleaned[ind.code] = None
            if for_submit and ind.required:
                errors[ind.code] = _('"%(name)s" (%(code)s): this figure is required before the report is '
                                     'submitted.') % {"name": ind.name, "code": ind.code}
            continue
        if ind.value_type == ValueType.TEXT:
            cleaned[ind.code] = str(value).strip()
            continue
        try:
            number = parse_number(value, ind.value_type)
        except ValueError:
            errors[ind.code] = _('"%(name)s" (%(code)s): "%(value)s" is not a number.') % {
                "name": ind.name, "code": ind.code, "value": value}
            continue
        if ind.value_type in (ValueType.INTEGER, ValueType.MONEY) and number != number.to_integral_value():
            errors[ind.code] = _('"%(name)s" (%(code)s): enter a whole number.') % {"name": ind.name, "code": ind.code}
            continue
        if ind.min_value is not None and number < ind.min_value:
            errors[ind.code] = _('"%(name)s" (%(code)s): must be at least %(min)s.') % {
                "name": ind.name, "code": ind.code, "min": _fmt(ind.min_value)}
            continue
        if ind.max_value is not None and number > ind.max_value:
            errors[ind.code] = _('"%(name)s" (%(code)s): must be at most %(max)s.') % {
                "name": ind.name, "code": ind.code, "max": _fmt(ind.max_value)}
            continue
        cleaned[ind.code] = number
    by_code = {ind.code: ind for ind in indicators}
    for rule in rules:
        left, right = cleaned.get(rule.left_code), cleaned.get(rule.right_code)
        if not isinstance(left, Decimal) or not isinstance(right, Decimal) or rule.left_code in errors:
            continue
        if not rule.holds(left, right):
            errors[rule.left_code] = _('"%(name)s" (%(code)s): %(message)s (entered %(value)s; "%(other)s": %(limit)s)') % {
                "name": by_code[rule.left_code].name, "code": rule.left_code, "message": rule.message,
                "value": _fmt(left), "other": by_code[rule.right_code].name, "limit": _fmt(right)}
    return cleaned, errors
