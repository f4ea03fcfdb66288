"""Per-user report lists and the content of one report for display."""

from danvan.core.text import fold, search_order
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
    # what the user meant first: the organization named by the phrase, accents as typed (as the
    # organization list does); then the latest period
    return qs.order_by(*search_order(q or "", words=["organization__name_folded"], accented=["organization__name"]),
                       "-period__end", "period__kind", "organization__name_sort", "id")


def report_content(report: Report, indicators=None, *, corrections: bool = False):
    """[(section, [(indicator, value)], narrative HTML)] in the form's order; values are Decimal or text.
    With ``corrections``, each row is (indicator, value, ``Correction`` or ``None``): the figures the
    officer corrected from those calculated from the records (``rules.corrections``)."""
    from danvan.reports.rules.corrections import correction_of
    from danvan.reports.rules.validation import indicators_for

    indicators = indicators if indicators is not None else indicators_for(report.form_version, report.organization)
    rows_by_indicator = {v.indicator_id: v for v in report.values.select_related("indicator")}
    stored = {pk: (v.text if v.indicator.value_type == "text" else v.value) for pk, v in rows_by_indicator.items()}
    narratives = {n.section_id: n.html for n in report.narratives.all()}
    result = []
    for section in report.form_version.sections.all():
        if corrections:
            rows = [(ind, stored.get(ind.id), correction_of(rows_by_indicator.get(ind.id), ind))
                    for ind in indicators if ind.section_id == section.id]
        else:
            rows = [(ind, stored.get(ind.id)) for ind in indicators if ind.section_id == section.id]
        result.append((section, rows, narratives.get(section.id, "")))
    return result


def corrections_of(report_ids) -> dict[int, int]:
    """{report id: number of figures corrected from those calculated from the records} (only reports
    with at least one)."""
    from django.db.models import Count

    from danvan.reports.models import ReportValue

    rows = (ReportValue.objects.unscoped("the ids come from a scoped page of reports")
            .filter(report_id__in=list(report_ids)).exclude(correction_note="")
            .values("report_id").annotate(n=Count("id")).values_list("report_id", "n"))
    return dict(rows)
