"""The yearly review of a province's steering committee for grassroots democracy (Ban Chỉ đạo thực hiện
Quy chế dân chủ ở cơ sở), generated from the records: the figures a leader reads out at the conference and
a Báo cáo in the Party's format (DOCX through ``danvan.documents.rendering``). Read-only: no number is
issued (the number line is left to fill in when the report is issued through the register)."""

import datetime
from collections import Counter

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from danvan.democracy.domain import decisions as decision_rules
from danvan.democracy.domain import findings as finding_rules
from danvan.democracy.domain import portal
from danvan.democracy.models import Consultation, PortalEntry
from danvan.democracy.queries import disclosures as q
from danvan.democracy.queries.calendar import holidays as holiday_dates
from danvan.democracy.queries.people import decisions_for, findings_for
from danvan.democracy.rules.state import COMPLIANT, DUE_STATES, State
from danvan.orgs.scope import restrict


def _n(value, decimals=0) -> str:
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _pct(part, whole) -> str:
    return (_n(round(part * 100 / whole, 2), 2) + "%") if whole else "—"


def figures(user, province, *, year: int, today: datetime.date) -> dict:
    """Every figure of the review for ``province`` and ``year``, from what ``user`` may see."""
    obligations = q.in_area(q.obligations_for(user), province).filter(year=year)
    states = Counter(s for s, _m in q.states(obligations, today=today).values())
    due = sum(states[s] for s in DUE_STATES) + states[State.NOT_APPLICABLE]
    compliant = sum(states[s] for s in COMPLIANT)
    decisions = list(q.in_area(decisions_for(user), province).filter(decided_on__year=year))
    findings = list(q.in_area(findings_for(user), province, field="organization__area_id").filter(found_on__year=year))
    consultations = q.in_area(restrict(Consultation.objects.all(), user), province).filter(opens_on__year=year).count()
    rows = q.province_table(user, province, year=year, today=today)
    days_off = holiday_dates()
    dialogues = PortalEntry.objects.filter(kind=PortalEntry.Kind.NOTICE, province=province, year=year).count() \
        if portal._NOTICE_SOURCES else None
    return {
        "province": province, "year": year, "communes": len(rows), "obligations": sum(states.values()),
        "due": due, "on_time": states[State.ON_TIME], "late": states[State.LATE], "overdue": states[State.OVERDUE],
        "channel_missing": states[State.CHANNEL_MISSING], "too_brief": states[State.TOO_BRIEF],
        "not_applicable": states[State.NOT_APPLICABLE], "compliance": _pct(compliant, due),
        "communes_full": sum(1 for r in rows if r["due"] and r["rate"] == 1),
        "decisions": len(decisions),
        "decisions_approved": sum(1 for d in decisions if decision_rules.outcome(d)["approved"]),
        "decisions_late": sum(1 for d in decisions if decision_rules.is_sent_late(d, today=today, holidays=days_off)),
        "consultations": consultations, "findings": len(findings),
        "findings_answered": sum(1 for f in findings if f.answered_on),
        "findings_late": sum(1 for f in findings if finding_rules.is_late(f, today=today)),
        "dialogues": dialogues, "rows": rows,
    }


def read_out(f: dict) -> list[str]:
    """The sentences a leader reads out at the conference."""
    lines = [
        _("In %(year)s the %(communes)s communes had %(obligations)s items to make public; %(due)s were due, "
          "%(compliance)s of them made public on time and in full.") % {
            "year": f["year"], "communes": _n(f["communes"]), "obligations": _n(f["obligations"]), "due": _n(f["due"]),
            "compliance": f["compliance"]},
        _("%(late)s were made public late, %(missing)s missed a required channel, %(brief)s were posted too "
          "briefly and %(overdue)s were not made public.") % {
            "late": _n(f["late"]), "missing": _n(f["channel_missing"]), "brief": _n(f["too_brief"]),
            "overdue": _n(f["overdue"])},
        _("The people decided %(decisions)s matters (%(approved)s approved; %(late)s minutes reached the commune "
          "after 5 working days); %(consultations)s drafts were put to the people.") % {
            "decisions": _n(f["decisions"]), "approved": _n(f["decisions_approved"]), "late": _n(f["decisions_late"]),
            "consultations": _n(f["consultations"])},
        _("The oversight boards and the Front made %(findings)s recommendations; %(answered)s were answered, "
          "%(late)s late or still unanswered after their due date.") % {
            "findings": _n(f["findings"]), "answered": _n(f["findings_answered"]), "late": _n(f["findings_late"])},
    ]
    if f["dialogues"] is not None:
        lines.append(_("%(n)s dialogues with the people were published.") % {"n": _n(f["dialogues"])})
    return lines


def document(f: dict, *, date: datetime.date):
    """The review as a Báo cáo in the Party's format (blocks for ``render_docx``)."""
    from danvan.documents.layout import format_draft_number_line
    from danvan.documents.rendering import Heading, Paragraph, PartyDocument, Table

    province = f["province"]
    worst = sorted((r for r in f["rows"] if r["rate"] is not None), key=lambda r: r["rate"])[:10]
    table = Table(columns=["STT", "Xã, phường", "Đến hạn", "Đúng hạn", "Quá hạn", "Tỷ lệ"],
                  rows=[[i + 1, r["area"].full_name, r["due"], r["counts"].get(State.ON_TIME, 0),
                         r["counts"].get(State.OVERDUE, 0), _n(round(r["rate"] * 100, 1), 1) + "%"]
                        for i, r in enumerate(worst)], numeric_columns={0, 2, 3, 4, 5},
                  caption="Bảng 1. Các xã có tỷ lệ công khai đúng hạn thấp nhất")
    blocks = [Paragraph(f"Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở {province.full_name} báo cáo tổng kết việc "
                        f"thực hiện dân chủ ở cơ sở năm {f['year']} như sau:"),
              Heading("I. KẾT QUẢ THỰC HIỆN"), Heading("1. Công khai thông tin ở xã, phường")]
    lines = read_out(f)
    blocks += [Paragraph(lines[0]), Paragraph(lines[1]), table, Heading("2. Nhân dân bàn và quyết định, tham gia ý kiến"),
               Paragraph(lines[2]), Heading("3. Nhân dân kiểm tra, giám sát"), Paragraph(lines[3])]
    if len(lines) > 4:
        blocks.append(Paragraph(lines[4]))
    blocks += [Heading("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TIẾP THEO"),
               Paragraph("Chỉ đạo các xã có tỷ lệ công khai đúng hạn thấp khắc phục ngay các nội dung quá hạn; "
                         "công khai dân chủ những chương trình, dự án trọng điểm để người dân biết.")]
    return PartyDocument(
        superior_body=f"Tỉnh ủy {province.name}", issuing_body="Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở",
        number_line=format_draft_number_line(doc_type="BC", organization_symbol="BCĐ"), draft=True,
        place=province.name, date=date, doc_type_title="BÁO CÁO",
        summary=f"Tổng kết việc thực hiện Quy chế dân chủ ở cơ sở năm {f['year']}", blocks=blocks,
        signer_authority="T/M BAN CHỈ ĐẠO", signer_title="TRƯỞNG BAN", signer_name="",
        recipients=["Ban Tuyên giáo và Dân vận Trung ương,", "Thường trực Tỉnh ủy,", "Lưu."])
