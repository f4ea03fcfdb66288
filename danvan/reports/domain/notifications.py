"""In-app notifications and reminders about reports (email too when a real mail server is configured)."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain.notifications import notify
from danvan.orgs.models.organization import AREA_SCOPED_KINDS
from danvan.orgs.queries.members import members_of
from danvan.reports.domain import access
from danvan.reports.models import Form, Period, PeriodKind
from danvan.reports.queries.completeness import missing_organizations
from danvan.reports.rules.periods import bounds

OVERDUE_DAYS = 30


def reviewers(report) -> list:
    """The leaders who will return or approve ``report``: those of the organization above it and of the
    commissions of its area and the area above (where ``may_review`` holds), not the whole chain up to
    the nation."""
    from danvan.orgs.models import Organization

    org = report.organization
    area_ids = [a for a in (org.area_id, org.area.parent_id) if a]
    candidates = Organization.objects.filter(Q(pk=org.parent_id) | Q(area_id__in=area_ids, kind__in=AREA_SCOPED_KINDS))
    users = members_of(candidates.values_list("id", flat=True), roles=("leader",))
    return [u for u in users if access.may_review(u, report)]


def notify_submitted(report) -> int:
    """Tell the reviewers that ``report`` waits for them. Effects: ``notify`` (once per submission)."""
    return notify(users=reviewers(report), kind="reports.submitted", key=f"report:{report.pk}:submit:{report.version}",
                  url=reverse("report_detail", args=[report.pk]),
                  message=_("%(org)s submitted its report %(period)s for your approval.")
                  % {"org": report.organization.name, "period": report.period.label})


def notify_returned(report, reason: str) -> int:
    """Tell who submitted ``report`` that it came back, with the reason. Effects: ``notify``."""
    if not report.submitted_by_id:
        return 0
    return notify(users=[report.submitted_by], kind="reports.returned", key=f"return:{report.pk}:{report.version}",
                  url=reverse("report_detail", args=[report.pk]),
                  message=_("Your report %(period)s was returned: %(reason)s")
                  % {"period": report.period.label, "reason": reason})


def _last_ended(kind: str, today: datetime.date) -> tuple[int, int]:
    """(year, index) of the latest period of ``kind`` that ended before ``today``."""
    year = today.year
    count = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2}.get(kind, 1)
    for y in (year, year - 1):
        for index in range(count, 0, -1):
            if bounds(kind, y, index)[1] < today:
                return y, index
    return year - 1, 1


def due_periods(form: Form, today: datetime.date):
    """(period, "before" | "overdue") for the form's periods whose deadline is near or recently passed."""
    from danvan.reports.domain.periods import get_period

    result = []
    for kind in form.period_kinds:
        year, index = _last_ended(kind, today)
        period = get_period(kind, year, index)
        deadline = period.deadline(form)
        if today <= deadline and (deadline - today).days <= form.remind_days_before:
            result.append((period, "before"))
        elif deadline + datetime.timedelta(days=form.grace_days) < today <= deadline + datetime.timedelta(
                days=OVERDUE_DAYS):
            result.append((period, "overdue"))
    return result


def send_reminders(*, today: datetime.date | None = None) -> int:
    """Remind the organizations that have not sent a report, before and after the deadline.

    Effects: for every active form and every period whose deadline is within ``remind_days_before``
    days, or passed less than 30 days ago: one ``Notification`` to each active chuyên viên/lãnh đạo
    of every expected organization that has not submitted (once per period, organization and kind
    of reminder); an email to each of them when a mail server is configured. Creates the ``Period``
    rows it needs. Returns the number of notifications created.
    """
    today = today or timezone.localdate()
    created = 0
    for form in Form.objects.filter(is_active=True):
        for period, phase in due_periods(form, today):
            created += _remind(form, period, phase)
    return created


def _remind(form: Form, period: Period, phase: str) -> int:
    missing = missing_organizations(None, form=form, period=period, area=None)
    return remind_organizations(form=form, period=period, organizations=list(missing), phase=phase)


def remind_organizations(*, form: Form, period: Period, organizations, phase: str = "overdue",
                         actor=None) -> int:
    """Remind each of ``organizations`` that its report of ``form`` for ``period`` is due (``phase``
    "before") or late ("overdue"; "manual": asked by ``actor`` from the completeness page).

    Effects: one ``notify`` per organization to its active chuyên viên and lãnh đạo (once per period,
    organization and kind of reminder; a manual reminder once per day), e-mail when configured.
    Returns the number of notifications created."""
    deadline = period.deadline(form).strftime("%d/%m/%Y")
    if phase == "before" or (phase == "manual" and timezone.localdate() <= period.deadline(form)):
        template = _("Reminder: the report \"%(form)s\" for %(period)s of %(org)s is due on %(deadline)s.")
    else:
        template = _("Overdue: the report \"%(form)s\" for %(period)s of %(org)s was due on %(deadline)s and "
                     "has not been submitted.")
    url = reverse("report_list") + f"?period={period.pk}"
    day = timezone.localdate().strftime("%Y%m%d")
    made = 0
    for org in organizations:
        key = f"remind:{phase}:{form.pk}:{period.pk}:{org.pk}" + (f":{day}" if phase == "manual" else "")
        made += notify(users=members_of([org.pk]), kind="reports.reminder", key=key, url=url,
                       subject=_("Report reminder"),
                       message=template % {"form": form.name, "period": period.label, "org": org.name,
                                           "deadline": deadline})
    return made


def remind_missing(*, actor, form: Form, period: Period, area) -> tuple[int, int]:
    """Remind, from the completeness page, every organization of ``area`` (in ``actor``'s scope) that has
    not submitted its report of ``form`` for ``period``.

    Effects: ``remind_organizations`` (phase "manual": one notification to each chuyên viên and lãnh đạo
    of each missing organization, at most once a day, e-mail when configured). Raises ``NotAllowed``
    unless ``actor`` works (chuyên viên or lãnh đạo) in an organization whose scope covers them.
    Returns (organizations reminded, notifications created)."""
    from danvan.core.domain.refusals import NotAllowed
    from danvan.orgs.scope import active_memberships

    if not (actor.is_superuser or any({"change", "approve"} & m.actions for m in active_memberships(actor))):
        raise NotAllowed(_("Only an officer or a leader can remind the organizations."))
    missing = list(missing_organizations(actor, form=form, period=period, area=area).order_by("id"))
    return len(missing), remind_organizations(form=form, period=period, organizations=missing, phase="manual",
                                              actor=actor)
