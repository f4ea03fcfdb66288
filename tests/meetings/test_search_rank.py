"""Search ranks what the user meant first (issue 10 §6) in the meetings, the follow-up tasks and the
people: the title or name itself, then the phrase, then the words apart; the list's own order breaks
ties. The rows are those the search found before; only their order changes."""

import datetime

from danvan.core.text import search_filter
from danvan.meetings.queries import (
    filter_meetings,
    filter_people,
    filter_tasks,
    visible_meetings,
    visible_people,
)
from tests.meetings.helpers import conclusion, meeting, person, task


def test_the_meeting_titled_as_typed_comes_first(cast):
    meeting(cast.commission, title="Hội nghị giao ban khối dân vận", venue="Phòng họp sơ kết",
            day=datetime.date(2026, 7, 20))
    meeting(cast.commission, title="Hội nghị sơ kết 6 tháng đầu năm 2026", venue="Hội trường tỉnh",
            day=datetime.date(2026, 7, 10))
    meeting(cast.commission, title="Tập huấn dân vận khéo", venue="Nhà văn hóa cạnh hội nghị sơ kết cũ",
            day=datetime.date(2026, 7, 5))
    meeting(cast.commission, title="Hội nghị sơ kết", venue="Hội trường Ủy ban nhân dân xã",
            day=datetime.date(2026, 6, 30))
    meeting(cast.commission, title="Gặp mặt người có uy tín", day=datetime.date(2026, 8, 1))
    expected = ["Hội nghị sơ kết", "Hội nghị sơ kết 6 tháng đầu năm 2026", "Tập huấn dân vận khéo",
                "Hội nghị giao ban khối dân vận"]
    for q in ("hoi nghi so ket", "Hội nghị sơ kết"):
        found = list(filter_meetings(cast.province, q=q))
        assert [m.title for m in found] == expected
        assert set(found) == set(search_filter(visible_meetings(cast.province), q, "title_folded"))
    # without a search: newest first, as before
    assert [m.title for m in filter_meetings(cast.province)][:2] == ["Gặp mặt người có uy tín",
                                                                      "Hội nghị giao ban khối dân vận"]


def test_the_task_titled_as_typed_comes_first(cast):
    plain = conclusion(meeting(cast.commission, title="Giao ban công tác dân vận quý II"))
    named = conclusion(meeting(cast.commission, title="Rà soát hộ nghèo năm 2026", day=datetime.date(2026, 3, 20)))
    task(plain, [cast.front_a], title="Rà soát hộ nghèo và cận nghèo", due=datetime.date(2026, 5, 1))
    task(named, [cast.front_a], title="Tuyên truyền chính sách bảo hiểm y tế", due=datetime.date(2026, 4, 1))
    task(plain, [cast.front_b], title="Rà soát hộ nghèo", due=datetime.date(2026, 9, 30))
    task(plain, [cast.front_b], title="Vận động hộ nghèo làm nhà", due=datetime.date(2026, 4, 10))
    found = list(filter_tasks(cast.province, q="ra soat ho ngheo"))
    assert [t.title for t in found] == ["Rà soát hộ nghèo", "Tuyên truyền chính sách bảo hiểm y tế",
                                        "Rà soát hộ nghèo và cận nghèo"]
    assert [t.title for t in filter_tasks(cast.province)] == [
        "Tuyên truyền chính sách bảo hiểm y tế", "Vận động hộ nghèo làm nhà", "Rà soát hộ nghèo và cận nghèo",
        "Rà soát hộ nghèo"]


def test_the_person_named_as_typed_comes_first(cast):
    for name in ("Lò Văn Thắng Anh", "Thắng Văn Lò", "Lò Văn Thắng", "Giàng A Lử"):
        person(cast.front_a, name=name)
    found = list(filter_people(cast.province, q="lo van thang"))
    assert [p.full_name for p in found] == ["Lò Văn Thắng", "Lò Văn Thắng Anh", "Thắng Văn Lò"]
    assert set(found) == set(search_filter(visible_people(cast.province), "lo van thang"))
