"""The content of a meeting's invitation, minutes and notice of conclusions as ``PartyDocument``s."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from danvan.documents.compose import bodies, compose  # noqa: F401 (bodies: used by community)
from danvan.documents.rendering import Heading, Paragraph, PartyDocument, Table
from danvan.meetings.domain.bridge import totals
from danvan.meetings.domain.documents import DOC_TYPES, issued, summary_for
from danvan.meetings.models import Role

POINTS_LISTED = 200


def _when(meeting) -> str:
    start = timezone.localtime(meeting.starts_at)
    return _("%(h)s, %(d)s") % {"h": start.strftime("%H:%M"), "d": start.strftime("%d/%m/%Y")}


def _people(meeting) -> list:
    entries = list(meeting.roles.select_related("person"))
    blocks = []
    for value, label in Role.choices:
        names = [f"{e.person.full_name}, {e.position_text}" + (f", {e.organization_name}" if e.organization_name else "")
                 for e in entries if e.role == value]
        if names:
            blocks.append(Paragraph(f"{label}: " + "; ".join(names) + "."))
    return blocks


def _points(meeting) -> list:
    t = totals(meeting)
    if not t["points"]:
        return []
    rows = [[p.order, p.name, p.host_name, p.expected, p.present if p.present is not None else ""]
            for p in meeting.bridge_points.all()[:POINTS_LISTED]]
    blocks = [Paragraph(_("Bridge points: %(p)s; delegates expected: %(e)s; present: %(r)s.") % {
        "p": f"{t['points']:,}".replace(",", "."), "e": f"{t['expected']:,}".replace(",", "."),
        "r": f"{t['present']:,}".replace(",", ".")})]
    blocks.append(Table(columns=[_("No."), _("Bridge point"), _("Host"), pgettext("delegates", "Expected"), _("Present")], rows=rows,
                        numeric_columns={0, 3, 4}))
    if t["points"] > POINTS_LISTED:
        blocks.append(Paragraph(_("(The first %(n)s bridge points; the full list is in the system.)") % {
            "n": POINTS_LISTED}, italic=True))
    return blocks


def _invited_points(meeting) -> list:
    """The invitation names where one joins (the number of bridge points), never who attended."""
    count = meeting.bridge_points.count()
    if not count:
        return []
    names = [p.name for p in meeting.bridge_points.all()[:POINTS_LISTED]]
    more = _(" and %(n)s more (the full list is in the system)") % {"n": count - len(names)} if count > len(names) else ""
    return [Paragraph(_("The meeting is held online with %(p)s bridge points: %(names)s%(more)s.") % {
        "p": f"{count:,}".replace(",", "."), "names": ", ".join(names), "more": more})]


def meeting_document(meeting, kind: str, *, signer=None) -> PartyDocument:
    """The meeting's invitation (GM), minutes (BB) or notice of conclusions (TB): numbered when the
    register has its entry, otherwise a draft marked "DỰ THẢO" with the blank number line. Read-only."""
    entry = issued(meeting, kind)
    blocks = []
    if kind == "invitation":
        title = _("INVITATION")
        blocks += [Paragraph(_("We respectfully invite you to attend: %(t)s.") % {"t": meeting.title}),
                   Paragraph(_("Time: %(w)s.") % {"w": _when(meeting)}),
                   Paragraph(_("Venue: %(v)s.") % {"v": meeting.venue or "—"}),
                   Paragraph(_("Mode: %(m)s.") % {"m": meeting.get_mode_display()})]
        if meeting.agenda:
            blocks += [Heading(_("Agenda")), *[Paragraph(line) for line in meeting.agenda.splitlines() if line.strip()]]
        blocks += _invited_points(meeting)
    elif kind == "minutes":
        title = _("MINUTES")
        blocks += [Heading(_("I. TIME, VENUE, PARTICIPANTS")),
                   Paragraph(_("Time: %(w)s.") % {"w": _when(meeting)}),
                   Paragraph(_("Venue: %(v)s.") % {"v": meeting.venue or "—"}), *_people(meeting), *_points(meeting),
                   Heading(_("II. CONTENT"))]
        if meeting.summary:
            blocks.append(Paragraph(meeting.summary))
        for c in meeting.contributions.select_related("organization"):
            who = ", ".join(x for x in (c.speaker, c.organization.name if c.organization else "") if x)
            blocks.append(Paragraph(f"{who}: {c.summary}" if who else c.summary))
        blocks.append(Heading(_("III. CONCLUSIONS")))
        blocks += [Paragraph(f"{c.number}. {c.text}") for c in meeting.conclusions.all()]
    else:
        title = _("NOTICE")
        blocks.append(Paragraph(_("On %(w)s, %(org)s held: %(t)s. The meeting concluded as follows:") % {
            "w": _when(meeting), "org": meeting.organization.name, "t": meeting.title}))
        blocks += [Paragraph(f"{c.number}. {c.text}") for c in meeting.conclusions.all()]
    return compose(
        organization=meeting.organization, doc_type=DOC_TYPES[kind], entry=entry,
        place=meeting.organization.area.name, doc_type_title=title, summary=summary_for(meeting, kind),
        blocks=blocks, signer=signer,
        recipients=[_("As invited,") if kind == "invitation" else _("Participating organizations,"), _("Filed.")],
    )
