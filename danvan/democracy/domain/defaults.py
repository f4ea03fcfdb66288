"""The default list of the 14 kinds of item (Luật 10/2022/QH15, Điều 11) and the ratio rules, loaded by
the data migrations. Only the wording of items 1–3 is confirmed; every figure (deadline, posting period)
is a default an administrator changes in the admin site, and each such row says so in its note."""

UNCONFIRMED = ("Giá trị mặc định chưa được xác nhận (thời hạn, thời gian niêm yết, kênh bắt buộc): "
               "quản trị viên kiểm tra theo văn bản hướng dẫn và sửa tại trang quản trị.")
BASIS = "Luật 10/2022/QH15, Điều 11 khoản {n}; Điều 12, 13"

# number, name, recurrence, channels, deadline days, minimum posting days, radio days, wording confirmed
ITEMS = [
    (1, "Kế hoạch phát triển kinh tế – xã hội hằng năm và kết quả thực hiện", "yearly", ["office", "portal"], 30, 30, 0, True),
    (2, "Dự toán, tình hình thực hiện dự toán (quý, 6 tháng, năm), quyết toán ngân sách; kiến nghị kiểm toán", "quarterly", ["office", "portal"], 30, 30, 0, True),
    (3, "Dự án, công trình đầu tư và tiến độ; kế hoạch thu hồi đất, bồi thường, tái định cư; quy hoạch đất và xây dựng", "per_project", ["office", "portal", "village_heads"], 15, 30, 0, True),
    (4, "Quy chế, quy định của xã", "on_issue", ["office", "portal"], 15, 30, 0, False),
    (5, "Nhiệm vụ, quyền hạn của cán bộ, công chức trực tiếp giải quyết công việc của nhân dân; thủ tục hành chính", "yearly", ["office", "portal"], 30, 30, 0, False),
    (6, "Các quỹ, chương trình, khoản đóng góp huy động từ nhân dân", "half_yearly", ["office", "village_heads"], 30, 30, 0, False),
    (7, "Cho vay ưu đãi, bình xét hộ nghèo, hộ cận nghèo, trợ cấp xã hội", "yearly", ["office", "radio", "village_heads"], 15, 30, 3, False),
    (8, "Phí, lệ phí và các khoản thu", "yearly", ["office", "radio", "village_heads"], 15, 30, 3, False),
    (9, "Kết quả thanh tra, kiểm tra, xử lý vi phạm của cán bộ xã, thôn", "on_issue", ["office", "radio", "village_heads"], 15, 30, 3, False),
    (10, "Kết quả lấy phiếu tín nhiệm", "on_issue", ["office", "radio", "village_heads"], 15, 30, 3, False),
    (11, "Kết quả lấy ý kiến nhân dân", "on_issue", ["office", "radio", "village_heads"], 15, 30, 3, False),
    (12, "Thay đổi đơn vị hành chính, địa giới", "on_issue", ["office", "radio", "village_heads"], 15, 30, 3, False),
    (13, "Tình hình thực hiện dân chủ ở cơ sở, kết quả giải quyết kiến nghị của nhân dân", "yearly", ["office", "portal"], 30, 30, 0, False),
    (14, "Nội dung khác theo quy định của pháp luật hoặc xã thấy cần thiết", "on_issue", ["office"], 30, 30, 0, False),
]

# matter, base, threshold %, quorum %, legal basis
RULES = [
    ("public_works", "total", 50, 50, "Luật 10/2022/QH15, Điều 22–23"),
    ("funds", "total", 50, 50, "Luật 10/2022/QH15, Điều 22–23"),
    ("village_rules", "total", 50, 50, "Luật 10/2022/QH15, Điều 22–23"),
    ("village_head", "participating", 50, 50, "Luật 10/2022/QH15, Điều 22–23; Nghị định 59/2023/NĐ-CP"),
    ("inspection_board", "participating", 50, 50, "Luật 10/2022/QH15, Điều 22–23"),
    ("investment_board", "participating", 50, 50, "Luật 10/2022/QH15, Điều 22–23"),
    ("other", "total", 50, 50, "Luật 10/2022/QH15, Điều 22–23"),
]


def load(apps=None) -> None:
    """Create the default items and rules that do not exist yet (an administrator's edits are kept)."""
    if apps is None:
        from django.apps import apps as registry
        apps = registry
    Item = apps.get_model("democracy", "DisclosureItem")
    Rule = apps.get_model("democracy", "DecisionRule")
    for number, name, recurrence, channels, deadline, posting, radio, confirmed in ITEMS:
        Item.objects.get_or_create(number=number, defaults=dict(
            name=name, legal_basis=BASIS.format(n=number), recurrence=recurrence, channels=channels,
            deadline_days=deadline, min_posting_days=posting, min_radio_days=radio, unconfirmed=True,
            note=("Tên gọi theo Điều 11 (đã xác nhận). " if confirmed else "Tên gọi chưa được xác nhận. ") + UNCONFIRMED))
    for matter, base, threshold, quorum, basis in RULES:
        Rule.objects.get_or_create(matter=matter, defaults=dict(
            base=base, threshold_percent=threshold, quorum_percent=quorum, legal_basis=basis, unconfirmed=True,
            note="Tỷ lệ mặc định (trên 50%) chưa được xác nhận cho từng nội dung; quản trị viên sửa tại trang quản trị."))


# Public holidays 2025–2027 (Bộ luật Lao động 2019, Điều 112: 1/1; Tết Nguyên đán 5 days; 10/3 âm lịch;
# 30/4; 1/5; 2/9 and a day next to it; a holiday on a weekend moves to the next working day). Only the
# weekdays off are rows (weekends never count). The Tết days and the day next to 2/9 are those the
# Government announced for 2025 and 2026; 2027's are a forecast, marked to confirm.
TET = "Tết Nguyên đán"
HUNG = "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
HOLIDAYS = [
    ("2025-01-01", "Tết Dương lịch", False),
    *[(f"2025-01-{d}", TET, False) for d in (27, 28, 29, 30, 31)],
    ("2025-04-07", HUNG, False),
    ("2025-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", False),
    ("2025-05-01", "Ngày Quốc tế Lao động", False),
    ("2025-09-01", "Quốc khánh (ngày liền kề)", False),
    ("2025-09-02", "Quốc khánh", False),
    ("2026-01-01", "Tết Dương lịch", False),
    *[(f"2026-02-{d}", TET, False) for d in (16, 17, 18, 19, 20)],
    ("2026-04-27", HUNG + " — nghỉ bù (26/4 là Chủ nhật)", False),
    ("2026-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", False),
    ("2026-05-01", "Ngày Quốc tế Lao động", False),
    ("2026-09-01", "Quốc khánh (ngày liền kề)", True),
    ("2026-09-02", "Quốc khánh", False),
    ("2027-01-01", "Tết Dương lịch", False),
    *[(f"2027-02-{d:02d}", TET, True) for d in (4, 5, 8, 9, 10)],
    ("2027-04-16", HUNG, True),
    ("2027-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", False),
    ("2027-05-03", "Ngày Quốc tế Lao động — nghỉ bù (1/5 là thứ Bảy)", False),
    ("2027-09-02", "Quốc khánh", False),
    ("2027-09-03", "Quốc khánh (ngày liền kề)", True),
]


def load_holidays(apps=None):
    """Insert the seeded holidays that are not in the table yet (an administrator's edits are kept)."""
    import datetime

    if apps is None:
        from danvan.democracy.models import PublicHoliday
    else:
        PublicHoliday = apps.get_model("democracy", "PublicHoliday")  # noqa: N806
    have = set(PublicHoliday.objects.values_list("day", flat=True))
    PublicHoliday.objects.bulk_create([
        PublicHoliday(day=datetime.date.fromisoformat(day), name=name, unconfirmed=unconfirmed,
                      note="Ngày dự kiến, chờ thông báo của Chính phủ." if unconfirmed else "")
        for day, name, unconfirmed in HOLIDAYS if datetime.date.fromisoformat(day) not in have])
