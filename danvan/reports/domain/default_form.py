"""The default form "Báo cáo công tác dân vận": the standard sections of a dân vận report and its
figures, as data. ``ensure_default_form`` is idempotent; the data migration, the demo and the command
``manage.py ensure_default_form`` call it, so every installation has the form."""

import datetime

DEFAULT_FORM_CODE = "bao-cao-cong-tac-dan-van"

REPORTING_KINDS = ["mobilization_commission", "party_building_commission", "fatherland_front"]
PERIOD_KINDS = ["month", "quarter", "half", "nine_months", "year"]

# code, title, has narrative
SECTIONS = [
    ("DANG", "I. Công tác dân vận của cấp ủy Đảng", True),
    ("DVK", "II. Phong trào thi đua \"Dân vận khéo\"", True),
    ("CQ", "III. Công tác dân vận chính quyền", True),
    ("LLVT", "IV. Công tác dân vận của lực lượng vũ trang", True),
    ("MTDT", "V. Hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội", True),
    ("DTTG", "VI. Công tác dân tộc, tôn giáo", True),
    ("BAN", "VII. Công tác tự thân của Ban", True),
    ("KK", "VIII. Khó khăn, hạn chế", True),
    ("NV", "IX. Nhiệm vụ trọng tâm kỳ tới", True),
]

# section, code, name, unit, value type, aggregation, min, max, required
INDICATORS = [
    ("DANG", "DV_VB_CD", "Văn bản lãnh đạo, chỉ đạo về công tác dân vận được ban hành", "văn bản", "integer", "sum", 0, None, False),
    ("DVK", "DV_MH_DK", "Mô hình \"Dân vận khéo\" đăng ký", "mô hình", "integer", "sum", 0, None, True),
    ("DVK", "DV_MH_KT", "Mô hình \"Dân vận khéo\" lĩnh vực kinh tế", "mô hình", "integer", "sum", 0, None, False),
    ("DVK", "DV_MH_VH", "Mô hình \"Dân vận khéo\" lĩnh vực văn hóa – xã hội", "mô hình", "integer", "sum", 0, None, False),
    ("DVK", "DV_MH_QP", "Mô hình \"Dân vận khéo\" lĩnh vực quốc phòng – an ninh", "mô hình", "integer", "sum", 0, None, False),
    ("DVK", "DV_MH_XD", "Mô hình \"Dân vận khéo\" lĩnh vực xây dựng Đảng và hệ thống chính trị", "mô hình", "integer", "sum", 0, None, False),
    ("DVK", "DV_MH_HQ", "Mô hình \"Dân vận khéo\" được công nhận có hiệu quả", "mô hình", "integer", "sum", 0, None, False),
    ("DVK", "DV_KT_TT", "Tập thể được khen thưởng trong phong trào \"Dân vận khéo\"", "tập thể", "integer", "sum", 0, None, False),
    ("DVK", "DV_KT_CN", "Cá nhân được khen thưởng trong phong trào \"Dân vận khéo\"", "người", "integer", "sum", 0, None, False),
    ("CQ", "DV_DT_SO", "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân", "cuộc", "integer", "sum", 0, None, False),
    ("CQ", "DV_DON_NHAN", "Đơn thư tiếp nhận", "đơn", "integer", "sum", 0, None, True),
    ("CQ", "DV_DON_GQ", "Đơn thư đã giải quyết", "đơn", "integer", "sum", 0, None, True),
    ("LLVT", "DV_LLVT_NC", "Ngày công lực lượng vũ trang giúp dân", "ngày công", "integer", "sum", 0, None, False),
    ("MTDT", "DV_HV_NGUOI", "Hội viên, đoàn viên (số người)", "người", "integer", "latest", 0, None, False),
    ("MTDT", "DV_HV_LUOT", "Hội viên, đoàn viên (số lượt)", "lượt", "integer", "latest", 0, None, False),
    ("MTDT", "DV_TH_LUOT", "Thăm hỏi, tặng quà gia đình chính sách, người có uy tín, chức sắc", "lượt", "integer", "sum", 0, None, False),
    ("MTDT", "DV_TH_QUA", "Suất quà được trao", "suất", "integer", "sum", 0, None, False),
    ("MTDT", "DV_TH_TIEN", "Giá trị quà tặng", "đồng", "money", "sum", 0, None, False),
    ("DTTG", "DV_NUT", "Người có uy tín trong đồng bào dân tộc thiểu số", "người", "integer", "latest", 0, None, False),
    ("DTTG", "DV_TAO_HON", "Số vụ tảo hôn", "vụ", "integer", "sum", 0, None, False),
    ("DTTG", "DV_DCTD", "Hộ di cư tự do", "hộ", "integer", "sum", 0, None, False),
    ("DTTG", "DV_PN_XC", "Phụ nữ bỏ đi khỏi địa phương", "người", "integer", "sum", 0, None, False),
    ("DTTG", "DV_DIEM_NONG", "Địa bàn trọng điểm, điểm nóng", "điểm", "integer", "latest", 0, None, False),
    ("DTTG", "DV_HN_DTTS", "Tỷ lệ hộ nghèo đồng bào dân tộc thiểu số", "%", "percent", "avg", 0, 100, False),
    ("BAN", "DV_HN_SO", "Hội nghị, giao ban, sơ kết, tổng kết đã tổ chức", "cuộc", "integer", "sum", 0, None, False),
    ("BAN", "DV_TIN_BAI", "Tin, bài tuyên truyền về công tác dân vận", "tin, bài", "integer", "sum", 0, None, False),
    ("BAN", "DV_KTGS", "Cuộc kiểm tra, giám sát, khảo sát", "cuộc", "integer", "sum", 0, None, False),
]

# left, operator, right, message
RULES = [
    ("DV_DON_GQ", "<=", "DV_DON_NHAN", "Số đơn thư đã giải quyết không được lớn hơn số đơn thư tiếp nhận."),
    ("DV_MH_HQ", "<=", "DV_MH_DK", "Số mô hình được công nhận hiệu quả không được lớn hơn số mô hình đăng ký."),
    ("DV_MH_KT", "<=", "DV_MH_DK", "Số mô hình lĩnh vực kinh tế không được lớn hơn tổng số mô hình đăng ký."),
    ("DV_MH_VH", "<=", "DV_MH_DK", "Số mô hình lĩnh vực văn hóa – xã hội không được lớn hơn tổng số mô hình đăng ký."),
    ("DV_MH_QP", "<=", "DV_MH_DK", "Số mô hình lĩnh vực quốc phòng – an ninh không được lớn hơn tổng số mô hình đăng ký."),
    ("DV_MH_XD", "<=", "DV_MH_DK", "Số mô hình lĩnh vực xây dựng Đảng không được lớn hơn tổng số mô hình đăng ký."),
    ("DV_HV_NGUOI", "<=", "DV_HV_LUOT", "Số người là hội viên, đoàn viên không được lớn hơn số lượt hội viên, đoàn viên."),
    ("DV_TH_QUA", "<=", "DV_TH_LUOT", "Số suất quà không được lớn hơn số lượt thăm hỏi, tặng quà."),
]


def ensure_default_form(apps=None):
    """Create the default form and its first version when missing (idempotent).

    Effects: inserts one ``Form``, one ``FormVersion``, its ``Section``, ``Indicator`` and
    ``IndicatorRule`` rows — only when the form does not exist yet. Returns the form.
    ``apps`` is the migration state's registry when called from a data migration.
    """
    if apps is None:
        from django.apps import apps
    Form = apps.get_model("reports", "Form")
    FormVersion = apps.get_model("reports", "FormVersion")
    Section = apps.get_model("reports", "Section")
    Indicator = apps.get_model("reports", "Indicator")
    IndicatorRule = apps.get_model("reports", "IndicatorRule")
    form, created = Form.objects.get_or_create(
        code=DEFAULT_FORM_CODE,
        defaults={"name": "Báo cáo công tác dân vận", "period_kinds": PERIOD_KINDS,
                  "applies_to_kinds": REPORTING_KINDS, "deadline_days": 5, "grace_days": 0,
                  "remind_days_before": 3},
    )
    if FormVersion.objects.filter(form=form).exists():
        return form
    version = FormVersion.objects.create(form=form, number=1, is_current=True,
                                         published_on=datetime.date(2021, 1, 1))
    sections = {}
    for order, (code, title, narrative) in enumerate(SECTIONS, start=1):
        sections[code] = Section.objects.create(version=version, code=code, title=title, order=order,
                                                has_narrative=narrative)
    Indicator.objects.bulk_create([
        Indicator(version=version, section=sections[sec], code=code, name=name, unit=unit, value_type=vtype,
                  aggregation=agg, min_value=lo, max_value=hi, required=req, order=order)
        for order, (sec, code, name, unit, vtype, agg, lo, hi, req) in enumerate(INDICATORS, start=1)
    ])
    IndicatorRule.objects.bulk_create([
        IndicatorRule(version=version, left_code=left, operator=op, right_code=right, message=msg)
        for left, op, right, msg in RULES
    ])
    return form
