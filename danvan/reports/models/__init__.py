from danvan.reports.models.forms import (
    REPORTED_PERIOD_KINDS,
    Aggregation,
    Form,
    FormVersion,
    Indicator,
    IndicatorRule,
    PeriodKind,
    Section,
    ValueType,
)
from danvan.reports.models.periods import Period
from danvan.reports.models.reports import (
    EDITABLE_STATUSES,
    RECEIVED_STATUSES,
    Report,
    ReportEvent,
    ReportNarrative,
    ReportValue,
    Status,
)
from danvan.reports.models.rollups import NATION, RollupCell, RollupCount

__all__ = [
    "NATION", "Aggregation", "EDITABLE_STATUSES", "Form", "FormVersion", "Indicator", "IndicatorRule", "Period",
    "PeriodKind", "RECEIVED_STATUSES", "REPORTED_PERIOD_KINDS", "Report", "ReportEvent", "ReportNarrative", "ReportValue", "RollupCell", "RollupCount", "Section", "Status",
    "ValueType",
]
