"""The list of people of prestige as a document in the Party's format (a notice, TB), masked for the
reader like every other view of it."""

from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.community.interfaces.present import present
from danvan.documents.compose import compose
from danvan.documents.rendering import Heading, Paragraph, PartyDocument, Table


def list_document(plist, entries, user) -> PartyDocument:
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
    return compose(  # a draft (DỰ THẢO, "Số    -TB/…"), signed by the organization's default signer
        organization=plist.organization, doc_type="TB", place=plist.organization.area.name,
        doc_type_title=_("NOTICE"), summary=summary, blocks=blocks,
        recipients=[_("Participating organizations,"), _("Filed.")])


def summary_document(user, *, rows, reports, month, area=None, topic=None) -> PartyDocument:
    """The Ban's summary of public opinion of ``month`` to the Standing Committee (a report, BC): the
    figures per topic and social group, then the main currents of each topic (the statements masked for
    a reader without the "opinion" grant). It never names anyone: reports name nobody, and collaborators
    are not mentioned."""
    from danvan.community.domain.privacy import shown
    from danvan.orgs.scope import active_memberships

    memberships = sorted(active_memberships(user), key=lambda m: (m.organization.area.level != "province",
                                                                   m.organization.pk))
    organization = memberships[0].organization if memberships else (reports[0].organization if reports else None)
    where = f" {area.kind_name} {area.name}" if area else ""
    blocks = [Paragraph(_("In %(m)s the organizations%(where)s sent %(n)s opinion reports (%(u)s urgent).") % {
        "m": month.strftime("%m/%Y"), "where": where, "n": _num(sum(r["reports"] for r in rows)),
        "u": _num(sum(r["urgent"] for r in rows))}),
        Heading(_("I. FIGURES PER TOPIC AND SOCIAL GROUP")),
        Table(columns=[_("No."), _("Topic"), _("Social group"), _("Reports"), _("For"), _("Against"),
                       _("Undecided"), _("Strength"), _("Spread")],
              rows=[[i, r["topic__title"] or _("No topic"), str(r["group"]), r["reports"], r["for_"], r["against"],
                     r["undecided"], _decimal(r["strength"]), _decimal(r["spread"])]
                    for i, r in enumerate(rows, start=1)], numeric_columns={0, 3, 4, 5, 6, 7, 8}),
        Heading(_("II. MAIN CURRENTS OF OPINION"))]
    by_topic: dict = {}
    for report in reports:
        by_topic.setdefault(report.topic.title if report.topic_id else _("No topic"), []).append(report)
    for title, group in by_topic.items():
        blocks.append(Paragraph(f"{title}:"))
        for report in sorted(group, key=lambda r: (-r.strength * r.spread, r.pk))[:5]:
            blocks.append(Paragraph(f"- {report.get_social_group_display()} ({report.area.name}, "
                                    f"{report.get_stance_display().lower()}): {shown(user, 'opinion', report.statement)}"))
    if topic is not None:
        blocks.insert(0, Paragraph(_("Topic: %(t)s.") % {"t": topic.title}))
    summary = _("Public opinion in %(m)s") % {"m": month.strftime("%m/%Y")}
    recipients = [_("The Standing Committee (to report),"), _("Filed.")]
    if organization is not None:  # a draft (DỰ THẢO, "Số    -BC/…"), signed by the organization's default signer
        return compose(organization=organization, doc_type="BC", place=organization.area.name,
                       doc_type_title=_("REPORT"), summary=summary, blocks=blocks, recipients=recipients)
    return PartyDocument(superior_body="", issuing_body="", number_line="", place="", date=timezone.localdate(),
                         doc_type_title=_("REPORT"), summary=summary, blocks=blocks, recipients=recipients, draft=True)


def _num(n) -> str:
    return f"{n:,}".replace(",", ".")


def _decimal(value) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",")
