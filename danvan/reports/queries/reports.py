"""Per-user report lists and the content of one report for display."""

from danvan.core.text import fold
from danvan.reports.models import Report
from danvan.reports.queries.scope import visible_reports


def filter_reports(user, *, form=None, period=None, status=None, q=None, **_ignored):
    qs = visible_reports(user).select_related("organization__area", "period", "form")
    if form:
        qs = qs.filter(form=form)
    if period:
        qs = qs.filter(period=period)
    if status:
        qs = qs.filter(status=status)
    for word in fold(q or "").split():
        qs = qs.filter(organization__name_folded__contains=word)
    return qs.order_by("-period__end", "period__kind", "organization__name_sort", "id")


def report_content(report: Report, indicators=None):
    """[(section, [(indicator, value)], narrative HTML)] in the form's order; values are Decimal or text."""
    from danvan.reports.rules.validation import indicators_for

    indicators = indicators if indicators is not None else indicators_for(report.form_version, report.organization)
    stored = {v.indicator_id: (v.text if v.indicator.value_type == "text" else v.value)
              for v in report.values.select_related("indicator")}
    narratives = {n.section_id: n.html for n in report.narratives.all()}
    result = []
    for section in report.form_version.sections.all():
        rows = [(ind, stored.get(ind.id)) for ind in indicators if ind.section_id == section.id]
        result.append((section, rows, narratives.get(section.id, "")))
    return result
