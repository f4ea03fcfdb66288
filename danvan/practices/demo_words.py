"""Word lists for the demo's practice names (plausible, not real records)."""

TOPICS = {
    "economy": [
        "xây dựng nông thôn mới", "phát triển kinh tế hộ gia đình", "trồng quế theo hướng hữu cơ",
        "chăn nuôi lợn đen bản địa", "phát triển du lịch cộng đồng", "hiến đất làm đường giao thông nông thôn",
        "giảm nghèo bền vững", "trồng chè Shan tuyết", "liên kết tiêu thụ nông sản",
        "chuyển đổi số trong bán hàng nông sản", "trồng rừng gỗ lớn", "phát triển hợp tác xã kiểu mới",
    ],
    "culture_society": [
        "xóa bỏ hủ tục trong việc cưới, việc tang", "phòng, chống tảo hôn", "giữ gìn bản sắc văn hóa dân tộc Mông",
        "xây dựng gia đình văn hóa", "phân loại rác thải tại nguồn", "vận động trẻ em đến trường",
        "chăm sóc người cao tuổi", "xây dựng thôn bản sáng – xanh – sạch – đẹp", "phòng, chống ma túy trong thanh niên",
        "khám chữa bệnh cho đồng bào vùng cao",
    ],
    "defense_security": [
        "giữ gìn an ninh trật tự thôn bản", "tự quản đường biên, cột mốc", "lắp đặt camera an ninh khu dân cư",
        "phòng, chống di cư tự do", "phòng, chống mua bán người", "hòa giải ở cơ sở",
        "vận động nhân dân giao nộp vũ khí, vật liệu nổ",
    ],
    "political_system": [
        "tiếp xúc, đối thoại với nhân dân", "thực hiện dân chủ ở cơ sở", "phát triển đảng viên ở thôn bản vùng cao",
        "cải cách thủ tục hành chính", "nâng cao chất lượng sinh hoạt chi bộ", "giám sát của Mặt trận ở khu dân cư",
        "phát huy vai trò người có uy tín",
    ],
}
VILLAGES = [
    "Nậm Lúc", "Nậm Khắt", "Pà Cheo", "Lùng Phình", "Khe Sang", "Bản Hồ", "Tả Van", "Cốc Lầu", "Phìn Ngan",
    "Na Hẩu", "Làng Mỏ", "Khe Lóng", "Nà Pồng", "Bản Pho", "Sín Chéng", "Tà Chải", "Làng Cổ", "Thác Hoa",
    "Khuổi Phéc", "Nậm Mả", "Bản Xèo", "Mường Hum", "Tân Tiến", "Đồng Tâm", "Khe Cam", "Pác Ngòi",
]
HUE_VILLAGES = ["Thanh Thủy Chánh", "Phú Mậu", "Kim Long", "Vĩ Dạ", "Thủy Biều", "Hương Hồ", "Lại Thế", "An Bằng",
                "Tân Mỹ", "A Ngo", "Phước Tích", "Lương Điền"]
FAMILY = ["Giàng", "Lò", "Hoàng", "Nguyễn", "Vàng", "Sùng", "Lý", "Trần", "Ma", "Hà", "Lục", "Phạm", "Đặng"]
MIDDLE_M = ["A", "Văn", "Seo", "Đức", "Minh"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Hồng", "Thị Mai"]
GIVEN = ["Páo", "Sử", "Chinh", "Dung", "Hà", "Lan", "Thắng", "Pủa", "Chứ", "Mỷ", "Hoa", "Tuấn", "Sinh", "Dế", "Hương"]
ROLES = ["Trưởng thôn", "Bí thư chi bộ", "Chi hội trưởng Hội Phụ nữ", "Người có uy tín", "Chi hội trưởng Hội Nông dân",
         "Bí thư chi đoàn", "Công an viên"]
