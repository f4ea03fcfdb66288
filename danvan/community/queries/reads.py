"""The log of reads of sensitive data (the "view" audit events of this module's records) that an
organization's administrator (quản trị) sees: the reads of the records in their ``manage`` scope."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from danvan.community.models import Dignitary, OpinionCollaborator, OpinionReport, PrestigeEntry
from danvan.core.models import AuditEvent
from danvan.core.text import leading_name, search_filter, search_order
from danvan.orgs.scope import restrict

SENSITIVE = {"prestige": PrestigeEntry, "dignitary": Dignitary, "opinion": OpinionReport,
             "collaborator": OpinionCollaborator}
"""The records whose reads are logged, by the key of the log's filter."""


def filter_reads(user, *, kind=None, date_from=None, date_to=None, q=None, **_ignored):
    """Reads of the records ``user`` may manage (quản trị of the organization or above; a superuser:
    all), newest first; ``q`` searches the reader's name or username (every word a word prefix of
    ``User.name_folded``, without diacritics), the reader named as typed first."""
    condition = Q()
    for key, model in SENSITIVE.items():
        if kind and kind != key:
            continue
        ids = restrict(model.objects.all(), user, "manage").annotate(key=Cast("pk", CharField())).values("key")
        condition |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    qs = AuditEvent.objects.filter(condition, action=AuditEvent.Action.VIEW) if condition else AuditEvent.objects.none()
    if date_from:
        qs = qs.filter(at__date__gte=date_from)
    if date_to:
        qs = qs.filter(at__date__lte=date_to)
    qs = search_filter(qs, q or "", "actor__name_folded")
    # what the user meant first: the reader named as typed, then the phrase in the name or username
    # (``User.name_folded``), accents as typed; then the newest (``core.text.search_order``)
    return qs.select_related("actor", "content_type").order_by(
        *leading_name(q or "", "actor__name_folded", "actor__full_name"),
        *search_order(q or "", words=["actor__name_folded"], accented=["actor__full_name", "actor__username"]),
        "-at", "-id")
