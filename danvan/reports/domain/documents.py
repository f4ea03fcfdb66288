"""The report as a document of its organization: number from the shared register."""

import datetime

from django.core.exceptions import ValidationError
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
def issue_report_number(report: Report, *, actor, issued_on: datetime.date, signer=None) -> str:
    """Give an approved report the next number of its organization's register (type BC), on the
    explicit request of a user who may reserve numbers for that organization. Exports never do this:
    they print the number the report has, or a blank one.

    Effects: locks the report; when it has no number yet, one ``IssuedDocument`` through
    ``documents.issue_number`` (with its audit event and the signer block: ``signer``, else the one
    typed on the report, else the organization's default for reports), and the report's ``number_line`` and
    ``issued_on`` saved. Returns the number line (the existing one when the report is numbered
    already: a report never gets two numbers). Raises ``NotAllowed`` unless ``actor`` may change the
    report's organization, ``ValidationError`` when the report is not approved or no Party term covers
    ``issued_on`` (field "issued_on"); nothing is changed then.
    """
    from danvan.documents.domain.register import issue_number

    locked = Report.objects.unscoped("domain lock by primary key").select_for_update().select_related(
        "organization", "form_version__form", "period").get(pk=report.pk)
    if locked.number_line:
        report.number_line, report.issued_on = locked.number_line, locked.issued_on
        return locked.number_line
    if locked.status != Status.APPROVED:
        raise ValidationError(_("Only an approved report gets a number of the register."))
    try:
        if signer is None and locked.signer_name:
            from danvan.documents.domain.signers import Signer

            signer = Signer(title=(locked.signer_title or "").upper(), name=locked.signer_name)
        doc = issue_number(organization=locked.organization, doc_type="BC", issued_on=issued_on,
                           title=summary_of(locked), actor=actor, target=locked, signer=signer)
    except ValidationError as exc:
        if getattr(exc, "error_dict", None) and "issued_on" in exc.error_dict:
            raise
        raise ValidationError({"issued_on": exc.messages}) from exc
    Report.objects.unscoped("domain lock by primary key").filter(pk=report.pk).update(
        number_line=doc.number_line, issued_on=issued_on)
    report.number_line, report.issued_on = doc.number_line, issued_on
    return report.number_line
