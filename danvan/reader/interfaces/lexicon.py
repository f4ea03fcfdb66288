"""Vietnamese word lists the article reader's rules use (no model, nothing downloaded).

Kept as data so that a new newspaper's habit is one line here, not a new rule.
"""

# Vietnamese surnames (Kinh and the ethnic minorities' most frequent family names).
SURNAMES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương
Lâm Phùng Mai Tô Tạ Hà Thái Lương Chu Cao Lưu Đinh Kiều Quách Khúc Triệu Nông Lò Lục Hứa Giàng Sùng
Vàng Thào Mùa Hầu Tẩn Lù Cà Quàng Lường Ksor Rơ Châm Ma Bế Đàm Ninh Nghiêm Tăng Thân Bạch Diệp La Lã
Lại Lạc Mạc Mẫn Mông Văn Viên Tống Từ Doãn Kim Chế Khổng Giáp Mã Sầm Vi Âu Thạch Danh Lăng Hoàng
Vàng Lầu Ly Hờ Cứ Chảo Phàn Sần Tráng Thèn Nùng Hà Bàn Đèo Quan Yên Kha Mè Lỷ Giáp Nhữ Đồng Cù Cấn
Bế Chẩu Hoa Trình Tôn Kiều Lò Lê Phí Khuất Nghiêm Ngọc Y Điểu Siu Rmah Nay Kpă Bùi Chamaléa Pinăng Trà
""".split())

# Capitalized words that start titles, organizations and places, never a given name in a name's first slot.
NOT_NAME_START = frozenset("""
Ban Bí Phó Chủ Trưởng Ủy Uỷ Giám Tổng Thường Đại Thứ Bộ Tỉnh Thành Huyện Thị Xã Phường Đảng Đồng Các
Hội Mặt Đoàn Liên Sở Công Trung Quốc Nhà Nhân Chính Văn Khối Cụm Tổ Quân Bộ Thủ Chánh Cựu Hội
Tiến Thạc Giáo Bác Anh Chị Ông Bà Trong Tại Theo Năm Tháng Ngày Sáng Chiều Tối Dự Với Và Người
Điểm Lãnh Cán Kỷ Bằng Giấy Huân Huy Cờ Quyết Nghị Chỉ Kế Thông Báo Đề Dân Phong Mô Việt Hồ
""".split()) - {"Văn", "Đồng", "Thái", "Hà", "Lý"}

# Words that end a name when a capitalized run continues (positions, organizations).
NAME_STOP = frozenset("""
Ban Bí Phó Chủ Trưởng Ủy Uỷ Giám Tổng Thường Thứ Bộ Tỉnh Huyện Xã Phường Đảng Mặt Đoàn Sở Khối Cụm Tổ
""".split())

# The 63 provinces before 1 July 2025 (the 34 after are among them).
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
    "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hoà Bình",
    "Hưng Yên", "Khánh Hòa", "Khánh Hoà", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thanh Hoá", "Thừa Thiên Huế", "Thừa Thiên - Huế",
    "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế",
    "Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", "TP. Hồ Chí Minh", "TP.HCM", "TP. HCM", "TPHCM", "TP HCM",
)
# Names that are also common words or people: counted only after "tỉnh", "thành phố", "Tỉnh ủy".
AMBIGUOUS_PROVINCES = frozenset({"Hòa Bình", "Hoà Bình", "Huế", "Hà Nam", "Long An", "Yên Bái"})

# Page furniture: a line equal to one of these starts the part of the page that is not the article.
FURNITURE_STARTS = (
    "tin liên quan", "tin cùng chuyên mục", "có thể bạn quan tâm", "bạn có thể quan tâm",
    "bài viết liên quan", "các tin khác", "tin khác", "xem thêm", "đọc thêm", "tin mới", "tin mới nhất",
    "tin đọc nhiều", "đọc nhiều nhất", "tin nổi bật", "bài liên quan", "ý kiến bình luận", "bình luận",
    "gửi bình luận", "đánh giá", "return to top", "tin tức liên quan", "các bài viết khác",
    "tin bài liên quan", "bài viết khác", "cùng chuyên mục", "tin cùng loại", "chia sẻ bài viết",
    "ý kiến bạn đọc", "tin xem nhiều", "bài đọc nhiều", "có thể bạn muốn xem",
)
# Lines dropped wherever they are (menus, share buttons, image placeholders).
FURNITURE_LINES = (
    "image banner", "anh-tin-bai", "ảnh-tin-bài", "no image", "fb yt zl tw", "chia sẻ", "share", "in bài",
    "in bài viết", "gửi email", "lưu bài", "facebook", "zalo", "twitter", "trang chủ", "quay lại",
    "lên đầu trang", "bản in", "tweet", "copy link",
)

# Money and other units of the figures reported beside the meeting's own facts.
UNITS = (
    "triệu đồng", "tỷ đồng", "nghìn đồng", "ngàn đồng", "đồng", "%", "trường hợp", "hộ", "người", "lượt người",
    "lượt", "mô hình", "cá nhân", "tập thể", "điểm cầu", "xã", "phường", "thôn", "bản", "tổ dân phố",
    "cuộc", "buổi", "tin", "bài", "đơn", "vụ", "ha", "km", "công trình", "ngày công", "suất quà", "suất",
    "phần quà", "căn nhà", "nhà", "đại biểu", "đảng viên", "hội viên", "đoàn viên", "học sinh", "ý kiến",
    "kiến nghị", "kiến nghị", "văn bản", "cơ sở", "điển hình", "mét", "m2", "tấn", "con",
)

NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}
