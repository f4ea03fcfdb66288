"""Who signs a document: the signer block of the Party format (authority line, title, name), a
default per organization and document type kept as data, chosen again when a number is issued and
stored with the register entry."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.documents.layout import format_authority
from danvan.documents.models import Authority, DocType, SignerDefault
from danvan.orgs.scope import require


@dataclass(frozen=True)
class Signer:
    """The signer block: "K/T TRƯỞNG BAN" / "PHÓ TRƯỞNG BAN" / "Nguyễn Văn A"."""

    authority: str = ""
    title: str = ""
    name: str = ""

    def __bool__(self) -> bool:
        return bool(self.title or self.name)


def make_signer(*, authority: str = "", on_behalf_of: str = "", title: str = "", name: str = "") -> Signer:
    """A ``Signer`` from the parts typed in a form, checked: the authority is one of T/M, K/T, TL, TUQ
    or none; with one, ``on_behalf_of`` is required; the title and the name are required. Raises
    ``ValidationError`` naming the field (in Vietnamese)."""
    authority = (authority or "").strip()
    errors = {}
    if authority not in Authority.values:
        errors["authority"] = _("Choose the authority: T/M, K/T, TL, TUQ or none.")
    elif authority and not (on_behalf_of or "").strip():
        errors["on_behalf_of"] = _("Enter on whose behalf the signer signs, e.g. BAN THƯỜNG VỤ or TRƯỞNG BAN.")
    if not (title or "").strip():
        errors["signer_title"] = _("Enter the signer's title, e.g. TRƯỞNG BAN.")
    if not (name or "").strip():
        errors["signer_name"] = _("Enter the signer's name.")
    if errors:
        raise ValidationError(errors)
    return Signer(authority=format_authority(authority, on_behalf_of)[:200], title=title.strip().upper()[:150],
                  name=" ".join(name.split())[:150])


def default_rows(organization, doc_types) -> dict:
    """{doc type: the organization's kept default row} for ``doc_types`` and for every type (key ""):
    one query, for a page that shows several types."""
    return {row.doc_type: row for row in SignerDefault.objects.unscoped("the defaults of an organization in hand")
            .filter(organization=organization, doc_type__in=[*doc_types, ""])}


def default_row(organization, doc_type: str, rows: dict | None = None):
    """The organization's kept default for ``doc_type`` (its row, else its row for every type), or None;
    from ``rows`` (``default_rows``) when given."""
    rows = default_rows(organization, [doc_type]) if rows is None else rows
    return rows.get(doc_type) or rows.get("")


def default_signer(organization, doc_type: str, rows: dict | None = None) -> Signer:
    """The organization's default signer for ``doc_type`` (its row, else its row for every type), or an
    empty ``Signer`` when none is kept."""
    row = default_row(organization, doc_type, rows)
    if row is None:
        return Signer()
    return Signer(authority=format_authority(row.authority, row.on_behalf_of), title=row.title.upper(),
                  name=row.name)


def signer_of(entry) -> Signer:
    """The signer stored with a register entry."""
    return Signer(authority=entry.signer_authority, title=entry.signer_title, name=entry.signer_name)


def signer_for(organization, doc_type: str, entry=None, rows: dict | None = None) -> Signer:
    """The signer to print: the one stored with the issued document, else the default (a draft)."""
    if entry is not None and (entry.signer_title or entry.signer_name):
        return signer_of(entry)
    return default_signer(organization, doc_type, rows)


@transaction.atomic
def set_default_signer(*, actor, organization, doc_type: str = "", authority: str = "", on_behalf_of: str = "",
                       title: str = "", name: str = "") -> SignerDefault:
    """Keep who signs ``organization``'s documents of ``doc_type`` ("" for every type) by default.

    Effects: creates or updates the ``SignerDefault`` row of (organization, doc_type); "create" or
    "update" audit event with the changed fields. Raises ``NotAllowed`` unless ``actor`` may change the
    organization, ``ValidationError`` naming the field for an unknown type or an incomplete signer
    (``make_signer``); nothing is changed then."""
    require(actor, "change", organization, _("You may not set who signs for %(org)s.") % {"org": organization.name},
            field="organization")
    if doc_type and doc_type not in DocType.values:
        raise ValidationError({"doc_type": _("Unknown document type %(code)s.") % {"code": doc_type}})
    make_signer(authority=authority, on_behalf_of=on_behalf_of, title=title, name=name)
    row = SignerDefault.objects.unscoped("domain lock of the key").select_for_update().filter(
        organization=organization, doc_type=doc_type).first()
    before = audit.snapshot(row) if row else {}
    if row is None:
        row = SignerDefault(organization=organization, doc_type=doc_type)
    row.authority, row.on_behalf_of = authority, (on_behalf_of or "").strip().upper()[:150]
    row.title, row.name = title.strip().upper()[:150], " ".join(name.split())[:150]
    row.save()
    audit.record(actor, "update" if before else "create", row, changes=audit.diff(before, audit.snapshot(row)))
    return row
