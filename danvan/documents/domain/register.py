"""The document register: reserving the next number for a document of a Party body."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.documents.domain.signers import default_signer
from danvan.documents.domain.symbols import registry_symbol
from danvan.documents.layout import format_symbol
from danvan.documents.models import DocType, IssuedDocument, NumberCounter, PartyTerm
from danvan.orgs.scope import require


def term_for(day: datetime.date) -> PartyTerm:
    """The Party term whose period contains ``day``; a Vietnamese ``ValidationError`` when none does."""
    term = PartyTerm.objects.covering(day).order_by("-start").first()
    if term is None:
        raise ValidationError(
            {"issued_on": _("No Party term covers the date %(date)s. Ask the administrator to add the term.")
             % {"date": day.strftime("%d/%m/%Y")}},
            code="no_term",
        )
    return term


def _lock_counter(*, organization, doc_type: str, term: PartyTerm) -> NumberCounter:
    """The counter row for the key, created if missing (starting after any number already in the
    register) and locked until the transaction ends."""
    key = {"organization": organization, "doc_type": doc_type, "term": term}
    if not NumberCounter.objects.filter(**key).exists():
        highest = IssuedDocument.objects.unscoped("highest number of the key, under the register lock").filter(**key).aggregate(m=Max("number"))["m"] or 0
        # INSERT ... ON CONFLICT DO NOTHING: a concurrent creator of the same row is not an error.
        NumberCounter.objects.bulk_create([NumberCounter(last_number=highest, **key)], ignore_conflicts=True)
    return NumberCounter.objects.select_for_update().get(**key)


@transaction.atomic
def issue_number(
    *, organization, doc_type: str, issued_on: datetime.date, title: str, actor, target=None, signer=None
) -> IssuedDocument:
    """Reserve the next number of the register for a document of ``organization``.

    Numbers run from 1 per issuing organization, per document type and per Party term (the term whose
    period contains ``issued_on``), without gaps or duplicates even when several users ask at once:
    the counter row is locked (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite transactions here
    take the write lock when they begin).

    Effects: creates or updates the ``NumberCounter`` row of (organization, doc_type, term); inserts
    the ``IssuedDocument`` with its number, symbol ("24-BC/BTGDVTU") and, when ``target`` is given,
    a generic link to the record it documents, and the signer block (``signer``, a ``signers.Signer``;
    the organization's default for the type when None); writes a "create" audit event. Raises
    ``NotAllowed`` unless ``actor`` may change ``organization`` (whoever calls: the register page, a
    module's document, the API; ``actor`` None is the system: the demo), and ``ValidationError`` (in
    Vietnamese, naming the field) for an unknown type, an empty title, or a date no term covers —
    nothing is changed then.
    """
    require(actor, "change", organization, _("You may not reserve numbers for %(org)s.") % {
        "org": organization.name}, field="organization")
    if doc_type not in DocType.values:
        raise ValidationError({"doc_type": _("Unknown document type %(code)s.") % {"code": doc_type}})
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Enter the summary (trích yếu) of the document.")})
    if not isinstance(issued_on, datetime.date):
        raise ValidationError({"issued_on": _("Enter the date the document is issued.")})
    term = term_for(issued_on)
    signer = signer if signer is not None else default_signer(organization, doc_type)
    counter = _lock_counter(organization=organization, doc_type=doc_type, term=term)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    doc = IssuedDocument(
        organization=organization, doc_type=doc_type, term=term, number=counter.last_number,
        symbol=format_symbol(number=counter.last_number, doc_type=doc_type,
                             organization_symbol=registry_symbol(organization)),
        title=title[:500], issued_on=issued_on, signer_authority=signer.authority, signer_title=signer.title,
        signer_name=signer.name, created_by=actor if getattr(actor, "pk", None) else None,
    )
    if target is not None:
        doc.content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        doc.object_id = str(target.pk)
    doc.save()
    audit.record(actor, "create", doc, changes=audit.diff({}, audit.snapshot(doc)),
                 message=_("Number %(symbol)s reserved") % {"symbol": doc.symbol})
    return doc


def documents_for(target):
    """The register entries linked to ``target`` (a record of another module), newest first."""
    return IssuedDocument.objects.unscoped("the register entries of a record in hand").filter(
        content_type=ContentType.objects.get_for_model(target, for_concrete_model=False), object_id=str(target.pk)
    ).select_related("organization", "term")
