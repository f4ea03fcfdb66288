"""Reminders to communes about what is overdue (made public too late, not at all, or on too few channels).

The overdue list's "remind these communes" runs as a background job (``democracy.remind``,
``interfaces/reminders.py``) that calls ``send_reminders`` with progress."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.domain.notifications import Message, notify_each
from danvan.orgs.queries.members import members_by_organization

REPEAT_AFTER = 7  # a reminder for the same obligation at most once every this many days
ROLES = ("officer", "leader", "admin")


def send_reminders(*, obligations, today: datetime.date, progress=None) -> int:
    """Remind the members of each obligation's responsible organization, once per obligation and week.

    ``obligations``: the overdue obligations (with ``item``), already restricted to what the caller may
    see (the officer pressing "remind", through the job run as that officer). Effects:
    ``core.domain.notifications.notify_each`` (the inbox, e-mail when configured; a reminder already sent
    in the same week is not repeated; the members of every organization read in one query, the
    notifications checked and written a batch at a time); ``progress`` advanced per obligation. Returns
    how many notifications were created."""
    obligations = list(obligations)
    members = members_by_organization({o.organization_id for o in obligations}, roles=ROLES)
    messages = (Message(
        users=members.get(o.organization_id, []), kind="democracy.overdue",
        key=f"democracy:{o.pk}:{(today - o.due_on).days // REPEAT_AFTER}",
        url=reverse("obligation_detail", args=[o.pk]),
        message=_("Disclosure overdue since %(date)s: item %(number)s “%(name)s”, %(period)s.") % {
            "date": o.due_on.strftime("%d/%m/%Y"), "number": o.item.number, "name": o.item.name[:120],
            "period": o.period_label}) for o in obligations)
    return notify_each(messages, progress=progress)["notifications"]
