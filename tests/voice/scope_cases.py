"""Scope cases of the voice module (read by ``tests/test_scope_matrix.py``): its objects, owned by
``w.front_a`` (Ủy ban MTTQ xã Bảo Ái), built through the domain actions, and one case per id-taking route."""

import datetime

from tests.scope_cases import change, count, refuse, row, view


def build(w):
    from danvan.voice.domain.receptions import add_case, create_session

    w.reception = create_session(actor=None, organization=w.front_a, receiver=w.person, held_on=datetime.date(2025, 11, 6),
                                 rule="front", place="Nhà văn hóa thôn Nậm Lúc (tiếp dân)")
    from danvan.voice.domain.dialogues import add_opinion, create_dialogue

    w.dialogue = create_dialogue(actor=None, organization=w.front_a, title="Đối thoại với Nhân dân thôn Nậm Lúc",
                                 held_on=datetime.date(2025, 11, 20), notice_published_on=datetime.date(2025, 11, 10))
    w.opinion = add_opinion(actor=None, dialogue=w.dialogue, text="Đề nghị sửa cầu treo Nậm Lúc", addressed_to=w.front_a)
    from danvan.voice.domain.petitions import receive_petition

    w.petition = receive_petition(actor=None, organization=w.front_a, code="KN-NAMLUC-01",
                                  received_on=datetime.date(2025, 11, 3), kind="complaint",
                                  subject="Khiếu nại việc thu hồi đất thôn Nậm Lúc", area=w.front_a.area,
                                  sender_name="Lò Văn Khiếu")
    w.reception_case = add_case(actor=None, session=w.reception, subject="Kiến nghị sửa đường thôn Nậm Lúc",
                                citizen_name="Lò Văn Kiến", kind="recommendation", field="infrastructure")


def _cases_of(w):
    from danvan.voice.models import CitizenCase

    return count(CitizenCase, session=w.reception)


def _opinions_of(w):
    from danvan.voice.models import Opinion

    return count(Opinion, dialogue=w.dialogue)


def _reception_opinions_of(w):
    from danvan.voice.models import Opinion

    return count(Opinion, session=w.reception)


def _opinion_row(w):
    from danvan.voice.models import Opinion

    return row(Opinion, w.opinion.pk)


def _dialogue_row(w):
    from danvan.voice.models import Dialogue

    return row(Dialogue, w.dialogue.pk)


def _petition_row(w):
    from danvan.voice.models import Petition

    return row(Petition, w.petition.pk)


def cases():
    return [
        view("/don-thu/<int:pk>/", lambda w: f"/don-thu/{w.petition.pk}/", shows=lambda w: "KN-NAMLUC-01"),
        refuse("POST", "/don-thu/<int:pk>/", lambda w: f"/don-thu/{w.petition.pk}/"),
        change("POST", "/don-thu/<int:pk>/buoc/<str:action>/", lambda w: f"/don-thu/{w.petition.pk}/buoc/classify/",
               data=lambda w: {"on": "04/11/2025"}, watch=_petition_row, status=302),
        refuse("GET", "/don-thu/<int:pk>/buoc/<str:action>/", lambda w: f"/don-thu/{w.petition.pk}/buoc/classify/"),
        view("/api/v1/petitions/{petition_id}", lambda w: f"/api/v1/petitions/{w.petition.pk}",
             json_id=lambda w: w.petition.pk),
        change("POST", "/api/v1/petitions/{petition_id}/{action}",
               lambda w: f"/api/v1/petitions/{w.petition.pk}/classify", data=lambda w: {"on": "2025-11-04"},
               watch=_petition_row),
        view("/doi-thoai/<int:pk>/", lambda w: f"/doi-thoai/{w.dialogue.pk}/",
             shows=lambda w: "Đối thoại với Nhân dân thôn Nậm Lúc"),
        refuse("POST", "/doi-thoai/<int:pk>/", lambda w: f"/doi-thoai/{w.dialogue.pk}/"),
        change("POST", "/doi-thoai/<int:pk>/y-kien/", lambda w: f"/doi-thoai/{w.dialogue.pk}/y-kien/",
               data=lambda w: {"text": "Đề nghị làm mương", "field": "infrastructure"}, watch=_opinions_of,
               status=302),
        refuse("GET", "/doi-thoai/<int:pk>/y-kien/", lambda w: f"/doi-thoai/{w.dialogue.pk}/y-kien/"),
        change("POST", "/doi-thoai/y-kien/<int:pk>/tra-loi/", lambda w: f"/doi-thoai/y-kien/{w.opinion.pk}/tra-loi/",
               data=lambda w: {"outcome": "answered", "answer": "Đã trả lời tại hội nghị"}, watch=_opinion_row,
               status=302),
        change("POST", "/doi-thoai/<int:pk>/thong-bao-ket-qua/", lambda w: f"/doi-thoai/{w.dialogue.pk}/thong-bao-ket-qua/",
               data=lambda w: {"issued_on": "25/11/2025"}, watch=_dialogue_row, status=302),
        change("POST", "/doi-thoai/<int:pk>/cong-khai/", lambda w: f"/doi-thoai/{w.dialogue.pk}/cong-khai/",
               data=lambda w: {"public": "1"}, watch=_dialogue_row, status=302),
        refuse("GET", "/doi-thoai/<int:pk>/cong-khai/", lambda w: f"/doi-thoai/{w.dialogue.pk}/cong-khai/"),
        refuse("GET", "/doi-thoai/<int:pk>/thong-bao-ket-qua/",
               lambda w: f"/doi-thoai/{w.dialogue.pk}/thong-bao-ket-qua/"),
        view("/doi-thoai/<int:pk>/thong-bao-ket-qua.<str:fmt>",
             lambda w: f"/doi-thoai/{w.dialogue.pk}/thong-bao-ket-qua.docx", shows=lambda w: "PK\x03\x04"),
        refuse("POST", "/doi-thoai/<int:pk>/thong-bao-ket-qua.<str:fmt>",
               lambda w: f"/doi-thoai/{w.dialogue.pk}/thong-bao-ket-qua.docx"),
        refuse("GET", "/doi-thoai/y-kien/<int:pk>/tra-loi/", lambda w: f"/doi-thoai/y-kien/{w.opinion.pk}/tra-loi/"),
        view("/api/v1/dialogues/{dialogue_id}", lambda w: f"/api/v1/dialogues/{w.dialogue.pk}",
             json_id=lambda w: w.dialogue.pk),
        view("/tiep-dan/<int:pk>/", lambda w: f"/tiep-dan/{w.reception.pk}/",
             shows=lambda w: "Nhà văn hóa thôn Nậm Lúc (tiếp dân)"),
        refuse("POST", "/tiep-dan/<int:pk>/", lambda w: f"/tiep-dan/{w.reception.pk}/"),
        change("POST", "/tiep-dan/<int:pk>/vu-viec/", lambda w: f"/tiep-dan/{w.reception.pk}/vu-viec/",
               data=lambda w: {"subject": "Đề nghị lắp đèn đường", "people": "1", "kind": "recommendation",
                               "field": "infrastructure"}, watch=_cases_of, status=302),
        change("POST", "/tiep-dan/<int:pk>/y-kien/", lambda w: f"/tiep-dan/{w.reception.pk}/y-kien/",
               data=lambda w: {"text": "Đề nghị sửa cống thôn", "field": "infrastructure"},
               watch=_reception_opinions_of, status=302),
        refuse("GET", "/tiep-dan/<int:pk>/y-kien/", lambda w: f"/tiep-dan/{w.reception.pk}/y-kien/"),
        refuse("GET", "/tiep-dan/<int:pk>/vu-viec/", lambda w: f"/tiep-dan/{w.reception.pk}/vu-viec/"),
        view("/api/v1/receptions/{reception_id}", lambda w: f"/api/v1/receptions/{w.reception.pk}",
             json_id=lambda w: w.reception.pk),
    ]
