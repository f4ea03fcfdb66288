"""A report's history names its figures: the audit of a report's figures is keyed by indicator code
(``DV_TH_TIEN``); the record's page shows the indicator's name and the value in the Vietnamese format."""

from danvan.core.interfaces.history import number
from danvan.reports.models import Indicator


def describe_codes(report, keys) -> dict:
    """{code: (indicator name, format)} for the codes of ``keys`` in the report's form version (a code
    the version lacks keeps its code). One query."""
    rows = Indicator.objects.filter(version_id=report.form_version_id, code__in=list(keys)).only(
        "code", "name", "value_type")
    return {row.code: (row.name, str if row.value_type == "text" else number) for row in rows}
