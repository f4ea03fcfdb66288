"""Demo articles for "Đọc bài viết": two press reports, read and waiting for an officer to check them
(written for the demo; the facts are invented). Running it again creates no duplicates."""

from danvan.orgs.models import Organization
from danvan.reader.domain.articles import read_text
from danvan.reader.models import Article

ARTICLES = [
    ("legacy:p10", "Ban Dân vận Tỉnh ủy Lào Cai", "Giao ban công tác dân vận quý III năm 2021", """
Chiều 8/10/2021, Ban Dân vận Tỉnh ủy Lào Cai tổ chức hội nghị trực tuyến giao ban công tác dân vận quý III năm 2021 với 9 điểm cầu các huyện, thị xã, thành phố.
Đồng chí Nguyễn Thị Thu Hà, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị. Dự hội nghị có đồng chí Lù Văn Páo, Phó Chủ tịch UBND tỉnh.
Quý III, toàn tỉnh xây dựng mới 42 mô hình "Dân vận khéo", nâng tổng số lên 1.020 mô hình. Các địa phương đã vận động Nhân dân đóng góp trên 1.250 triệu đồng làm đường giao thông nông thôn.
Kết luận hội nghị, đồng chí Nguyễn Thị Thu Hà đề nghị các cấp tiếp tục nắm chắc tình hình Nhân dân; đẩy mạnh công tác dân vận chính quyền; chuẩn bị tốt hội nghị tổng kết năm.
Tin liên quan
Sáng 5/10, Huyện ủy Bát Xát tổ chức hội nghị với 22 điểm cầu, đồng chí Vàng A Sình chủ trì.
"""),
    ("2025:p15", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai", "Tổng kết công tác tuyên giáo và dân vận năm 2025", """
Sáng 9/1, tại Trung tâm Hội nghị tỉnh, Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai tổ chức hội nghị tổng kết công tác tuyên giáo và dân vận năm 2025, triển khai nhiệm vụ năm 2026.
Các đồng chí: Trần Quốc Khánh, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy; Hà Thị Lan, Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy đồng chủ trì hội nghị.
Năm 2025, toàn tỉnh có gần 2.300 mô hình "Dân vận khéo"; tỷ lệ hộ nghèo giảm còn 9,85%.
Dịp này, 18 cá nhân được tặng Kỷ niệm chương "Vì sự nghiệp dân vận"; Ban Thường vụ Tỉnh ủy tặng Bằng khen cho 7 tập thể.
"""),
]


def load(stdout) -> None:
    made = 0
    for area_key, org_name, title, text in ARTICLES:
        organization = Organization.objects.filter(name=org_name, area__source_key=area_key).first()
        if organization is None:
            continue
        if Article.objects.unscoped("demo").filter(title=title, organization=organization).exists():
            continue
        read_text(actor=None, organization=organization, text=text.strip(), title=title)
        made += 1
    stdout.write(f"demo articles: {made} read ({Article.objects.unscoped('demo').count()} in all)")
