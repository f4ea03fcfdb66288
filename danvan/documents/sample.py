"""A sample Báo cáo in the Party's format: for eyeballing the layout (``render_sample_document``) and
for the benchmark (``pages`` repeats the body to make a longer report)."""

import datetime
from decimal import Decimal

from danvan.documents.rendering import Heading, Paragraph, PartyDocument, Table

_COMMUNES = ["Bảo Ái", "Yên Bái", "Tân Hương", "Cảm Nhân", "Yên Bình", "Thác Bà", "Văn Yên", "Mậu A", "Lục Yên",
             "Bảo Yên", "Sa Pa", "Bát Xát", "Mường Khương", "Si Ma Cai", "Bắc Hà", "Văn Bàn", "Nghĩa Lộ",
             "Trạm Tấu", "Mù Cang Chải", "Cam Đường", "Lào Cai", "Cốc San", "Hợp Thành", "Phong Hải", "Xuân Quang",
             "Gia Phú", "Tằng Loỏng", "Võ Lao", "Khánh Yên", "Dương Quỳ"]


def figures_table(rows: int = 9) -> Table:
    """A table of models per commune: counts as ints, shares as Decimals with two places."""
    data = []
    for index in range(rows):
        models_total = 1134 - index * 37
        good = models_total * (3624 - index * 41) // 10000
        data.append([index + 1, f"Xã {_COMMUNES[index % len(_COMMUNES)]}", models_total, good,
                     f"{Decimal(good * 10000 // models_total) / 100:.2f}".replace(".", ",") + "%"])
    return Table(columns=["STT", "Đơn vị", "Số mô hình", "Mô hình tiêu biểu", "Tỷ lệ"], rows=data,
                 numeric_columns={0, 2, 3, 4}, caption="Bảng 1. Kết quả xây dựng mô hình “Dân vận khéo” 9 tháng")


_PARAGRAPHS = [
    "Thực hiện Chương trình công tác năm 2025 của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo và Dân vận Tỉnh ủy "
    "báo cáo kết quả công tác dân vận 9 tháng đầu năm, phương hướng, nhiệm vụ trọng tâm 3 tháng cuối năm 2025 "
    "như sau:",
    "Các cấp ủy, tổ chức đảng tiếp tục quán triệt, triển khai thực hiện nghiêm túc các chủ trương của Đảng về "
    "công tác dân vận; chú trọng nắm tình hình nhân dân, giải quyết kịp thời những vấn đề bức xúc, phát sinh "
    "ngay từ cơ sở; phong trào thi đua “Dân vận khéo” được triển khai sâu rộng, có 1.134 mô hình được công nhận.",
    "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội đổi mới nội dung, phương thức hoạt động, hướng mạnh về "
    "cơ sở; việc thực hiện Quy chế dân chủ ở cơ sở có chuyển biến tích cực, tỷ lệ mô hình tiêu biểu đạt 36,24%.",
]


def sample_report(*, pages: int = 1, table_rows: int = 9, number_line: str = "Số 24-BC/BTGDVTU",
                  date: datetime.date = datetime.date(2025, 10, 5)) -> PartyDocument:
    """A Báo cáo of the Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai; ``pages`` repeats the body."""
    blocks = [Paragraph(_PARAGRAPHS[0]), Heading("I. KẾT QUẢ THỰC HIỆN")]
    for part in range(pages):
        blocks += [Heading(f"{part + 1}. Công tác dân vận của hệ thống chính trị"),
                   Paragraph(_PARAGRAPHS[1]), Paragraph(_PARAGRAPHS[2]), Paragraph(_PARAGRAPHS[1])]
    blocks += [figures_table(table_rows), Heading("II. PHƯƠNG HƯỚNG, NHIỆM VỤ 3 THÁNG CUỐI NĂM"),
               Paragraph(_PARAGRAPHS[2])]
    return PartyDocument(
        superior_body="Tỉnh ủy Lào Cai", issuing_body="Ban Tuyên giáo và Dân vận", number_line=number_line,
        place="Lào Cai", date=date, doc_type_title="BÁO CÁO",
        summary="Kết quả công tác dân vận 9 tháng, phương hướng, nhiệm vụ 3 tháng cuối năm 2025", blocks=blocks,
        signer_authority="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn Mẫu",
        recipients=["Ban Tuyên giáo và Dân vận Trung ương,", "Thường trực Tỉnh ủy,", "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,",
                    "Lưu Văn phòng."],
    )
