"""The Quy định 11 report of a Party secretary (Quy định 11-QĐi/TW, amended by Kết luận 215): a form of
the reports module, as data (sections and indicators), whose figures come from this module's records
(``figures.register``). The reports module does the rest as for any form: periods (month, quarter,
6 and 9 months, year), submission, approval, completeness, the roll-up across the 2025 succession, and
the report in the Party's format. ``ensure_qd11_form`` is idempotent; a data migration calls it."""

import datetime

QD11_FORM_CODE = "bao-cao-quy-dinh-11"
KINDS = [("complaint", "KN", "khiếu nại"), ("denunciation", "TC", "tố cáo"), ("recommendation", "KNG", "kiến nghị"),
         ("reflection", "PA", "phản ánh"), ("mixed", "HH", "hỗn hợp")]
FIELDS = [("land", "đất đai, bồi thường"), ("administration", "thủ tục hành chính"), ("social", "chính sách xã hội"),
          ("environment", "môi trường"), ("infrastructure", "hạ tầng"), ("justice", "tư pháp, trật tự"),
          ("officials", "tác phong cán bộ"), ("other", "lĩnh vực khác")]
MEASURES = [("NHAN", "tiếp nhận"), ("TL", "đã thụ lý"), ("GQ", "đã giải quyết"), ("QH", "quá hạn giải quyết")]

SECTIONS = [
    ("TD", "I. Tiếp công dân của người đứng đầu cấp ủy", True),
    ("DT", "II. Đối thoại trực tiếp với Nhân dân", True),
    ("DON", "III. Tiếp nhận, xử lý đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh", True),
    ("LV", "IV. Đơn thư tiếp nhận theo lĩnh vực", False),
    ("DG", "V. Đánh giá, kiến nghị", True),
]


def indicators() -> list[tuple]:
    """(section, code, name, unit) of every figure of the form, in order."""
    rows = [
        ("TD", "QD11_TD_YC", "Số ngày tiếp dân định kỳ phải thực hiện", "ngày"),
        ("TD", "QD11_TD_TH", "Số ngày đã tiếp dân", "ngày"),
        ("TD", "QD11_TD_LUOT", "Số lượt công dân được tiếp", "lượt"),
        ("TD", "QD11_TD_VV", "Số vụ việc được tiếp", "vụ việc"),
        ("TD", "QD11_TD_DOAN", "Số đoàn đông người", "đoàn"),
        ("DT", "QD11_DT", "Số cuộc đối thoại trực tiếp với Nhân dân", "cuộc"),
        ("DT", "QD11_YK", "Số ý kiến, kiến nghị của Nhân dân tại tiếp dân, đối thoại", "ý kiến"),
        ("DT", "QD11_CK", "Số nội dung người đứng đầu cam kết giải quyết", "nội dung"),
        ("DT", "QD11_CK_XONG", "Số cam kết đã thực hiện", "nội dung"),
    ]
    for measure, label in MEASURES:
        for _kind, short, name in KINDS:
            rows.append(("DON", f"QD11_{measure}_{short}", f"Đơn {name} {label}", "đơn"))
    for field, name in FIELDS:
        rows.append(("LV", f"QD11_LV_{field.upper()}", f"Đơn thư về {name}", "đơn"))
    return rows


def ensure_qd11_form(apps=None):
    """Create the QĐ 11 form and its first version when missing (idempotent).

    Effects: inserts one ``reports.Form`` (reported by Party committees), one ``FormVersion``, its
    ``Section`` and ``Indicator`` rows (no cross-figure rule: a period may resolve petitions received, or
    keep promises made, before it) — only when the form does not exist yet. Returns the form."""
    if apps is None:
        from django.apps import apps
    Form = apps.get_model("reports", "Form")
    FormVersion = apps.get_model("reports", "FormVersion")
    Section = apps.get_model("reports", "Section")
    Indicator = apps.get_model("reports", "Indicator")
    form, _created = Form.objects.get_or_create(code=QD11_FORM_CODE, defaults={
        "name": "Báo cáo thực hiện Quy định 11-QĐi/TW về tiếp dân, đối thoại, xử lý phản ánh, kiến nghị",
        "period_kinds": ["month", "quarter", "half", "nine_months", "year"],
        "applies_to_kinds": ["party_committee"], "deadline_days": 5, "grace_days": 0, "remind_days_before": 3})
    if FormVersion.objects.filter(form=form).exists():
        return form
    version = FormVersion.objects.create(form=form, number=1, is_current=True, published_on=datetime.date(2025, 1, 1))
    sections = {code: Section.objects.create(version=version, code=code, title=title, order=order,
                                             has_narrative=narrative)
                for order, (code, title, narrative) in enumerate(SECTIONS, start=1)}
    Indicator.objects.bulk_create([
        Indicator(version=version, section=sections[sec], code=code, name=name, unit=unit, value_type="integer",
                  aggregation="sum", min_value=0, required=False, order=order)
        for order, (sec, code, name, unit) in enumerate(indicators(), start=1)])
    return form
