"""Meeting documents in the Party's format, numbered by the shared document register."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.documents.domain.register import issue_number
from danvan.documents.models import IssuedDocument
from danvan.meetings.models import Meeting

# kind -> document type code of the register
DOC_TYPES = {"invitation": "GM", "minutes": "BB", "conclusions": "TB"}


def issued(meeting: Meeting, kind: str):
    """The register entry already issued for this meeting's document of ``kind``, or None."""
    return issued_all(meeting).get(kind)


def issued_all(meeting: Meeting) -> dict:
    """{kind: the first register entry issued for this meeting's document of that kind}: one query."""
    kinds = {doc_type: kind for kind, doc_type in DOC_TYPES.items()}
    found = {}
    for entry in IssuedDocument.objects.unscoped("the register entries of a meeting in hand").filter(
            content_type=ContentType.objects.get_for_model(Meeting), object_id=str(meeting.pk),
            doc_type__in=list(kinds)).order_by("id"):
        found.setdefault(kinds[entry.doc_type], entry)
    return found


def summary_for(meeting: Meeting, kind: str) -> str:
    if kind == "invitation":
        return _("Invitation to the meeting: %(title)s") % {"title": meeting.title}
    if kind == "minutes":
        return _("Minutes of the meeting: %(title)s") % {"title": meeting.title}
    return _("Conclusions at the meeting: %(title)s") % {"title": meeting.title}


def check_issued_on(meeting: Meeting, kind: str, issued_on) -> None:
    """The minutes and the notice of conclusions record a meeting held: they cannot be numbered before
    the day it is held (the invitation can). Raises ``ValidationError`` on ``issued_on``."""
    if kind == "invitation" or not meeting.starts_at:
        return
    held_on = timezone.localdate(meeting.starts_at)
    if issued_on < held_on:
        raise ValidationError({"issued_on": _(
            "The %(doc)s cannot be numbered on %(on)s, before the meeting is held (%(held)s).") % {
            "doc": _("minutes") if kind == "minutes" else _("notice of conclusions"),
            "on": issued_on.strftime("%d/%m/%Y"), "held": held_on.strftime("%d/%m/%Y")}})


@transaction.atomic
def issue_meeting_document(*, actor, meeting: Meeting, kind: str, issued_on=None, signer=None) -> IssuedDocument:
    """Give the meeting's invitation (GM), minutes (BB) or notice of conclusions (TB) its number.

    Effects: reserves the next number in the document register (``issue_number``: a counter row
    and an ``IssuedDocument`` linked to the meeting, with the signer block ``signer`` or the organizer's
    default for the type) unless this document already has one (then it
    is returned unchanged); "action" audit event on the meeting. Raises ``ValidationError`` for
    minutes or a notice dated before the meeting (``check_issued_on``) and from the register (e.g. no
    Party term covers the date)."""
    existing = issued(meeting, kind)
    if existing:
        return existing
    issued_on = issued_on or timezone.localdate()
    check_issued_on(meeting, kind, issued_on)
    doc = issue_number(organization=meeting.organization, doc_type=DOC_TYPES[kind],
                       issued_on=issued_on, title=summary_for(meeting, kind), actor=actor,
                       target=meeting, signer=signer)
    audit.record(actor, "action", meeting, message=_("Document numbered %(s)s") % {"s": doc.symbol})
    return doc
