"""Template helpers: Vietnamese number formats and query-string editing."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.formats import get_format, number_format

register = template.Library()


@register.filter
def num(value, decimals=0):
    """1134 -> "1.134"; 36.246 with decimals=2 -> "36,25" (rounded half up, not cut: Django's
    ``number_format`` drops the extra digits), in the active language's format."""
    if value in (None, ""):
        return "—"
    if type(value) is int and not int(decimals):
        # Fast path for counts (list pages print hundreds): same output as number_format.
        return f"{value:,}".replace(",", get_format("THOUSAND_SEPARATOR"))
    try:
        value = Decimal(str(value))
        value = value.quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return value
    return number_format(value, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)


@register.filter
def pct(value, decimals=2):
    """0.3624 -> "36,24%" (value is a ratio); use ``pct_of`` for counts."""
    if value in (None, ""):
        return "—"
    return f"{num(Decimal(str(value)) * 100, decimals)}%"


@register.simple_tag
def pct_of(part, whole, decimals=1):
    """The share of ``part`` in ``whole`` as "12,5%", or "—" when ``whole`` is 0."""
    if not whole:
        return "—"
    return f"{num(Decimal(part) * 100 / Decimal(whole), decimals)}%"


@register.simple_tag
def date_span(start, end, empty="…"):
    """A period of dates as a Vietnamese reads it: "01/03/2018 – 31/12/2020"; open-ended (no end):
    "từ 01/03/2018 đến nay" (not "vừa mới đây", Django's word for "now" as a moment); no start:
    "… – 31/12/2020"."""
    from django.utils.dateformat import format as date_format
    from django.utils.translation import gettext

    first = date_format(start, "d/m/Y") if start else ""
    if not end:
        return gettext("from %(start)s to date") % {"start": first} if first else gettext("to date")
    return f"{first or empty} – {date_format(end, 'd/m/Y')}"


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with ``kwargs`` replaced (for pagination and sorting links)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def nav_menu(context):
    """The module menu of the base layout (``danvan.core.navigation.render_menu``)."""
    from danvan.core.navigation import render_menu

    return render_menu(context.get("nav_items") or [], context.get("nav_active"))


@register.filter
def rich_text(value):
    """A stored rich-text value (a report's narrative) as safe HTML: sanitized again, and text saved
    without markup gets its paragraphs and line breaks (``danvan.core.rich_text.as_html``)."""
    from danvan.core.rich_text import as_html

    return as_html(value)
