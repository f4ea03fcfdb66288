"""The default Party terms (the data migration 0002 creates the same rows)."""

import datetime

from danvan.documents.models import PartyTerm

DEFAULT_TERMS = [
    ("2020–2025", datetime.date(2020, 10, 1), datetime.date(2025, 9, 30)),
    ("2025–2030", datetime.date(2025, 10, 1), datetime.date(2030, 9, 30)),
]


def ensure_default_terms() -> list[PartyTerm]:
    """Create the default terms that are missing (by name); leave edited ones alone.

    Effects: inserts missing ``PartyTerm`` rows. For the demo and for tests that flushed the database.
    """
    return [PartyTerm.objects.get_or_create(name=name, defaults={"start": start, "end": end})[0]
            for name, start, end in DEFAULT_TERMS]
