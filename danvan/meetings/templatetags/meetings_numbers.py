"""A fast ``num`` for whole counts: the task overview prints hundreds of them per page and the general
``num`` filter (Decimal + ``number_format``) costs ~0.1 ms each. Same output as ``num`` (tested)."""

from django import template
from django.utils.formats import get_format

from danvan.core.templatetags.dv import num

register = template.Library()


@register.filter
def count(value):
    """12500 -> "12.500" (the active language's thousand separator); anything else goes to ``num``."""
    if type(value) is not int or get_format("NUMBER_GROUPING") != 3:
        return num(value)
    return f"{value:,}".replace(",", get_format("THOUSAND_SEPARATOR"))
