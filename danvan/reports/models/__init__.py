from danvan.reports.models.forms import (
    Aggregation,
    Form,
    FormVersion,
    Indicator,
    IndicatorRule,
    PeriodKind,
    Section,
    ValueType,
)
from danvan.reports.models.notifications import Notification
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

__all__ = [
    "Aggregation", "EDITABLE_STATUSES", "Form", "FormVersion", "Indicator", "IndicatorRule", "Notification", "Period",
    "PeriodKind", "RECEIVED_STATUSES", "Report", "ReportEvent", "ReportNarrative", "ReportValue", "Section", "Status",
    "ValueType",
]
