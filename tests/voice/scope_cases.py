"""Scope cases of the voice module (read by ``tests/test_scope_matrix.py``): its objects, owned by
``w.front_a`` (Ủy ban MTTQ xã Bảo Ái), built through the domain actions, and one case per id-taking route."""

import datetime

from tests.scope_cases import change, count, refuse, view


def build(w):
    from danvan.voice.domain.receptions import add_case, create_session

    w.reception = create_session(actor=None, organization=w.front_a, receiver=w.person, held_on=datetime.date(2025, 11, 6),
                                 rule="front", place="Nhà văn hóa thôn Nậm Lúc (tiếp dân)")
    w.reception_case = add_case(actor=None, session=w.reception, subject="Kiến nghị sửa đường thôn Nậm Lúc",
                                citizen_name="Lò Văn Kiến", kind="recommendation", field="infrastructure")


def _cases_of(w):
    from danvan.voice.models import CitizenCase

    return count(CitizenCase, session=w.reception)


def cases():
    return [
        view("/tiep-dan/<int:pk>/", lambda w: f"/tiep-dan/{w.reception.pk}/",
             shows=lambda w: "Nhà văn hóa thôn Nậm Lúc (tiếp dân)"),
        refuse("POST", "/tiep-dan/<int:pk>/", lambda w: f"/tiep-dan/{w.reception.pk}/"),
        change("POST", "/tiep-dan/<int:pk>/vu-viec/", lambda w: f"/tiep-dan/{w.reception.pk}/vu-viec/",
               data=lambda w: {"subject": "Đề nghị lắp đèn đường", "people": "1", "kind": "recommendation",
                               "field": "infrastructure"}, watch=_cases_of, status=302),
        refuse("GET", "/tiep-dan/<int:pk>/vu-viec/", lambda w: f"/tiep-dan/{w.reception.pk}/vu-viec/"),
        view("/api/v1/receptions/{reception_id}", lambda w: f"/api/v1/receptions/{w.reception.pk}",
             json_id=lambda w: w.reception.pk),
    ]
