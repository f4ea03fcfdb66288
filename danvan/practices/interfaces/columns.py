"""The spreadsheet columns shared by the XLSX export, the import template and the importer."""

import unicodedata
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


def marks(text: str) -> str:
    """The diacritics of ``text`` in order, whichever letter carries them ("hóa" and "hoá" agree)."""
    nfd = unicodedata.normalize("NFD", (text or "").lower())
    return "".join("đ" if ch == "đ" else ch for ch in nfd if unicodedata.combining(ch) or ch == "đ")


def choice_key(text: str) -> str:
    """How a spreadsheet value is matched to a choice: letters ignoring case and punctuation, and the
    diacritics it carries. "Kinh tế" and "kinh  tế" match; "kinh tê" (a wrong mark) does not; a value
    typed without any diacritic ("kinh te") is matched on its letters alone."""
    text = str(text or "")
    found = marks(text)
    return fold(text) + ("|" + found if found else "")


def choice_lookup(choices) -> dict:
    """key -> value for the Vietnamese and English labels and the codes of ``choices``."""
    from django.utils import translation

    table = {}
    for value, label in choices.choices:
        table[fold(value)] = value
        for lang in ("vi", "en"):
            with translation.override(lang):
                table[choice_key(str(label))] = value
                table[fold(str(label))] = value
    return table
