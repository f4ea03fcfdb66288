"""Compilation: the area's own report for a period, pre-filled from the units below."""

from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from danvan.core.rich_text import sanitize
from danvan.reports.domain.reports import NotAllowed, create_report, save_report
from danvan.reports.models import ReportEvent, ReportNarrative, Status
from danvan.reports.queries.rollup import counted_reports, rollup


@transaction.atomic
def start_compilation(*, actor, form, period, organization):
    """Start ``organization``'s compiled report for ``period``: figures rolled up over its area (as
    ``actor`` may see them) and the narratives of the units below, grouped by section and organization.

    Effects: inserts a ``Report`` (draft, ``is_compiled``) through ``create_report``, its
    ``ReportValue`` and ``ReportNarrative`` rows through ``save_report``, a "compile" ``ReportEvent``
    and audit events. Raises ``NotAllowed`` unless ``organization`` is a commission (area-scoped) and
    ``actor`` one of its chuyên viên/lãnh đạo; ``ValidationError`` as ``create_report``.
    """
    if not organization.is_area_scoped:
        raise NotAllowed(_("Only a Party committee or its commission compiles the report of its area."))
    report = create_report(actor=actor, form=form, period=period, organization=organization, is_compiled=True)
    summed = rollup(actor, form=form, period=period, area=organization.area)
    codes = {i.code for i in report.form_version.indicators.all()}
    values = {code: value for code, value in summed.values.items() if code in codes}
    save_report(report, actor=actor, expected_version=report.version, values=values,
                narratives=compiled_narratives(actor, form=form, period=period, organization=organization,
                                               version=report.form_version))
    ReportEvent.objects.create(report=report, action=ReportEvent.Action.COMPILE, actor=actor,
                               from_status=Status.DRAFT, to_status=Status.DRAFT,
                               note=_("%(n)s reports of the units below") % {"n": summed.reports})
    return report


def compiled_narratives(user, *, form, period, organization, version) -> dict:
    """{section code: HTML}: for each section, each unit's text under its name (Vietnamese order)."""
    reports = counted_reports(user, form=form, periods=period, area=organization.area).exclude(
        organization=organization)
    rows = (ReportNarrative.objects.unscoped("narratives of the counted reports (already in scope)")
            .filter(report__in=reports.values("id")).exclude(html="")
            .select_related("section", "report__organization")
            .order_by("section__order", "report__organization__name_sort", "id"))
    result: dict[str, list[str]] = {}
    for row in rows:
        result.setdefault(row.section.code, []).append(
            f"<h4>{escape(row.report.organization.name)}</h4>{sanitize(row.html)}")
    return {code: "".join(parts) for code, parts in result.items()}
