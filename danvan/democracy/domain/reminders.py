"""Reminders to communes about what is overdue (made public too late, not at all, or on too few channels)."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.domain.notifications import notify
from danvan.orgs.models import Membership

REPEAT_AFTER = 7  # a reminder for the same obligation at most once every this many days


def send_reminders(*, obligations, today: datetime.date) -> int:
    """Remind the members of each obligation's responsible organization, once per obligation and week.

    ``obligations``: the overdue obligations, already restricted to what the caller may see (the
    province's officer pressing "remind", or the daily system run). Effects: ``core.domain.notifications.notify``
    (the inbox, e-mail when configured; a reminder already sent in the same week is not repeated). Returns how many."""
    sent = 0
    obligations = list(obligations)
    members = {}
    for m in Membership.objects.filter(organization_id__in={o.organization_id for o in obligations},
                                       is_active=True, user__is_active=True).select_related("user"):
        members.setdefault(m.organization_id, []).append(m.user)
    for o in obligations:
        week = (today - o.due_on).days // REPEAT_AFTER
        key = f"democracy:{o.pk}:{week}"
        message = _("Disclosure overdue since %(date)s: item %(number)s “%(name)s”, %(period)s.") % {
            "date": o.due_on.strftime("%d/%m/%Y"), "number": o.item.number, "name": o.item.name[:120],
            "period": o.period_label}
        sent += notify(users=members.get(o.organization_id, []), kind="democracy.overdue", key=key,
                       message=message, url=reverse("obligation_detail", args=[o.pk]))
    return sent
