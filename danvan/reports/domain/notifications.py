"""In-app notifications and reminders about reports (email too when a real mail server is configured)."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.orgs.models import Membership
from danvan.reports.models import Form, Notification, Period, PeriodKind
from danvan.reports.queries.completeness import missing_organizations
from danvan.reports.rules.periods import bounds

OVERDUE_DAYS = 30


def email_configured() -> bool:
    backend = settings.MAILERS.get("default", {}).get("BACKEND", "") if hasattr(settings, "MAILERS") else ""
    return bool(backend) and "console" not in backend and "locmem" not in backend


def notify(*, user, organization, message: str, key: str, report=None, url: str = "") -> Notification | None:
    """One in-app notification for ``user`` (once per ``key``).

    Effects: inserts a ``Notification`` unless one with the same user and key exists; returns it or None.
    """
    if report is not None and not url:
        url = reverse("report_detail", args=[report.pk])
    created = Notification.objects.bulk_create(
        [Notification(user=user, organization=organization, report=report, message=message[:400], key=key, url=url)],
        ignore_conflicts=True,
    )
    return created[0] if created and created[0].pk else None


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
    members = (Membership.objects.filter(organization__in=missing.values("id"), is_active=True,
                                         user__is_active=True)
               .filter(Q(role="officer") | Q(role="leader")).select_related("user", "organization"))
    deadline = period.deadline(form).strftime("%d/%m/%Y")
    if phase == "before":
        template = _("Reminder: the report \"%(form)s\" for %(period)s of %(org)s is due on %(deadline)s.")
    else:
        template = _("Overdue: the report \"%(form)s\" for %(period)s of %(org)s was due on %(deadline)s and "
                     "has not been submitted.")
    url = reverse("report_list") + f"?period={period.pk}"
    rows = [
        Notification(user=m.user, organization=m.organization, url=url,
                     key=f"remind:{phase}:{form.pk}:{period.pk}:{m.organization_id}",
                     message=(template % {"form": form.name, "period": period.label, "org": m.organization.name,
                                          "deadline": deadline})[:400])
        for m in members
    ]
    before = Notification.objects.count()
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    made = Notification.objects.count() - before
    if made and email_configured():
        fresh = Notification.objects.filter(key__startswith=f"remind:{phase}:{form.pk}:{period.pk}:", emailed=False)
        for note in fresh.select_related("user"):
            if note.user.email:
                send_mail(_("Report reminder"), note.message, None, [note.user.email], fail_silently=True)
        fresh.update(emailed=True)
    return made


def mark_read(*, user, ids=None) -> int:
    """Mark ``user``'s notifications (all, or those in ``ids``) as read.

    Effects: sets ``read_at`` on the user's unread ``Notification`` rows. Returns how many.
    """
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())
