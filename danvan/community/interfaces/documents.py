"""The list of people of prestige as a document in the Party's format (a notice, TB), masked for the
reader like every other view of it."""

from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.community.interfaces.present import present
from danvan.documents.rendering import Paragraph, PartyDocument, Table
from danvan.meetings.interfaces.documents import bodies


def list_document(plist, entries, user) -> PartyDocument:
    superior, issuing = bodies(plist.organization)
    rows = []
    for index, entry in enumerate(entries, start=1):
        r = present(entry, user)
        rows.append([index, r["full_name"], r["birth_year"] or "", r["ethnicity"] or "", r["religion"] or "",
                     r["village"], r["role"]])
    summary = _("List of people of prestige of %(area)s, term %(a)s–%(b)s") % {
        "area": f"{plist.area.kind_name} {plist.area.name}", "a": plist.term_start, "b": plist.term_end}
    blocks = []
    if plist.decision_number:
        blocks.append(Paragraph(_("Recognized by decision %(n)s of %(d)s, %(who)s (%(basis)s).") % {
            "n": plist.decision_number, "d": plist.decision_date.strftime("%d/%m/%Y") if plist.decision_date else "",
            "who": plist.authority, "basis": plist.get_legal_basis_display()}))
    blocks.append(Table(columns=[_("No."), _("Full name"), _("Year of birth"), _("Ethnicity"), _("Religion"),
                                 _("Village"), _("Role in the community")], rows=rows, numeric_columns={0, 2}))
    blocks.append(Paragraph(_("Total: %(n)s people.") % {"n": f"{len(rows):,}".replace(",", ".")}))
    return PartyDocument(
        superior_body=superior, issuing_body=issuing, number_line=_("No.    -TB (draft)"),
        place=plist.organization.area.name, date=timezone.localdate(), doc_type_title=_("NOTICE"),
        summary=summary, blocks=blocks, signer_authority=_("ON BEHALF OF THE STANDING BOARD"), signer_title="",
        signer_name="", recipients=[_("Participating organizations,"), _("Filed.")])
