"""The nomination list (danh sách đề nghị) as a Party-format DOCX (the XLSX is the list definition's,
``interfaces/lists.py``)."""


from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

COLUMNS = [gettext_noop("No."), gettext_noop("Nominee"), gettext_noop("Position, unit"), gettext_noop("Award kind"),
           gettext_noop("Nominating organization"), gettext_noop("Year"), gettext_noop("Status"),
           gettext_noop("Decision")]


def rows(nominations) -> list[list]:
    result = []
    for i, n in enumerate(nominations, start=1):
        decision = f"{n.decision_number} ({n.decision_date:%d/%m/%Y})" if n.decision_number and n.decision_date else ""
        result.append([i, n.nominee_name, n.nominee_position, n.award_kind.name, n.organization.name, n.year,
                       n.get_status_display(), decision])
    return result


def headers() -> list[str]:
    return [_(c) for c in COLUMNS]


def to_party_document(nominations, *, organization, title: str, signer_name: str = ""):
    """A ``PartyDocument`` (danvan.documents) listing the nominations in a table."""
    from danvan.documents.rendering import Paragraph, PartyDocument, Table

    parent = organization.parent
    return PartyDocument(
        superior_body=(parent.name if parent else "").upper(), issuing_body=organization.name.upper(),
        number_line="", place=organization.area.name, date=timezone.localdate(),
        doc_type_title=_("LIST").upper(), summary=title,
        blocks=[Paragraph(_("Proposed for awards:")),
                Table(columns=headers(), rows=[[str(v) for v in r] for r in rows(nominations)], numeric_columns={0, 5})],
        signer_authority="", signer_title="", signer_name=signer_name, recipients=[_("Filed.")],
    )
