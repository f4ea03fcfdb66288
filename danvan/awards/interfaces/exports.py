"""The nomination list (danh sách đề nghị) as a Party-format DOCX (the XLSX is the list definition's,
``interfaces/lists.py``)."""


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


LIST_DOC_TYPE = "TTr"
"""The list goes with the nominating organization's submission (Tờ trình) and takes its number line."""


def to_party_document(nominations, *, organization, title: str):
    """A ``PartyDocument`` (danvan.documents) listing the nominations in a table: the header of the
    nominating organization (superior body, issuing body, the submission's blank number line), the title
    "DANH SÁCH" and the summary, signed by the organization's default signer for submissions, never by
    whoever exported it. Marked "DỰ THẢO": the number is written in when the submission is issued."""
    from danvan.documents.compose import compose
    from danvan.documents.rendering import Paragraph, Table

    return compose(
        organization=organization, doc_type=LIST_DOC_TYPE, place=organization.area.name,
        doc_type_title=_("LIST").upper(), summary=_("Proposed for awards: %(title)s") % {"title": title},
        blocks=[Paragraph(_("Proposed for awards:")),
                Table(columns=headers(), rows=[[str(v) for v in r] for r in rows(nominations)], numeric_columns={0, 5})],
        recipients=[_("Filed.")],
    )
