"""In-app notifications and reminders about reports (email too when a real mail server is configured)."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from danvan.core.domain.jobs import runner
from danvan.core.domain.notifications import Message, notify, notify_each
from danvan.core.templatetags.dv import num
from danvan.orgs.models.organization import AREA_SCOPED_KINDS
from danvan.orgs.queries.members import members_by_organization, members_of
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
                         actor=None, progress=None) -> int:
    """Remind each of ``organizations`` that its report of ``form`` for ``period`` is due (``phase``
    "before") or late ("overdue"; "manual": asked by ``actor`` from the completeness page).

    Effects: ``notify_each`` (in batches: the members of every organization read in one query, the
    notifications checked and inserted a batch at a time) to each organization's active chuyên viên and
    lãnh đạo (once per period, organization and kind of reminder; a manual reminder once per day),
    e-mail when configured; ``progress`` advanced per organization when given. Returns the number of
    notifications created."""
    return _remind_each(form=form, period=period, organizations=organizations, phase=phase,
                        progress=progress)["notifications"]


def _remind_each(*, form, period, organizations, phase, progress=None) -> dict:
    deadline = period.deadline(form).strftime("%d/%m/%Y")
    if phase == "before" or (phase == "manual" and timezone.localdate() <= period.deadline(form)):
        template = _("Reminder: the report \"%(form)s\" for %(period)s of %(org)s is due on %(deadline)s.")
    else:
        template = _("Overdue: the report \"%(form)s\" for %(period)s of %(org)s was due on %(deadline)s and "
                     "has not been submitted.")
    url = reverse("report_list") + f"?period={period.pk}"
    day = timezone.localdate().strftime("%Y%m%d")
    organizations = list(organizations)
    members = members_by_organization([o.pk for o in organizations])
    subject = _("Report reminder")
    messages = (Message(users=members.get(org.pk, []), kind="reports.reminder", url=url, subject=subject,
                        key=f"remind:{phase}:{form.pk}:{period.pk}:{org.pk}" + (f":{day}" if phase == "manual" else ""),
                        message=template % {"form": form.name, "period": period.label, "org": org.name,
                                            "deadline": deadline})
                for org in organizations)
    return notify_each(messages, progress=progress)


def _may_remind(actor) -> None:
    from danvan.core.domain.refusals import NotAllowed
    from danvan.orgs.scope import active_memberships

    if not (actor.is_superuser or any({"change", "approve"} & m.actions for m in active_memberships(actor))):
        raise NotAllowed(_("Only an officer or a leader can remind the organizations."))


def remind_missing(*, actor, form: Form, period: Period, area, progress=None) -> tuple[int, int]:
    """Remind, from the completeness page, every organization of ``area`` (in ``actor``'s scope) that has
    not submitted its report of ``form`` for ``period``.

    Effects: ``remind_organizations`` (phase "manual": one notification to each chuyên viên and lãnh đạo
    of each missing organization, at most once a day, e-mail when configured); ``progress`` (a job's)
    gets the number of missing organizations as its total and advances as they are reminded. Raises
    ``NotAllowed`` unless ``actor`` works (chuyên viên or lãnh đạo) in an organization whose scope covers
    them. Returns (organizations reminded now, notifications created): an organization already reminded
    today is not counted again."""
    _may_remind(actor)
    missing = list(missing_organizations(actor, form=form, period=period, area=area).order_by("id"))
    if progress is not None:
        progress.set_total(len(missing))
    result = _remind_each(form=form, period=period, organizations=missing, phase="manual", progress=progress)
    return result["messages"], result["notifications"]


REMIND_JOB = "reports.remind"


def start_remind_missing(*, actor, form: Form, period: Period, area):
    """The completeness page's "remind every unit that has not submitted" as a background job.

    Effects: refuses with ``NotAllowed`` as ``remind_missing`` (nothing is written); otherwise starts a
    ``core.Job`` of kind ``reports.remind`` owned by ``actor`` with the form, period and area (or returns
    the same user's job for them that is still queued or running: a second press starts nothing); the
    job runs ``remind_missing`` as its owner (``run_remind_missing``). Returns (job, started)."""
    from danvan.core.domain.jobs import start_once

    _may_remind(actor)
    if period.pk is None:
        raise ValueError("a stored period is needed")
    title = _("Reminders: %(form)s, %(period)s, %(area)s") % {"form": form.name, "period": period.label,
                                                              "area": area.full_name}
    return start_once(kind=REMIND_JOB, title=title, user=actor,
                      params={"form": form.pk, "period": period.pk, "area": area.pk})


def reminder_job(*, actor, form: Form, period: Period, area):
    """The latest reminder job ``actor`` started today for this form, period and area (shown on the
    completeness page), or None."""
    from danvan.core.domain.jobs import latest_job

    if period.pk is None:
        return None
    return latest_job(kind=REMIND_JOB, user=actor, params={"form": form.pk, "period": period.pk, "area": area.pk},
                      on=timezone.localdate())


@runner(REMIND_JOB)
def run_remind_missing(job, progress) -> None:
    """The ``reports.remind`` job: ``remind_missing`` as the job's owner (its scope and rights now), then
    the job's message says how many organizations and notifications (or that all were reminded today)."""
    from danvan.core.domain.jobs import JobFailed
    from danvan.core.models import Job
    from danvan.places.models import Area

    form = Form.objects.filter(pk=job.params.get("form")).first()
    period = Period.objects.filter(pk=job.params.get("period")).first()
    area = Area.objects.filter(pk=job.params.get("area")).first()
    if form is None or period is None or area is None:
        raise JobFailed(_("The form, period or area of these reminders no longer exists."))
    organizations, made = remind_missing(actor=job.created_by, form=form, period=period, area=area,
                                         progress=progress)
    missing = job.total  # set by remind_missing through progress
    if made:
        message = ngettext("Reminded %(n)s organization that has not submitted (%(m)s notifications).",
                           "Reminded %(n)s organizations that have not submitted (%(m)s notifications).",
                           organizations) % {"n": num(organizations), "m": num(made)}
    elif missing:
        message = _("These organizations were already reminded today.")
    else:
        message = _("Every expected organization has submitted its report.")
    Job.objects.filter(pk=job.pk).update(message=message)
