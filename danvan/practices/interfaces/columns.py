"""The spreadsheet columns shared by the XLSX export, the import template and the importer."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from danvan.core.text import fold
from danvan.practices.models import Holder, PracticeField, PracticeKind, RecognitionLevel, Status


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # lazy translation
    width: int = 18
    required: bool = False
    choices: type | None = None  # a TextChoices class


COLUMNS = [
    Column("id", _("Number"), 9),
    Column("name", _("Model name"), 50, required=True),
    Column("kind", _("Kind"), 12, choices=PracticeKind),
    Column("holder", _("Holder"), 12, choices=Holder),
    Column("person_name", _("Person (for an individual)"), 24),
    Column("field", _("Field"), 26, required=True, choices=PracticeField),
    Column("organization", _("Registering organization"), 40, required=True),
    Column("area", _("Area number"), 12),
    Column("area_name", _("Area"), 28),
    Column("year", _("Year"), 8, required=True),
    Column("campaign", _("Campaign number"), 12),
    Column("situation", _("Current situation and reason"), 30),
    Column("goals", _("Goals and criteria"), 30),
    Column("content", _("Content and method"), 30),
    Column("beneficiaries_scope", _("Area and beneficiaries"), 30),
    Column("forces", _("Lead and coordinating forces"), 30),
    Column("resources", _("Resources and timeline"), 30),
    Column("outputs", _("Verifiable outputs"), 30),
    Column("sustainability", _("Ability to sustain and replicate"), 30),
    Column("beneficiaries", _("Number of beneficiaries"), 12),
    Column("status", _("Status"), 16, choices=Status),
    Column("level", _("Recognition level"), 16, choices=RecognitionLevel),
    Column("decision_number", _("Decision number"), 16),
    Column("decision_date", _("Decision date"), 14),
    Column("is_outstanding", _("Outstanding"), 10),
    Column("replicates", _("Replicates model number"), 14),
]
# Columns the importer reads (the export's "Number" and "Area" name are informative only).
IMPORT_COLUMNS = [c for c in COLUMNS if c.key not in {"id", "area_name"}]


def choice_lookup(choices) -> dict:
    """folded label or value -> value, in Vietnamese and English, so "Kinh tế", "kinh te" and
    "economy" all mean the same."""
    from django.utils import translation

    table = {}
    for value, label in choices.choices:
        table[fold(value)] = value
        for lang in ("vi", "en"):
            with translation.override(lang):
                table[fold(str(label))] = value
    return table
