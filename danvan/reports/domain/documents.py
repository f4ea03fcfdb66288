"""The report as a document of its organization: number from the shared register."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.reports.models import Report, Status


def summary_of(report: Report) -> str:
    """The trích yếu, e.g. "Kết quả công tác dân vận 9 tháng năm 2021"."""
    work = report.form_version.form.name
    work = work[len("Báo cáo "):] if work.startswith("Báo cáo ") else work
    label = report.period.label
    return _("Results of %(work)s, %(period)s") % {"work": work, "period": label[:1].lower() + label[1:]}


@transaction.atomic
def ensure_number(report: Report, *, actor, issued_on: datetime.date | None = None) -> str:
    """The report's number line ("Số 24-BC/BTGDVTU"); an approved report without one gets the next
    number of its organization's register for type BC.

    Effects: for an approved report with no number: one ``IssuedDocument`` through
    ``documents.issue_number`` (with its audit event), and the report's ``number_line`` and
    ``issued_on`` saved. Drafts and unapproved reports get no number (a blank one is printed).
    """
    if report.number_line or report.status != Status.APPROVED:
        return report.number_line
    from danvan.documents.domain.register import issue_number

    day = issued_on or datetime.date.today()
    doc = issue_number(organization=report.organization, doc_type="BC", issued_on=day, title=summary_of(report),
                       actor=actor, target=report)
    Report.objects.unscoped("the report being numbered").filter(pk=report.pk).update(number_line=doc.number_line, issued_on=day)
    report.number_line, report.issued_on = doc.number_line, day
    return report.number_line
