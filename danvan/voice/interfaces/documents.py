"""The dialogue's result notice (Thông báo kết quả đối thoại) as a ``PartyDocument``: the opinions raised
and the answers given, commitments with the organization that promised and the date; never a citizen's
name. Numbered by the register (TB) once issued, a draft before."""

from django.utils.translation import gettext as _

from danvan.documents.compose import compose
from danvan.documents.rendering import Paragraph, PartyDocument, Table
from danvan.voice.models import Opinion, Outcome


def result_notice(dialogue) -> PartyDocument:
    """The document of ``dialogue`` (fetched through the scope by the caller)."""
    entry = dialogue.result_document
    opinions = list(Opinion.objects.unscoped("the opinions of a dialogue fetched through the scope").filter(
        dialogue=dialogue).select_related("addressed_to", "task").order_by("id"))
    rows = []
    for number, o in enumerate(opinions, start=1):
        answer = o.answer
        if o.outcome == Outcome.COMMITMENT:
            answer = _("%(a)s Commitment: by %(d)s, %(org)s.") % {
                "a": o.answer, "d": o.due_date.strftime("%d/%m/%Y") if o.due_date else "—",
                "org": o.addressed_to.name if o.addressed_to else dialogue.organization.name}
        rows.append([number, o.get_field_display(), o.text, o.get_outcome_display(), answer.strip()])
    held = dialogue.held_on.strftime("%d/%m/%Y")
    blocks = [Paragraph(_("On %(d)s, %(org)s held the dialogue “%(t)s”%(v)s.") % {
        "d": held, "org": dialogue.organization.name, "t": dialogue.meeting.title,
        "v": _(" at %(v)s") % {"v": dialogue.meeting.venue} if dialogue.meeting.venue else ""})]
    if dialogue.front_opinions:
        blocks.append(Paragraph(_("Opinions gathered by the Front beforehand: %(o)s") % {"o": dialogue.front_opinions}))
    blocks.append(Paragraph(_("The citizens raised %(n)s opinions; they were answered as follows:") % {
        "n": len(opinions)}))
    if rows:
        blocks.append(Table(columns=[_("No."), _("Field"), _("Opinion"), _("Outcome"), _("Answer")], rows=rows,
                            numeric_columns={0}))
    blocks.append(Paragraph(_("This notice is posted at the office and sent to the heads of the villages and "
                              "residential groups.")))
    # the register's number, date and signer once issued; a draft (DỰ THẢO, "Số    -TB/…") signed by the
    # organization's default signer before
    return compose(
        organization=dialogue.organization, doc_type="TB", entry=entry, place=dialogue.organization.area.name,
        doc_type_title=_("NOTICE"), summary=_("Results of the dialogue with the people on %(d)s") % {"d": held},
        blocks=blocks,
        recipients=[_("Heads of villages and residential groups,"), _("The Fatherland Front,"), _("Filed.")])
