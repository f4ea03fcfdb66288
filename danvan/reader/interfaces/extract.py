"""Read a press article about a dân vận conference into facts, each with the sentence it came from.

Deterministic rules (regular expressions and the word lists of ``lexicon.py``); no model, nothing
downloaded. The entry point is ``read_article(text, name=...)`` (plain text as saved from a page) or
``read_source(source)`` (blocks already separated by ``sources.py`` for HTML, DOCX, PDF).

The fields are those of the labelling rules (docs/reader.md, "The fields"): ``event_date``,
``meeting_type``, ``report_period``, ``organizer``, ``province``, ``online``, ``bridge_points``,
``chairs``, ``dvk_models``, ``medal_individuals``, ``commended_collectives``. Beside them: every named
person with positions and roles, the directions given ("đề nghị …") and other figures with unit.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from danvan.reader.interfaces import lexicon

FIELDS = (
    "event_date", "meeting_type", "report_period", "organizer", "province", "online", "bridge_points",
    "chairs", "dvk_models", "medal_individuals", "commended_collectives",
)
MEETING_TYPES = ("tong_ket", "so_ket", "giao_ban", "chuyen_de", "other")

# ---------------------------------------------------------------------------------------------
# Blocks: the article's text split into title, body paragraphs, captions; page furniture dropped.


@dataclass
class Block:
    text: str
    kind: str = "body"  # title | body | caption | byline


@dataclass
class Source:
    name: str
    blocks: list[Block]
    stamp: datetime.date | None = None  # the page's date stamp, when the page shows one
    title: str = ""
    url: str = ""
    newspaper: str = ""


_IMAGE_LINE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp)$", re.I)
_STAMP = re.compile(
    r"^(?:clock|cập nhật|ngày đăng|đăng lúc|đăng ngày|ngày|thời gian|posted)?[:\s]*"
    r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn)\s*[,-]?\s*)?(?:ngày\s*)?"
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:\(GMT\+7\)|gmt\+7))?)?\s*$",
    re.I,
)
_STAMP_WITH_TIME = re.compile(
    r"^\s*(?:\d{1,2}[:h]\d{2}\s*[,|-]?\s*)(?:(?:thứ\s+\S+|chủ\s+nhật)\s*,?\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$",
    re.I,
)
# a byline with the time stamp: "Trần An - 14:20 28/09/2023 GMT+7"
_STAMP_AFTER_BYLINE = re.compile(
    r"^[^\d.!?]{2,40}?\s[-–|]\s*\d{1,2}[:h]\d{2}\s*,?\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*(?:\(?GMT\s*\+\s*7\)?)?\s*$",
    re.I,
)
_GLUED_STAMP = re.compile(r"\s(\d{1,2}[:h]\d{2},?\s+\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{4},?\s+\d{1,2}[:h]\d{2})\s")
_CAPTION_START = re.compile(r"^(?:quang cảnh|toàn cảnh|các đại biểu|đại biểu|ảnh:|ảnh minh họa|ảnh minh hoạ)", re.I)
_BYLINE = re.compile(
    r"^(?:theo\s|tin,?\s*ảnh|tin và ảnh|bài,?\s*ảnh|nguồn:|tác giả:|\(?[A-ZĐ]{2,}\)?$|[A-ZĐ][\w.]*\s*\(?[A-ZĐ]?\w*\)?$)",
)
_CRAWL_DATE = re.compile(r"^date\s+((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?(?:T[\d:.+Z-]*)?\s+")
_LEAD_START = re.compile(r"^(?:\([^)]{1,20}\)\s*[-–—]?\s*)?(?:sáng|chiều|tối|trưa|ngày)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\b[^,]{0,30},", re.I)
_LEAD_WORDS = 35  # a first line this long is the lead paragraph of a page saved without its title
_FORM_LINE = re.compile(r"^(?:họ tên|họ và tên|tiêu đề|nội dung|mã kiểm tra|email|địa chỉ email)\b", re.I)


def _norm_line(line: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", line)).strip()


def _is_furniture_start(low: str) -> bool:
    low = low.strip(" :.-–|»>").strip()
    return low in lexicon.FURNITURE_STARTS


def parse_stamp(line: str) -> datetime.date | None:
    for pattern in (_STAMP, _STAMP_WITH_TIME, _STAMP_AFTER_BYLINE):
        m = pattern.match(line.strip())
        if m:
            try:
                return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return None
    return None


def _looks_wrapped(lines: list[str]) -> bool:
    """A text wrapped at a fixed width: most of its lines 60-80 characters long, ending without a stop."""
    sized = [len(t) for t in (x.strip() for x in lines) if t]
    if len(sized) < 5:
        return False
    open_ended = sum(1 for x in lines if 60 <= len(x.strip()) <= 80 and not re.search(r"[.!?:;…\"”]$", x.strip()))
    return open_ended >= 0.5 * len(sized)


def blocks_from_lines(lines, *, name: str = "") -> Source:
    """Blocks of a page saved as text: the title, paragraphs, captions; furniture and the related-news
    list (everything after "Tin liên quan" and its kin) dropped; the page's date stamp kept aside."""
    blocks: list[Block] = []
    stamp = None
    after_image = False
    body_chars = 0
    lines = list(lines)
    wrapped = _looks_wrapped(lines)
    prev_raw = ""
    for raw in lines:
        line = _norm_line(raw)
        if not line:
            continue
        crawl = _CRAWL_DATE.match(line)
        if crawl:
            # a crawl's "date 2023-12 Sáng 13/12, …": the month (or day) the page carried, glued to the text
            year, month = int(crawl.group(1)), int(crawl.group(2))
            if 1 <= month <= 12:
                last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1))
                try:
                    stamp = stamp or (datetime.date(year, month, int(crawl.group(3))) if crawl.group(3) else last)
                except ValueError:
                    pass
            line = line[crawl.end():].strip()
            if not line:
                continue
        low = line.lower()
        if _is_furniture_start(low) and (body_chars > 200 or low.strip(" :") in ("tin liên quan",)):
            if body_chars > 0:
                break
            continue
        if _FORM_LINE.match(low) and len(line.split()) <= 5 and body_chars > 200:
            break
        if low in lexicon.FURNITURE_LINES or "no image" in low and len(line.split()) <= 4:
            after_image = low in ("anh-tin-bai", "ảnh-tin-bài")
            continue
        if _IMAGE_LINE.match(line):
            after_image = True
            continue
        day = parse_stamp(line)
        if day is not None:
            stamp = stamp or day
            continue
        glued = _GLUED_STAMP.search(line)
        if glued and len(line) > glued.end() + 20:
            # a crawl that glued "Title 09:21 19/06/2023 (Source) - Chiều 16/6, …" into one line
            stamp = stamp or parse_stamp(glued.group(1))
            head, line = line[: glued.start()].strip(), line[glued.end():].strip()
            if head and not blocks:
                blocks.append(Block(head, "title"))
        if (wrapped and blocks and blocks[-1].kind in ("body", "title") and prev_raw
                and not re.search(r"[.!?:;…\"”)]$", prev_raw)
                and (line[0].islower() or (blocks[-1].kind == "body" and len(prev_raw) >= 60 and len(line) <= 90))):
            # a page wrapped at a fixed width ("… triển khai nhiệm vụ trọng / tâm quý IV.2022"): one paragraph
            blocks[-1] = Block(f"{blocks[-1].text} {line}", blocks[-1].kind)
            prev_raw = line
            if blocks[-1].kind == "body":
                body_chars += len(line)
            continue
        prev_raw = line
        if not blocks and len(line.split()) < _LEAD_WORDS and not _LEAD_START.match(line):
            blocks.append(Block(line, "title"))
            continue
        if not blocks:
            blocks.append(Block("", "title"))  # no title: the page starts with its lead
        kind = "body"
        words = len(line.split())
        if after_image or (_CAPTION_START.match(line) and words <= 30):
            kind = "caption"
        elif words <= 12 and _BYLINE.match(line) and body_chars > 300:
            kind = "byline"
        after_image = False
        blocks.append(Block(line, kind))
        if kind == "body":
            body_chars += len(line)
    return Source(name=name, blocks=blocks, stamp=stamp, title=blocks[0].text if blocks else "")


# ---------------------------------------------------------------------------------------------
# Sentences and numbers

_UPPER = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
_SENT_SPLIT = re.compile(rf"(?<=[.!?…])[\"”’]?\s+(?=[\"“‘(]?[{_UPPER}0-9])")
_ABBREV_END = re.compile(r"(?:\b(?:TP|Tp|TTP|TX|Tx|TS|ThS|PGS|GS|Đ/c|đ/c|St|Mr|Ms|Q|P|H|X|T)\.)$")


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for part in _SENT_SPLIT.split(text):
        if out and _ABBREV_END.search(out[-1]):
            out[-1] += " " + part
        else:
            out.append(part)
    return [s.strip() for s in out if s.strip()]


_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUALIFIER = r"trên|gần|hơn|khoảng|gần như|chừng|ước|tới|đến|lên tới|lên đến|tổng số|tổng cộng|đạt|có|với"


def parse_number(text: str) -> float | int | None:
    """"1.134" -> 1134, "09" -> 9, "36,24" -> 36.24, "hai" -> 2."""
    text = text.strip()
    if text.lower() in lexicon.NUMBER_WORDS:
        return lexicon.NUMBER_WORDS[text.lower()]
    if not re.fullmatch(_NUM, text):
        return None
    whole, _, decimals = text.partition(",")
    value = int(whole.replace(".", ""))
    if decimals:
        return float(f"{value}.{decimals}")
    return value


# ---------------------------------------------------------------------------------------------
# Dates and periods

_TIME_OF_DAY = (
    r"(?:hôm qua|sáng qua|chiều qua|tối qua|hôm nay|sáng nay|chiều nay|vào sáng|vào chiều|vào ngày|"
    r"sáng|chiều|tối|trưa|đêm|ngày)"
)
_DAY_MONTH = re.compile(
    rf"(?<!\w){_TIME_OF_DAY}\s*(?:ngày\s*)?(?:hôm nay\s*)?\(?(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})(?:\s*[/.-]\s*(\d{{4}}))?(?![\d/])",
    re.I,
)
_DAY_MONTH_WORDS = re.compile(
    rf"(?<!\w){_TIME_OF_DAY}\s*(?:ngày\s*)?(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+(\d{{4}}))?", re.I,
)
_DOC_REF_BEFORE = re.compile(r"(?:số\s*\S+|\d+-?[A-ZĐ]+/[A-ZĐ]+|\d+/[A-ZĐ-]+)\s*,?\s*$")


_DAYS_SPAN = re.compile(
    r"(?<!\w)(?:trong\s+)?(?:hai|ba|2|3)\s+ngày\s+(?:từ\s+)?(\d{1,2})\s*(?:,|và|-|–|đến)\s*\d{1,2}\s*[/.-]\s*(\d{1,2})"
    r"(?:\s*[/.-]\s*(\d{4}))?(?![\d/])",
    re.I,
)


def _date_in(sentence: str) -> tuple[int, int, int | None, str] | None:
    for pattern in (_DAY_MONTH, _DAY_MONTH_WORDS, _DAYS_SPAN):  # a meeting over days: its first day
        for m in pattern.finditer(sentence):
            if _DOC_REF_BEFORE.search(sentence[: m.start()]):
                continue
            day, month = int(m.group(1)), int(m.group(2))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            year = int(m.group(3)) if m.group(3) else None
            return day, month, year, m.group(0)
    return None


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_P_MONTHS = re.compile(r"(?<!\w)(6|9|sáu|chín)\s+tháng(?:\s+đầu)?(?:\s+năm)?(?:\s*,?\s*(\d{4}))?(?!\s+cuối)", re.I)
_P_QUARTER = re.compile(r"(?<!\w)quý\s+(iv|iii|ii|i|[1-4])(?!\w)(?:\s*(?:năm|/|-)\s*(\d{4}))?", re.I)
_P_MONTH = re.compile(r"(?<!ngày\s\d)(?<!ngày\s\d\d)(?<!\w)tháng\s+(\d{1,2})(?:\s*(?:năm|/|-)\s*(\d{4}))", re.I)
_P_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)")
_P_YEAR = re.compile(r"(?<!\w)năm\s+((?:19|20)\d{2})(?!\d)", re.I)
_NEXT_YEAR = re.compile(r"(?<!\w)năm\s+((?:19|20)\d{2})(?!\d)", re.I)
# "kỷ niệm 94 năm Ngày truyền thống … (15/10/1930 – 15/10/2024)": the anniversary's span, never a period; the
# celebration falls in its last year
_ANNIVERSARY = re.compile(
    r"(?:kỷ niệm|kỉ niệm)\s[^.;]{0,160}?\(\s*(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*)?(?:19|20)\d{2}\s*[-–—]\s*"
    r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*)?((?:19|20)\d{2})\s*\)",
    re.I,
)
_TASKS_AHEAD = re.compile(r"triển khai|phương hướng|nhiệm vụ|kế hoạch|mục tiêu", re.I)


def find_period(text: str, *, multi_year_ok: bool = True) -> tuple[str, str] | None:
    """The period a meeting reviews, from the clause that names the meeting: ("6T-2022", evidence)."""
    stop = _TASKS_AHEAD.search(text)
    head = text[: stop.start()] if stop else text
    m = _P_MONTHS.search(head)
    if m:
        months = 6 if m.group(1).lower() in ("6", "sáu") else 9
        year = m.group(2)
        if not year:
            y = _NEXT_YEAR.search(text, m.end())
            year = y.group(1) if y else None
        if year:
            return f"{months}T-{year}", m.group(0)
    m = _P_QUARTER.search(head)
    if m:
        year = m.group(2)
        if not year:
            y = _NEXT_YEAR.search(text, m.end())
            year = y.group(1) if y else None
        if year:
            return f"Q{_ROMAN[m.group(1).lower()]}-{year}", m.group(0)
    m = _P_MONTH.search(head)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"T{int(m.group(1))}-{m.group(2)}", m.group(0)
    if multi_year_ok:
        for m in _P_RANGE.finditer(head):
            if re.search(r"(?:nhiệm kỳ|nhiệm kì|khóa|khoá)[^,;.]{0,20}$", head[: m.start()], re.I):
                continue  # a term of office ("nhiệm kỳ 2026 - 2031") is not a period reviewed
            if any(a.start() < m.start() < a.end() for a in _ANNIVERSARY.finditer(head)):
                continue  # an anniversary's span "(1930 - 2024)"
            if int(m.group(1)) < int(m.group(2)):
                return f"{m.group(1)}-{m.group(2)}", m.group(0)
            break
    m = _P_YEAR.search(head)
    if m:
        return m.group(1), m.group(0)
    return None


def _period_end(period: str) -> datetime.date | None:
    m = re.fullmatch(r"(\d)T-(\d{4})", period)
    if m:
        return datetime.date(int(m.group(2)), 6 if m.group(1) == "6" else 9, 30)
    m = re.fullmatch(r"Q(\d)-(\d{4})", period)
    if m:
        month = int(m.group(1)) * 3
        return datetime.date(int(m.group(2)), month, 30 if month in (6, 9) else 31)
    m = re.fullmatch(r"T(\d{1,2})-(\d{4})", period)
    if m:
        month, year = int(m.group(1)), int(m.group(2))
        nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    m = re.fullmatch(r"(?:\d{4}-)?(\d{4})", period)
    if m:
        return datetime.date(int(m.group(1)), 12, 31)
    return None


def resolve_year(day: int, month: int, *, period: str | None, stamp: datetime.date | None) -> int | None:
    """The year of "Sáng 5/1": from the page's date stamp (a date after the stamp is last year's), else
    from the period reviewed (the meeting is held around or after the period's end); else unknown."""
    if stamp is not None:
        year = stamp.year
        try:
            if datetime.date(year, month, day) > stamp + datetime.timedelta(days=2):
                year -= 1
        except ValueError:
            return None
        return year
    if period:
        end = _period_end(period)
        if end is None:
            return None
        if re.fullmatch(r"\d{4}-\d{4}", period):  # a multi-year review is held in its last year or early the next
            return end.year + 1 if month <= 2 else end.year
        for year in (end.year, end.year + 1):
            try:
                candidate = datetime.date(year, month, day)
            except ValueError:
                continue
            if candidate >= end - datetime.timedelta(days=75):
                return year
    return None


# ---------------------------------------------------------------------------------------------
# Meeting type and organizer

_TYPE_WORDS = re.compile(
    r"giao ban|sơ kết|tổng kết|hội thảo|tọa đàm|toạ đàm|diễn đàn|chuyên đề|kỷ niệm|lễ trao|lễ tôn vinh|"
    r"tôn vinh|gặp mặt|lễ công bố|lễ phát động|biểu dương|tuyên dương|trao tặng|trao giải|làm việc|bình xét|"
    r"họp mặt|đại hội|quán triệt|hội nghị báo cáo viên|hội nghị (?:nâng cao|tăng cường|đổi mới|bàn giải pháp)",
    re.I,
)
# a delegation's working visit ("Đoàn công tác của … khảo sát tại tỉnh"); never "Ủy ban Kiểm tra"
_VISIT = re.compile(r"(?<!\w)Đoàn(?:\s+(?:công tác|giám sát|kiểm tra|khảo sát))?\s[^.;]{0,120}?\s(khảo sát|kiểm tra|giám sát|làm việc)(?!\w)")
# "tổng kết và trao giải Cuộc thi …, giai đoạn 2017 - 2020": one contest or movement over years
_MOVEMENT_SPAN = re.compile(
    r"^[^.;]{0,80}?(?:cuộc thi|phong trào|cuộc vận động|giải báo chí)[^.;]{0,120}?giai đoạn\s*(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}",
    re.I,
)
# "tọa đàm ôn lại truyền thống …", "tọa đàm kỷ niệm …": a commemoration
_TRADITION = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:ôn lại truyền thống|kỷ niệm|kỉ niệm)", re.I)
_MULTI_YEAR = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:\d+|mười|năm|ba|hai)\s+năm(?!\s+(?:19|20)\d{2})|^\s*(?:\S+\s+){0,6}?giai đoạn", re.I)


# "… làm trưởng đoàn Đoàn Kiểm tra của Ban Chỉ đạo … tại Đảng đoàn …": a delegation's visit, held by the delegation
_LED_DELEGATION = re.compile(
    r"(?i:làm trưởng đoàn)\s*,?\s*(Đoàn\s+(?i:công tác|kiểm tra|giám sát|khảo sát)\b[^.;]{0,160}?)\s+(?:tại|đến|về|làm việc với)\s"
)


def find_type(text: str) -> tuple[str, str] | None:
    led = _LED_DELEGATION.search(text)
    if led:
        return "other", led.group(0)
    m = _TYPE_WORDS.search(text)
    while m and re.search(r"Ban Chỉ đạo\s*$", text[: m.start()]):
        m = _TYPE_WORDS.search(text, m.end())  # "Ban Chỉ đạo tổng kết 10 năm …": a committee's name
    if not m:
        visit = _VISIT.search(text)
        return ("other", visit.group(1)) if visit else None
    word = m.group(0).lower()
    rest = text[m.end():]
    if word in ("giao ban", "hội nghị báo cáo viên"):  # the reporters' conference is a regular monthly one
        return "giao_ban", m.group(0)
    if word == "sơ kết":
        return "so_ket", m.group(0)
    if word == "tổng kết":
        if _MOVEMENT_SPAN.match(rest):
            return "chuyen_de", m.group(0)
        if _MULTI_YEAR.match(rest) and not re.match(r"\s*(?:công tác\s+\S+(?:\s+\S+)?\s+)?năm\s+(?:19|20)\d{2}", rest, re.I):
            return "chuyen_de", m.group(0)
        return "tong_ket", m.group(0)
    if word in ("tọa đàm", "toạ đàm") and _TRADITION.match(rest):
        return "other", m.group(0)
    if word in ("hội thảo", "tọa đàm", "toạ đàm", "diễn đàn", "chuyên đề", "quán triệt") or word.startswith("hội nghị "):
        return "chuyen_de", m.group(0)
    return "other", m.group(0)


_ORG_VERB = re.compile(
    r"\s(?:đã\s+|vừa\s+|mới\s+|long trọng\s+|phối hợp\s+|đồng thời\s+|cũng\s+)*"
    r"(tổ chức|tổng kết|sơ kết|giao ban|họp|khai mạc|làm việc)(?!\w)",
)
_ORG_WORD = re.compile(
    r"(?<!\w)(?:Ban|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Thị ủy|Thị uỷ|Quận ủy|Đảng ủy|Đảng uỷ|"
    r"Đảng đoàn|UBND|Ủy ban|Uỷ ban|UBMTTQ|MTTQ|Mặt trận|Hội(?!\s+(?:nghị|thảo|thi|diễn|chợ))|Đoàn|Khối|Sở|Liên đoàn|Công an|Bộ|Thường trực|"
    r"Trung ương|Cụm|HĐND|Hội đồng|Liên minh|Tổ|Văn phòng|Chi bộ|Đảng bộ|BCĐ|Ban DV|BDV)(?!\w)",
)
_LEAD_DATE = re.compile(
    r"^(?:trong\s+)?(?:hai|ba|2|3)\s+ngày\s+[\d,\s/.\-–]+(?:và\s+[\d/.\-]+)?\s*,\s*|"
    rf"^(?:[^,]{{0,40}}?\s[-–—]\s*)?{_TIME_OF_DAY}\s*(?:ngày\s*)?\(?[\d/.\-\s]+\)?(?:tháng\s+\d+(?:\s+năm\s+\d{{4}})?)?\s*(?:\([^)]*\))?"
    r"(?:\s*(?:tại|ở)\s[^,;]{1,60})?\s*,\s*",
    re.I,
)
# "Vừa qua, …", "Mới đây, …": the time said without a date
_VAGUE_LEAD = re.compile(r"^(?:vừa qua|mới đây|vừa rồi|hôm qua|tuần qua|vừa mới đây|cách đây ít ngày)\s*,\s*", re.I)
# "Chiều ngày 16/10/2023 Thường trực …": a date phrase heading the clause without its comma
_BARE_LEAD_DATE = re.compile(rf"^{_TIME_OF_DAY}\s*(?:ngày\s*)?\d{{1,2}}\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*\d{{4}})?\s+(?=[A-ZĐƯỦ])", re.I)
_INNER_LEAD_DATE = re.compile(
    r"(?<!\w)(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Hôm qua)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?"
    r"(?:\s*(?:tại|ở)\s[^,;]{1,60})?\s*,\s*"
)
_PLACE_LEAD = re.compile(r"^(?:tại|ở)\s[^,]*,\s*", re.I)
_DATELINE = re.compile(r"^(?:\([A-ZĐ][\wĐ.]{1,15}\)\s*[-–—]?\s*|[A-ZĐ][\wĐ.]{1,15}\s*[-–—]\s+)")


_AT_MEETING = re.compile(
    r"^(?:tại|trong)\s+(?:hội nghị|cuộc họp|buổi (?:họp|giao ban|làm việc))\s[^,]{0,120}?"
    r"(?:giao ban|sơ kết|tổng kết|hội nghị|họp)[^,]*,\s*([A-ZĐ][^,]{2,160}?)\s+"
    r"(?:đã\s+)?(?:yêu cầu|đề nghị|cho biết|đánh giá|nhấn mạnh|khẳng định|thông tin|chỉ đạo)(?!\w)"
)


_PURPOSE = re.compile(r"^(?:Để|Nhằm|Thực hiện|Căn cứ|Hướng tới|Chào mừng|Nhân dịp|Nhân kỷ niệm|Hưởng ứng|Được sự)\s", re.I)
# a purpose that names what is reviewed ("Để đánh giá kết quả … năm 2009"), not a plan ("Căn cứ chương trình … năm 2023")
_PURPOSE_REVIEW = re.compile(r"đánh giá|tổng kết|sơ kết|nhìn lại|kết quả", re.I)
# "Hội nghị sơ kết … của Hội đồng công tác quần chúng TƯ đã diễn ra …": the holder after "của"
_MEETING_OF = re.compile(
    r"^(?:Hội nghị|Buổi (?:họp|giao ban|làm việc)|Cuộc họp|Lễ)\s[^,;]{0,140}?\scủa\s+"
    r"([A-ZĐƯỦ][^;]{2,140}?)\s*,?\s+(?:đã\s+|vừa\s+|đã được\s+|được\s+)*(?:diễn ra|khai mạc|tổ chức|tiến hành|bế mạc)(?!\w)"
)


def find_organizer(sentence: str) -> str | None:
    s = _DATELINE.sub("", sentence.strip().lstrip("-–— ").strip())
    s = _VAGUE_LEAD.sub("", _LEAD_DATE.sub("", s))
    sentence_wo_lead = s
    while True:
        t = _PLACE_LEAD.sub("", s)
        if t == s:
            break
        s = t
    m = re.search(r"\bdo\s+(.{3,160}?)\s+(?:đã\s+)?(?:tổ chức|chủ trì tổ chức|phối hợp tổ chức)(?!\w)", s)
    if m and _ORG_WORD.search(m.group(1)):
        return m.group(1).strip(" ,")
    led = _LED_DELEGATION.search(s)
    if led:
        return led.group(1).strip(" ,")
    m = _ORG_VERB.search(" " + s)
    visit = _VISIT.match(s)
    if visit and (not m or visit.start(1) < m.start()):
        return s[: visit.start(1)].strip(" ,")
    of = _MEETING_OF.match(s)
    if of and _ORG_WORD.match(of.group(1)) and len(of.group(1).split()) <= 25:
        return of.group(1).strip(" ,")
    if not m:
        m = _AT_MEETING.match(sentence_wo_lead)
        if m and _ORG_WORD.match(m.group(1)) and len(m.group(1).split()) <= 20:
            return m.group(1).strip(" ,")
        return None
    candidate = s[: m.start()].strip(" ,;:-–")
    if re.search(r"(?<!\w)(?:cho biết|cho hay|thông tin|thông báo)(?!\w)", candidate):
        # "Hội Cựu chiến binh thành phố vừa cho biết, đến nay các xã phường đã lần lượt tổ chức …": who tells
        # of the meetings is not who holds them
        candidate = candidate.rsplit(",", 1)[-1].strip() if "," in candidate else ""
    if ";" in candidate:  # "Được sự thống nhất của Ban Thường vụ; Chiều ngày 16/10 Thường trực …"
        candidate = candidate.rsplit(";", 1)[-1].strip()
    candidate = _BARE_LEAD_DATE.sub("", _LEAD_DATE.sub("", candidate))
    inner = list(_INNER_LEAD_DATE.finditer(candidate))
    if inner:  # "Xây dựng Đảng Tuyên truyền … Ngày 15/8, Ban …": a title glued before the lead's date
        candidate = candidate[inner[-1].end():].strip()
    if _PURPOSE.match(candidate):
        candidate = candidate.rsplit(",", 1)[-1].strip() if "," in candidate else candidate
        if _PURPOSE.match(candidate):
            first = _ORG_WORD.search(candidate)
            candidate = candidate[first.start():] if first else ""
    if not candidate or not _ORG_WORD.search(candidate) or len(candidate.split()) > 30:
        return None
    if not candidate[0].isupper():
        return None
    if re.match(r"(?i)^(?:hội nghị|buổi|lễ|hôm nay|năm|trong)\b", candidate) and not _ORG_WORD.match(candidate):
        return None
    if re.match(r"^Đại hội\b", candidate):
        return None  # "Đại hội đại biểu MTTQ tỉnh … khai mạc": the congress, not who holds it
    return candidate


# ---------------------------------------------------------------------------------------------
# Places

_PROVINCE_ALT = "|".join(sorted((re.escape(p) for p in lexicon.PROVINCES), key=len, reverse=True))
_PROVINCE_PREFIXED = re.compile(
    rf"(?<!\w)(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|Tp\.?|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|UBND tỉnh|Đảng bộ tỉnh)\s+({_PROVINCE_ALT})(?!\w)"
)
_PROVINCE_BARE = re.compile(rf"(?<!\w)({_PROVINCE_ALT})(?!\w)")
_BRIDGE_PROVINCE = re.compile(rf"(?:điểm|đầu) cầu\s+(?:tỉnh\s+|thành phố\s+|TP\.?\s*)?({_PROVINCE_ALT})(?!\w)")
_BARE_EXCLUDED = lexicon.AMBIGUOUS_PROVINCES | {"Huế"}


_LIST_GAP = re.compile(r"^\s*(?:,|;|và|,\s*và)\s*(?:(?:tỉnh|thành phố|TP\.?|Tp\.?)\s*)?$")


def _listed(text: str) -> set[int]:
    """Starts of the provinces named in a list of three or more ("gồm: Hà Nội, TP Hồ Chí Minh, Hải Phòng, Đà
    Nẵng, Cần Thơ"): a cluster's members, not the meeting's place."""
    spans = sorted({(m.start(1), m.end(1)) for m in _PROVINCE_BARE.finditer(text)})
    out: set[int] = set()
    run = spans[:1]
    for span in spans[1:] + [None]:
        if span is not None and _LIST_GAP.match(text[run[-1][1]: span[0]]):
            run.append(span)
            continue
        if len(run) >= 3:
            out.update(start for start, _ in run)
        run = [span] if span else []
    return out


_FORMER = re.compile(rf"(?<!\w)({_PROVINCE_ALT})\s*\(cũ\)")


def find_province(texts: list[str]) -> tuple[str, str] | None:
    # a province written "(cũ)" is one merged away in 2025 (a person's former post), never the meeting's
    former = {m.group(1) for t in texts for m in _FORMER.finditer(t)}
    for text in texts:
        best = None
        listed = _listed(text) if text.count(",") >= 2 else set()
        for m in _PROVINCE_PREFIXED.finditer(text):
            if m.start(1) in listed or m.group(1) in former:
                continue
            best = (m.start(1), m.group(1))
            break
        for m in _PROVINCE_BARE.finditer(text):
            name = m.group(1)
            if name in _BARE_EXCLUDED or m.start(1) in listed or name in former:
                continue
            if text[max(0, m.start() - 20): m.start()].rstrip().endswith(("huyện", "xã", "thị xã", "phường", "quận")):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), name)
            break
        if best:
            return best[1], text
    return None


# ---------------------------------------------------------------------------------------------
# People and their roles

_WORD = re.compile(r"[^\s,;:.()\[\]\"“”'‘’–—!?/…]+(?:[\"'’][^\W\d_]+)*")
_ADDRESS = re.compile(r"(?:đồng chí|Đồng chí|đ/c|Đ/c|đ/c\.|ông|Ông|bà|Bà|Thiếu tướng|Trung tướng|Đại tá|Thượng tá)\s*:?\s*$")
_PLACE_BEFORE = re.compile(
    r"(?:tỉnh|huyện|xã|thị xã|thành phố|phường|thị trấn|quận|thôn|bản|làng|sông|núi|khu|tổ dân phố|"
    r"Đảng bộ|đảng bộ|Trung tâm|trung tâm|hồ|đèo)\s*$"
)
_STREET_BEFORE = re.compile(r"(?:đường|phố|trường|Trường|TNCS|tư tưởng|tấm gương|Bác)\s*$")
_NOT_PERSON = {"Hồ Chí Minh", "Đoàn Thanh", "Võ Nguyên Giáp", "Tôn Đức Thắng", "Lê Lợi"}
_PROVINCE_SET = set(lexicon.PROVINCES)


_INNER_QUOTE = re.compile(r"(?<=\w)[\"'’](?=\w)")


def _capitalized(tok: str) -> bool:
    if tok.isalpha():  # the common case, without the quote split below
        return tok[0].isupper() and (len(tok) == 1 or tok[1:].islower())
    head, *rest = _INNER_QUOTE.split(tok)  # K'Lới, K"ré: each part a syllable
    if any(not (p.isalpha() and (len(p) == 1 or p[1:].islower())) for p in rest):
        return False
    return bool(head) and head[0].isupper() and (len(head) == 1 or head[1:].islower()) and head.isalpha()


@dataclass
class Mention:
    name: str
    start: int
    end: int


def find_names(sentence: str) -> list[Mention]:
    toks = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        tok, start, _end = toks[i]
        if not _capitalized(tok):
            i += 1
            continue
        before = sentence[max(0, start - 40):start]
        if (tok in lexicon.SURNAMES) or (tok not in lexicon.NOT_NAME_START and _ADDRESS.search(before)):
            j = i + 1
            words = [tok]
            while j < len(toks) and len(words) < 5:
                nxt, nstart, _ = toks[j]
                gap = sentence[toks[j - 1][2]:nstart]
                if gap.strip() or not _capitalized(nxt) or nxt in lexicon.NAME_STOP:
                    break
                words.append(nxt)
                j += 1
            name = " ".join(words)
            ok = (
                len(words) >= 2
                and name not in _NOT_PERSON
                and not name.startswith("Hồ Chí")
                and name not in _PROVINCE_SET
                and not (len(words) == 2 and _PLACE_BEFORE.search(before))
                and not _STREET_BEFORE.search(before)
                and not (len(words) == 2 and re.search(r"(?:ủy|uỷ|UBND|HĐND)\s*$", before))
                and not any(p in name for p in ("Lào Cai", "Hà Giang", "Hà Nội", "Sa Pa"))
            )
            if ok:
                out.append(Mention(name, start, toks[j - 1][2]))
                i = j
                continue
        i += 1
    return out


ROLE_CHAIR, ROLE_DIRECT, ROLE_ATTEND, ROLE_REPORT, ROLE_SPEAK, ROLE_AWARD, ROLE_SECRETARY = (
    "chair", "direct", "attend", "report", "speak", "award", "secretary",
)
CHAIR_ROLES = (ROLE_CHAIR, ROLE_DIRECT)
_TRIGGERS = [
    (ROLE_DIRECT, r"(?:tới |đến |về )?(?:tham )?dự,? và (?:phát biểu )?chỉ đạo|(?:tới |đến )?(?:tham )?dự,\s*chỉ đạo|"
                  r"phát biểu,? chỉ đạo|có ý kiến chỉ đạo|dự, phát biểu chỉ đạo|kết luận,? (?:và )?chỉ đạo|"
                  r"(?:phát biểu )?kết luận (?:hội nghị|cuộc họp|buổi (?:làm việc|giao ban|họp))"),
    (ROLE_CHAIR, r"(?:tới |đến |về )?(?:tham )?dự và (?:đồng )?chủ trì|đồng chủ trì|chủ trì|chủ tọa|chủ toạ"),
    (ROLE_SECRETARY, r"thư ký"),
    (ROLE_ATTEND, r"(?:cùng |tới |đến |về )?(?:tham )?dự(?!\s+(?:án|thảo|báo|kiến|toán|bị|định|phòng|trữ|thi|tính|khuyết|luật|trù|kiện)(?!\w))"),
    (ROLE_REPORT, r"báo cáo|trình bày|quán triệt|thông qua dự thảo"),
    (ROLE_AWARD, r"được tặng|được trao|vinh dự nhận|vinh dự được|được nhận|nhận (?:Kỷ niệm chương|Bằng khen|Giấy khen|Huân chương|Huy chương|Cờ thi đua)"),
    (ROLE_SPEAK, r"phát biểu|khai mạc|tham luận|nhấn mạnh|đề nghị|yêu cầu|khẳng định|kết luận"),
]
_TRIGGER_RE = re.compile("|".join(f"(?P<r{i}>(?<!\\w)(?:{p})(?!\\w))" for i, (_, p) in enumerate(_TRIGGERS)), re.I)
_HEADER_LEAD = re.compile(r"^(?:cùng|tới|đến|về|vào|tham gia)?\s*$", re.I)
_CUT_POSITION = re.compile(
    r"\s(?:khẳng định|nhấn mạnh|đề nghị|yêu cầu|phát biểu|cho biết|đánh giá|ghi nhận|biểu dương|trao|chúc mừng|"
    r"báo cáo|đã|tại|dự|chủ trì|đồng chủ trì|thông tin|quán triệt|trình bày|khai mạc|tham dự|cùng|và các)(?!\w)"
)


@dataclass
class Person:
    name: str
    positions: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def _positions_after(sentence: str, end: int, limit: int) -> list[str]:
    tail = sentence[end:limit]
    if not re.match(r"^\s*[,\-–—(]", tail):
        return []
    tail = re.sub(r"^\s*[,\-–—(]\s*", "", tail)
    tail = re.split(r"[;)]", tail, maxsplit=1)[0]
    cut = _CUT_POSITION.search(" " + tail)
    if cut:
        tail = tail[: max(0, cut.start() - 1)]
    parts = [p.strip(" .,-–") for p in re.split(r",\s+|\s+[-–]\s+", tail)]
    return [p for p in parts if p and p[0].isupper() and len(p.split()) <= 18]


def _positions_before(sentence: str, start: int, floor: int) -> list[str]:
    head = sentence[floor:start]
    head = re.split(r"[;:]|\bcó\b|\bcác đồng chí\b", head)[-1]
    head = head.strip(" ,")
    if not head or not head[0].isupper() or _ADDRESS.search(head) or len(head.split()) > 30:
        return []
    if not re.search(r"(?:Bí thư|Chủ tịch|Trưởng|Phó|Ủy viên|Uỷ viên|UV|Giám đốc|Tổng|Bộ trưởng|Thứ trưởng|Tướng|viên)", head):
        return []
    parts = [p.strip(" .,-–") for p in re.split(r",\s+", head)]
    return [p for p in parts if p and p[0].isupper()]


def roles_in(sentence: str) -> list[tuple[Mention, str | None, list[str]]]:
    """(mention, role, positions) for each name of one sentence.

    A role phrase at the head of the sentence ("Dự hội nghị có …", "Phát biểu chỉ đạo tại hội nghị, …",
    "Dự và chỉ đạo tại điểm cầu … có …") gives its role to the names after it; a role verb after names
    ("… đồng chủ trì hội nghị", "… dự hội nghị") gives it to the names before it since the last one.
    """
    names = find_names(sentence)
    if not names:
        return []
    triggers = []
    for m in _TRIGGER_RE.finditer(sentence):
        idx = next(i for i, g in enumerate(m.groups()) if g is not None)
        # a trigger inside a name's span (none expected) or inside the positions of an organization
        if any(n.start <= m.start() < n.end for n in names):
            continue
        header = bool(_HEADER_LEAD.match(sentence[: m.start()])) or bool(
            re.match(r"\s*(?:hội nghị|cuộc họp|buổi \S+)?\s*:\s*(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)?\s*[A-ZĐ]", sentence[m.end():])) or bool(
            re.match(r"\s*(?:[^,;.]{0,40}?\s)?(?:là|có)\s", sentence[m.end():]) and not re.match(r"\s*(?:hội nghị|cuộc họp|buổi)\b[^,;.]{0,30}$", sentence[m.end():]))
        triggers.append((m.start(), m.end(), _TRIGGERS[idx][0], header))
    events = sorted([(n.start, "name", n) for n in names] + [(t[0], "trigger", t) for t in triggers], key=lambda e: e[0])
    result: dict[int, str | None] = {}
    header_role = None
    pending: list[int] = []
    for _pos, kind, obj in events:
        if kind == "name":
            key = id(obj)
            if header_role:
                result[key] = header_role
            else:
                result[key] = None
                pending.append(key)
        else:
            _s, _e, role, header = obj
            if header:
                header_role = role
                pending = []
            elif pending:
                for key in pending:
                    result[key] = role
                pending = []
    out = []
    bounds = [t[0] for t in triggers]
    for k, n in enumerate(names):
        nxt = names[k + 1].start if k + 1 < len(names) else len(sentence)
        limit = min([nxt] + [b for b in bounds if b > n.end])
        positions = _positions_after(sentence, n.end, limit)
        if not positions:
            floor = names[k - 1].end if k else 0
            floor = max([floor] + [t[1] for t in triggers if t[1] <= n.start])
            positions = _positions_before(sentence, n.start, floor)
        out.append((n, result.get(id(n)), positions))
    return out


# ---------------------------------------------------------------------------------------------
# Counts: Dân vận khéo models, medals, commendations, bridge points; other figures

_DVK = r"(?:dân vận khéo|DV khéo|DVK|dân vận khéo)"
_DVK_COUNT = re.compile(
    rf"(?:(?P<q>{_QUALIFIER})\s+)?(?P<n>{_NUM})\s+mô hình(?:[^.;0-9]{{0,60}}?){_DVK}", re.I,
)
_DVK_COUNT_AFTER = re.compile(rf"mô hình\W{{0,3}}{_DVK}\W{{0,3}}(?:[^.;0-9]{{0,25}}?)\s*[:là]*\s*(?P<n>{_NUM})\s+mô hình", re.I)
_DVK_TOTAL = re.compile(rf"(?:tổng số|nâng tổng số|tổng cộng|lũy kế|luỹ kế)(?:\s+lên)?(?:\s+(?:{_QUALIFIER}))?\s+(?P<n>{_NUM})\s+mô hình", re.I)
_MEDAL = re.compile(r"kỷ niệm chương|kỉ niệm chương|KNC", re.I)
_PEOPLE_COUNT = re.compile(rf"(?P<n>{_NUM}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:cá nhân|đồng chí|người|cán bộ|cán bộ, đảng viên)(?!\w)", re.I)
_COLLECTIVE_COUNT = re.compile(rf"(?P<n>{_NUM}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+tập thể(?!\w)", re.I)
_COMMEND = re.compile(r"bằng khen|giấy khen|khen thưởng|cờ thi đua|tuyên dương|biểu dương|tặng thưởng", re.I)
_COLLECTIVE_BEFORE_AWARD = re.compile(
    rf"(?P<n>{_NUM}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+tập thể\s+(?:(?:[^.;]|\.(?=\S)){{0,40}}?\s)?(?:được|vinh dự được|nhận)\s"
    r"(?:[^.;]|\.(?=\S)){0,80}?(?:tặng|trao|nhận)\s+(?:thưởng\s+)?(?:bằng khen|giấy khen|cờ thi đua)",  # "T.Ư" inside
    re.I,
)
_BRIDGE = re.compile(rf"(?P<n>{_NUM})\s+điểm cầu", re.I)
_UNIT_KIND = r"(?:huyện|thị xã|thành phố|TP\.?|quận|xã|phường|thị trấn|Huyện|Thị xã|Thành phố|Quận|Xã|Phường|Thị trấn)"
_BRIDGE_LIST = re.compile(rf"điểm cầu\s*(?:(?:tại|ở|là|gồm)\s+|:\s*)?(?:các\s+)?(?={_UNIT_KIND}\s)")
_CAP_RUN = re.compile(rf"[{_UPPER}][^\s,;:.()]*(?:\s+[{_UPPER}][^\s,;:.()]*)*")


def find_bridge_names(sentences_: list[str]) -> tuple[list[str], str]:
    """The units named as bridge points ("kết nối với các điểm cầu huyện Bảo Yên, Bảo Thắng và thị xã Sa Pa"
    -> ["huyện Bảo Yên", "huyện Bảo Thắng", "thị xã Sa Pa"]) and the sentence; a bare name takes the kind
    of the one before it."""
    for s in sentences_:
        m = _BRIDGE_LIST.search(s)
        if not m:
            continue
        rest, names, kind = s[m.end():], [], None
        while rest:
            k = re.match(rf"({_UNIT_KIND})\s+", rest)
            if k:
                kind = k.group(1).lower().replace("tp.", "thành phố").replace("tp", "thành phố")
                rest = rest[k.end():]
            name = _CAP_RUN.match(rest)
            if not name or kind is None:
                break
            names.append(f"{kind} {name.group(0)}")
            rest = rest[name.end():]
            sep = re.match(r"\s*(?:,\s*(?:và\s+)?|\s+và\s+|\s*;\s*)", rest)
            if not sep:
                break
            rest = rest[sep.end():]
        if names:
            return names, s
    return [], ""


_ONLINE = re.compile(r"trực tuyến|điểm cầu|truyền hình trực tiếp", re.I)
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in lexicon.UNITS), key=len, reverse=True))
_FIGURE = re.compile(rf"(?:(?P<q>{_QUALIFIER})\s+)?(?P<n>{_NUM})\s*(?P<u>{_UNIT_ALT})(?!\w)", re.I)


# ---------------------------------------------------------------------------------------------
# The reading


@dataclass
class Fact:
    value: object
    evidence: str = ""


@dataclass
class Reading:
    file: str
    title: str
    facts: dict[str, Fact]
    people: list[Person]
    directions: list[dict]
    figures: list[dict]
    text: str = ""
    bridge_names: list[str] = field(default_factory=list)

    def fields(self) -> dict:
        """Exactly the labelled fields (``file`` first), as ``read_articles --jsonl`` prints them."""
        out = {"file": self.file}
        for name in FIELDS:
            value = self.facts[name].value
            out[name] = value.isoformat() if isinstance(value, datetime.date) else value
        return out

    def as_dict(self) -> dict:
        return {
            **self.fields(),
            "title": self.title,
            "evidence": {k: f.evidence for k, f in self.facts.items() if f.evidence},
            "people": [p.__dict__ for p in self.people],
            "directions": self.directions,
            "figures": self.figures,
            "bridge_names": self.bridge_names,
        }


_HALF_YEAR_OPENING = re.compile(r"(?:Trong\s+|Qua\s+)?(?:6|sáu)\s+tháng\s+đầu\s+năm\s+((?:19|20)\d{2})\s*,", re.I)


def _event_sentence(body: list[str], title: str) -> str | None:
    meeting = re.compile(r"hội nghị|tổng kết|sơ kết|giao ban|hội thảo|tọa đàm|toạ đàm|họp|lễ|gặp mặt|diễn đàn|đại hội", re.I)
    for s in body[:12]:
        if _date_in(s) and meeting.search(s):
            return s
    for s in body[:12]:
        if meeting.search(s) and _ORG_VERB.search(" " + s):
            return s
    for s in body[:3]:  # "Ban Chỉ đạo … vừa tổ chức bình xét …": a body holding an event without the word
        if find_organizer(s):
            return s
    return None


def read_article(text: str, *, name: str = "") -> Reading:
    return read_source(blocks_from_lines(text.splitlines(), name=name))


def read_source(source: Source) -> Reading:
    title = source.title or next((b.text for b in source.blocks if b.kind == "title"), "")
    body_blocks = [b for b in source.blocks if b.kind == "body"]
    role_blocks = [b for b in source.blocks if b.kind in ("body", "caption", "title")]
    body_sents = [s for b in body_blocks for s in sentences(b.text)]
    facts: dict[str, Fact] = {f: Fact(None) for f in FIELDS}
    facts["chairs"] = Fact([])

    event = _event_sentence(body_sents, title)
    glued = _INNER_LEAD_DATE.search(event) if event else None
    if glued and glued.start() > 0 and len(event[: glued.start()].split()) >= 4 and not re.search(r"[,;:]", event[: glued.start()]):
        # a crawl that glued the section and title before the lead ("Xây dựng Đảng Tuyên truyền … Ngày 15/8, …"):
        # the meeting's sentence starts at its date
        event = event[glued.start():]

    # type and period: the sentence that names the meeting, then the title
    for text in [t for t in (event, title) if t]:
        found = find_type(text)
        if found:
            facts["meeting_type"] = Fact(found[0], text)
            break
    mtype = facts["meeting_type"].value
    unnamed = mtype is None and event is not None and not _HALF_YEAR_OPENING.match(event)
    if unnamed:
        # a meeting whose sentence names no kind ("Hội nghị điển hình tiên tiến … giai đoạn 2010 - 2014") is
        # other, and an other's span of years is no period reviewed
        facts["meeting_type"] = Fact("other", event)
        mtype = "other"
    for text in [t for t in (event, title) if t]:
        start = _TYPE_WORDS.search(text)
        clause = text[start.start():] if start else text
        found = find_period(clause, multi_year_ok=mtype in ("so_ket", "chuyen_de", "tong_ket", None))
        if found:
            facts["report_period"] = Fact(found[0], text)
            break
    if facts["report_period"].value is None and event and mtype:
        # "Để đánh giá kết quả … năm 2009 tại Đô Lương, Ban … đã tổ chức hội nghị giao ban": the purpose names it
        lead = _LEAD_DATE.sub("", _DATELINE.sub("", event.strip()))
        start = _TYPE_WORDS.search(lead)
        if _PURPOSE.match(lead) and start and _PURPOSE_REVIEW.search(lead[: start.start()]):
            found = _P_YEAR.search(lead[: start.start()])  # "kết quả thực hiện nhiệm vụ … năm 2009"
            if found:
                facts["report_period"] = Fact(found.group(1), event)
    if mtype is None and event is None:
        # a report of an annual review that never names the meeting's kind: "Năm 2020, công tác dân vận …"
        # opening the story, "Năm 2021, …" setting the tasks, and a "hội nghị" in a caption or a sentence
        opening = next((re.match(r"(?:Trong\s+)?năm\s+((?:19|20)\d{2})\s*,", t, re.I) for t in body_sents[:1]), None)
        if opening and any(re.search(r"hội nghị", b.text, re.I) for b in source.blocks):
            year = int(opening.group(1))
            if any(re.match(rf"(?:Trong\s+)?năm\s+{year + 1}\b", t, re.I) or re.search(rf"nhiệm vụ[^.]{{0,40}}năm\s+{year + 1}", t)
                   for t in body_sents[1:]):
                facts["meeting_type"] = Fact("tong_ket", body_sents[0])
                mtype = "tong_ket"
    if mtype is None:
        # a half-year review that never names itself: "Trong 6 tháng đầu năm 2022, …" opening the story (the
        # first sentence of a dozen words or more) and a "hội nghị" on the page
        opening = next((m for t in body_sents[:2] if len(t.split()) >= 12 for m in [_HALF_YEAR_OPENING.match(t)] if m), None)
        if opening and any(re.search(r"hội nghị", b.text, re.I) for b in source.blocks):
            facts["meeting_type"] = Fact("so_ket", opening.string)
            facts["report_period"] = Fact(f"6T-{opening.group(1)}", opening.string)
            mtype = "so_ket"
    if facts["report_period"].value is None and mtype and not unnamed:
        # the report's opening line names the period: "Trong năm 2021, …", "6 tháng đầu năm 2022, …"
        for text in body_sents[:3]:
            m = re.match(r"(?:Trong\s+|Qua\s+)?((?:(?:6|9|sáu|chín)\s+tháng(?:\s+đầu)?\s+)?năm\s+(?:19|20)\d{2})\s*,", text, re.I)
            if m and text is not event:
                found = find_period(m.group(1))
                if found:
                    facts["report_period"] = Fact(found[0], text)
                    break
    if mtype is None and event:
        facts["meeting_type"] = Fact("other", event)

    # date
    candidates = [s for s in ([event] if event else []) + body_sents[:6] if s]
    for s in candidates:
        found = _date_in(s)
        if not found:
            continue
        day, month, year, _ = found
        if year is None:
            year = resolve_year(day, month, period=facts["report_period"].value, stamp=source.stamp)
        if year is None:
            # a celebration "kỷ niệm 94 năm … (15/10/1930 – 15/10/2024)" is held in the span's last year
            anniversary = next((a for t in (s, title) for a in [_ANNIVERSARY.search(t)] if a), None)
            year = int(anniversary.group(1)) if anniversary else None
        if year:
            try:
                facts["event_date"] = Fact(datetime.date(year, month, day), s)
            except ValueError:
                pass
        break

    # organizer
    for text in [t for t in (event, *body_sents[:3], title) if t]:
        org = find_organizer(text)
        if org:
            facts["organizer"] = Fact(org, text)
            break

    # province: the bridge point the article reports from (a national online meeting), else the meeting's
    # sentence first, then the story in order
    found = None
    for s in [title, *body_sents, *(b.text for b in source.blocks if b.kind == "caption")]:
        m = _BRIDGE_PROVINCE.search(s)
        if m and m.group(1) != "Hà Nội":
            found = (m.group(1), s)
            break
    found = found or find_province([t for t in (event, title, *body_sents) if t] + [b.text for b in source.blocks if b.kind == "caption"])
    if found:
        facts["province"] = Fact(found[0], found[1])

    # online and bridge points
    for s in [title, *body_sents]:
        if _ONLINE.search(s) and (s is title or re.search(r"hội nghị|tổ chức|điểm cầu|giao ban|kết nối|hình thức|dự", s, re.I)):
            facts["online"] = Fact(True, s)
            break
    for s in [title, *body_sents]:
        m = _BRIDGE.search(s)
        if m:
            facts["bridge_points"] = Fact(parse_number(m.group("n")), s)
            break

    # counts
    best = None
    for s in body_sents + [title]:
        patterns = (_DVK_COUNT, _DVK_COUNT_AFTER)
        if len(re.findall(rf"(?:{_NUM})\s+mô hình", s)) >= 3 and not re.search(r"tổng|toàn tỉnh|toàn huyện", s, re.I):
            continue  # a breakdown by field, not a total
        if re.search(_DVK, s, re.I):
            patterns += (_DVK_TOTAL,)
        for pattern in patterns:
            for m in pattern.finditer(s):
                value = parse_number(m.group("n"))
                if isinstance(value, int) and (best is None or value > best[0]):
                    best = (value, s)
    if best:
        facts["dvk_models"] = Fact(best[0], best[1])
    for s in body_sents:
        if _MEDAL.search(s):
            m = _PEOPLE_COUNT.search(s)
            if m:
                facts["medal_individuals"] = Fact(parse_number(m.group("n")), s)
                break
    total, evidence = 0, []
    for s in body_sents:
        for cm in _COMMEND.finditer(s):
            # "tặng Bằng khen cho 6 tập thể", "khen thưởng 4 tập thể": the count follows the award in its clause
            clause = re.split(r"[;.]|\s(?:và|,)\s*(?:tặng|trao)\s", s[cm.end():], maxsplit=1)[0][:80]
            m = _COLLECTIVE_COUNT.search(clause)
            if m and not re.search(r"mô hình", clause[: m.start()]):
                total += parse_number(m.group("n")) or 0
                evidence.append(s)
        if not evidence:
            # "có 5 tập thể được Ban Chấp hành … tặng Bằng khen": the count before the award
            for m in _COLLECTIVE_BEFORE_AWARD.finditer(s):
                total += parse_number(m.group("n")) or 0
                evidence.append(s)
        if evidence:
            break
    if evidence:
        facts["commended_collectives"] = Fact(total, evidence[0])

    # people
    people: dict[str, Person] = {}
    for b in role_blocks:
        for s in sentences(b.text):
            for mention, role, positions in roles_in(s):
                key = re.sub(r"\s+", " ", mention.name).casefold()
                person = people.setdefault(key, Person(mention.name))
                for p in positions:
                    if p not in person.positions:
                        person.positions.append(p)
                if role and role not in person.roles:
                    person.roles.append(role)
                if s not in person.evidence:
                    person.evidence.append(s)
    chairs = [p for p in people.values() if any(r in CHAIR_ROLES for r in p.roles)]
    facts["chairs"] = Fact([p.name for p in chairs], " ".join(p.evidence[0] for p in chairs))

    return Reading(
        file=source.name, title=title, facts=facts, people=list(people.values()),
        directions=_directions(body_blocks), figures=_figures(body_sents),
        text="\n\n".join(b.text for b in source.blocks), bridge_names=find_bridge_names(body_sents)[0],
    )


_DIRECTION = re.compile(r"(?<!\w)(?:đề nghị|yêu cầu|đề ra|chỉ đạo)(?:,?\s+(?:thời gian tới|trong thời gian tới),)?\s*", re.I)
_CONTINUE = re.compile(r"^(?:đồng thời|bên cạnh đó|trong đó|ngoài ra|cùng với đó|mặt khác)", re.I)


def _directions(blocks: list[Block]) -> list[dict]:
    out: list[dict] = []
    active = False
    for b in blocks:
        text = b.text
        m = None
        for cand in _DIRECTION.finditer(text):
            before = text[: cand.start()]
            if re.search(r"(?:đồng chí|Đồng chí|Đ/c|đ/c|[A-ZĐ]\w+ [A-ZĐ]\w+|Bí thư|Chủ tịch|Trưởng ban|Trưởng Ban)", before[-120:]):
                m = cand
                break
        if m:
            rest = text[m.end():]
            active = True
        elif active and _CONTINUE.match(text):
            rest = re.sub(r"^[^,]*,\s*", "", text, count=1)
        else:
            active = False
            continue
        for item in re.split(r";\s+|\.\s+(?=[A-ZĐ])", rest):
            item = item.strip(" .…,")
            if len(item.split()) >= 4:
                out.append({"text": item[0].upper() + item[1:], "evidence": text})
        if len(out) >= 25:
            break
    return out[:25]


def _figures(body: list[str]) -> list[dict]:
    out = []
    for s in body:
        for m in _FIGURE.finditer(s):
            value = parse_number(m.group("n"))
            if value is None:
                continue
            head = s[: m.start()]
            head = re.split(r"[,;:(]\s*|\.\s", head)[-1].split()[-7:]
            tail = re.split(r"[,;.)…]", s[m.end():], maxsplit=1)[0].split()[:5]
            out.append({
                "value": value, "unit": m.group("u"), "qualifier": (m.group("q") or "").lower() or None,
                "text": m.group(0).strip(), "meaning": " ".join([*head, m.group(0).strip(), *tail]).strip(),
                "evidence": s,
            })
    return out
