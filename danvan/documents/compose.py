"""One way for every module to lay out its document in the Party's format: the issuing bodies, the
number line (the register entry's, or the same blank line for every draft: "Số    -GM/BTGDVTU"), the
date, the signer block (stored with the entry, or the organization's default on a draft) and the
"DỰ THẢO" mark of a document not numbered yet. Read-only: nothing is written (a GET renders a draft)."""

import datetime

from django.utils import timezone

from danvan.documents.domain.signers import Signer, signer_for
from danvan.documents.domain.symbols import registry_symbol
from danvan.documents.layout import format_draft_number_line
from danvan.documents.rendering.blocks import PartyDocument


def bodies(organization) -> tuple[str, str]:
    """(superior body, issuing body) in capitals: ("TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO VÀ DÂN VẬN") for
    "Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai" under "Tỉnh ủy Lào Cai"."""
    parent = organization.parent
    if parent is None:
        return "", organization.name.upper()
    name = organization.name
    if name.endswith(parent.name) and name != parent.name:
        name = name[: -len(parent.name)].strip()
    return parent.name.upper(), name.upper()


def draft_number_line(organization, doc_type: str) -> str:
    """ "Số    -GM/BTGDVTU": the number line of every draft of ``organization``'s documents of ``doc_type``."""
    return format_draft_number_line(doc_type=doc_type, organization_symbol=registry_symbol(organization))


def compose(*, organization, doc_type: str, entry=None, place: str, doc_type_title: str, summary: str = "",
            blocks: list, recipients: list[str], signer: Signer | None = None,
            date: datetime.date | None = None) -> PartyDocument:
    """The ``PartyDocument`` of ``organization``'s document of ``doc_type``: numbered when ``entry`` (its
    ``IssuedDocument``) is given, a marked draft otherwise. ``signer`` overrides the stored/default one
    (a preview of the signer chosen before issuing)."""
    superior, issuing = bodies(organization)
    signer = signer or signer_for(organization, doc_type, entry)
    return PartyDocument(
        superior_body=superior, issuing_body=issuing,
        number_line=entry.number_line if entry else draft_number_line(organization, doc_type),
        place=place, date=entry.issued_on if entry else (date or timezone.localdate()),
        doc_type_title=doc_type_title, summary=summary, blocks=blocks,
        signer_authority=signer.authority, signer_title=signer.title, signer_name=signer.name,
        recipients=[r for r in recipients if r], draft=entry is None,
    )
