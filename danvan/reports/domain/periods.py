"""Creating a period on demand (the rules of periods are in ``reports.rules.periods``)."""

from django.utils import translation

from danvan.reports.models import Period
from danvan.reports.rules.periods import bounds, check_kind, label_for


def get_period(kind: str, year: int, index: int = 1) -> Period:
    """The period, created when first asked for (its stored label in Vietnamese).

    Effects: may insert one ``Period`` row.
    """
    check_kind(kind, index)
    start, end = bounds(kind, year, index)
    with translation.override("vi"):  # the stored label is the official Vietnamese one
        label = label_for(kind, start, end)
    period, _created = Period.objects.get_or_create(kind=kind, start=start, defaults={"end": end, "label": label})
    return period
