"""Search in the consultations and the community decisions ranks what the user meant first (issue 10 §6):
the draft or subject as typed, then the phrase in it, then the words apart; the latest first within each
rank. The rows are those the search found before. Dates are fixed."""

import datetime

import pytest

from danvan.democracy.queries.consultations import filter_consultations
from danvan.democracy.queries.people import filter_decisions
from tests.democracy.test_consultations import consult
from tests.democracy.test_people import decide

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_draft_as_typed_comes_first(cast, ubnd):
    for draft, day in [("Quy ước thôn Nà Hối", D(2026, 2, 1)), ("Dự thảo sửa đổi quy ước thôn Nà Hối năm 2026",
                                                                  D(2026, 3, 1)),
                       ("Quy định mức đóng góp của thôn Nà Hối và ước tính", D(2026, 4, 1)),
                       ("Phương án làm đường liên thôn", D(2026, 5, 1))]:
        consult(ubnd.a, draft=draft, opens_on=day, closes_on=day + datetime.timedelta(days=20))
    expected = ["Quy ước thôn Nà Hối", "Dự thảo sửa đổi quy ước thôn Nà Hối năm 2026",
                "Quy định mức đóng góp của thôn Nà Hối và ước tính"]
    for q in ("quy uoc thon na hoi", "Quy ước thôn Nà Hối"):
        assert [c.draft for c in filter_consultations(ubnd.a.officer, q=q)] == expected
    assert [c.draft for c in filter_consultations(ubnd.a.officer)][0] == "Phương án làm đường liên thôn"


def test_the_subject_as_typed_comes_first(cast, ubnd):
    for subject, day in [("Bê tông hóa đường thôn", D(2026, 2, 6)),
                         ("Góp ngày công bê tông hóa đường thôn Nậm Lúc", D(2026, 3, 6)),
                         ("Làm đường thôn bằng bê tông, hóa đơn công khai", D(2026, 4, 6)),
                         ("Sửa nhà văn hóa thôn", D(2026, 5, 6))]:
        decide(ubnd.a, subject=subject, decided_on=day)
    expected = ["Bê tông hóa đường thôn", "Góp ngày công bê tông hóa đường thôn Nậm Lúc",
                "Làm đường thôn bằng bê tông, hóa đơn công khai"]
    for q in ("be tong hoa duong thon", "Bê tông hóa đường thôn"):
        assert [d.subject for d in filter_decisions(ubnd.a.officer, q=q)] == expected
    assert [d.subject for d in filter_decisions(ubnd.a.officer)][0] == "Sửa nhà văn hóa thôn"
