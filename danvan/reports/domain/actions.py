"""The one dispatcher of report transitions: the report page (``views/reports.py``) and the API
(``api.py``) both call ``perform``; ``access.allowed_actions`` drives the buttons and the API's
``allowed_actions`` field. Refusals are the typed ones of ``danvan.core.domain.refusals``, mapped to a
message or an HTTP status in one place."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.reports.domain import reports
from danvan.reports.models import Report

ACTIONS = ("submit", "return", "approve", "reopen")
"""The transitions, in the order of the life cycle."""


def perform(report: Report, action: str, *, actor, reason: str = "") -> Report:
    """Run the transition ``action`` on ``report`` as ``actor`` in one transaction.

    Effects: those of ``submit_report``, ``return_report`` (with ``reason``), ``approve_report`` or
    ``reopen_report`` (with ``reason``). Raises ``ValidationError`` ({"action": ...}) for an unknown
    action, and whatever refusal the action raises; nothing changes then.
    """
    calls = {
        "submit": lambda: reports.submit_report(report, actor=actor),
        "return": lambda: reports.return_report(report, actor=actor, reason=reason),
        "approve": lambda: reports.approve_report(report, actor=actor),
        "reopen": lambda: reports.reopen_report(report, actor=actor, reason=reason),
    }
    if action not in calls:
        raise ValidationError({"action": _("Unknown action.")})
    with transaction.atomic():
        return calls[action]()


def _reviewers(report: Report) -> str:
    from danvan.reports.domain.access import is_top

    org = report.organization
    if is_top(org):
        return _("the leaders of %(org)s") % {"org": org.name}
    if org.parent_id:
        return _("the leaders of the level above (%(org)s)") % {"org": org.parent.name}
    return _("the leaders of the level above %(org)s") % {"org": org.name}


def next_step(report: Report):
    """What comes next for ``report`` and who does it (shown on the page)."""
    from danvan.core.domain.next_step import NextStep
    from danvan.reports.models import Status

    officers = _("the officers of %(org)s") % {"org": report.organization.name}
    if report.status == Status.DRAFT:
        return NextStep(_("fill in the figures and submit the report"), officers)
    if report.status == Status.RETURNED:
        return NextStep(_("correct the report as asked and submit it again"), officers)
    if report.status == Status.SUBMITTED:
        return NextStep(_("review the report: approve it or return it with a reason"), _reviewers(report))
    if not report.number_line:
        return NextStep(_("issue the report's number and send it"), officers)
    return NextStep(done=_("The report was approved and numbered; it counts in the roll-ups of the levels above."))
