"""Search in the petitions, the receptions and the dialogues ranks what the user meant first (issue 10
§6): the subject, receiver or title as typed, then the phrase, then the words apart; the latest first
within each rank. The rows are those the search found before. Dates are fixed."""

import datetime

from danvan.voice.domain.dialogues import create_dialogue
from danvan.voice.domain.petitions import receive_petition
from danvan.voice.queries.dialogues import filter_dialogues
from danvan.voice.queries.petitions import filter_petitions
from danvan.voice.queries.receptions import filter_sessions
from tests.voice.conftest import session

D = datetime.date


def test_the_subject_as_typed_comes_first(v):
    for code, subject, day in [
        ("KN-101", "Thu hồi đất làm đường", D(2025, 8, 5)),
        ("KN-102", "Kiến nghị về bồi thường khi thu hồi đất làm đường liên thôn", D(2025, 9, 10)),
        ("KN-103", "Đề nghị làm rõ việc thu hồi đất để làm đường tuần tra", D(2025, 10, 1)),
        ("KN-104", "Phản ánh tiếng ồn của xưởng gỗ", D(2025, 11, 1)),
    ]:
        receive_petition(actor=None, organization=v.party_a, code=code, received_on=day, kind="recommendation",
                         subject=subject, area=v.cast.geo.commune_a)
    expected = ["Thu hồi đất làm đường", "Kiến nghị về bồi thường khi thu hồi đất làm đường liên thôn",
                "Đề nghị làm rõ việc thu hồi đất để làm đường tuần tra"]
    for q in ("thu hoi dat lam duong", "Thu hồi đất làm đường"):
        assert [p.subject for p in filter_petitions(v.officer_a, q=q)] == expected
    assert [p.subject for p in filter_petitions(v.officer_a)][0] == "Phản ánh tiếng ồn của xưởng gỗ"


def test_the_receiver_named_as_typed_comes_first(v):
    first = session(v.party_a, v.secretary_a, D(2025, 8, 15))
    second = session(v.party_a, v.prov_secretary, D(2025, 9, 15), note="Cùng đồng chí Sùng A Páo tiếp công dân")
    third = session(v.party_a, v.prov_secretary, D(2025, 10, 15), note="Ông Sùng A Dế và bà Páo đến trình bày")
    latest = session(v.party_a, v.prov_secretary, D(2025, 11, 15), note="Tiếp dân định kỳ")
    assert list(filter_sessions(v.officer_a, q="sung a pao")) == [first, second, third]
    assert list(filter_sessions(v.officer_a))[0] == latest


def test_the_dialogue_titled_as_typed_comes_first(v):
    def dialogue(title, day, venue="Hội trường xã"):
        return create_dialogue(actor=None, organization=v.party_a, title=title, held_on=day, venue=venue,
                               notice_published_on=day - datetime.timedelta(days=10))

    dialogue("Đối thoại với Nhân dân", D(2025, 9, 20))
    dialogue("Hội nghị đối thoại với Nhân dân xã Bảo Ái", D(2025, 10, 20))
    dialogue("Đối thoại chuyên đề đất đai", D(2025, 11, 20), venue="Nhà văn hóa, với sự tham dự của nhân dân")
    dialogue("Gặp mặt già làng, trưởng bản", D(2025, 12, 1))
    expected = ["Đối thoại với Nhân dân", "Hội nghị đối thoại với Nhân dân xã Bảo Ái", "Đối thoại chuyên đề đất đai"]
    for q in ("doi thoai voi nhan dan", "Đối thoại với Nhân dân"):
        assert [d.meeting.title for d in filter_dialogues(v.officer_a, q=q)] == expected
    assert [d.meeting.title for d in filter_dialogues(v.officer_a)][0] == "Gặp mặt già làng, trưởng bản"
