"""Scope cases of the democracy module: one entry per id-taking route and method (internal pages, API),
and the public portal's routes in ``PUBLIC`` with the reason."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.scope_cases import PNG, change, count, refuse, row, view

D = datetime.date


def build(w):
    from danvan.democracy.domain.consultations import record_consultation
    from danvan.democracy.domain.decisions import record_decision
    from danvan.democracy.domain.findings import record_finding
    from danvan.democracy.domain.obligations import trigger_by_document
    from danvan.democracy.domain.records import add_evidence, add_record
    from danvan.democracy.models import DisclosureItem, PortalSubmission

    item = DisclosureItem.objects.get(number=7)
    w.dem_obligation = trigger_by_document(actor=None, organization=w.front_a, item=item, number="15/QĐ-UBND",
                                           issued_on=D(2026, 3, 2), title="Danh sách hộ nghèo thôn Nậm Lúc")
    w.dem_record = add_record(actor=None, obligation=w.dem_obligation, channel="office", posted_on=D(2026, 3, 4),
                              note="Niêm yết tại nhà văn hóa Nậm Lúc")
    w.dem_evidence = add_evidence(actor=None, record=w.dem_record, kind="photo", taken_on=D(2026, 3, 4),
                                  upload=SimpleUploadedFile("bang-nam-luc.png", PNG, content_type="image/png"))
    w.dem_decision = record_decision(
        actor=None, organization=w.front_a, village="Thôn Nậm Lúc", matter="public_works",
        subject="Góp ngày công làm đường thôn Nậm Lúc", form="show_of_hands", households_total=80,
        participating=60, votes_for=50, votes_against=10, decided_on=D(2026, 3, 6),
        minutes=SimpleUploadedFile("bien-ban-nam-luc.pdf", b"%PDF-1.4 matrix decision minutes",
                                   content_type="application/pdf"))
    w.dem_finding = record_finding(actor=None, organization=w.front_a, addressed_to=w.front_a,
                                   finding="Bảng tin thôn Nậm Lúc chưa cập nhật", found_on=D(2026, 3, 10))
    w.dem_consultation = record_consultation(
        actor=None, organization=w.front_a, draft="Dự thảo quy ước thôn Nậm Lúc về giữ gìn vệ sinh",
        opens_on=D(2026, 4, 1), closes_on=D(2026, 4, 30), channels=["office", "village_heads"])
    w.dem_submission = PortalSubmission.objects.create(
        code="MATRIXNAML", kind="kien_nghi", area=w.geo.commune_a, content="Đề nghị sửa cầu treo Nậm Lúc",
        name="Giàng A Páo", consent=True, client_key="matrix")


def _recognized(w):
    from danvan.practices.models import Practice

    Practice._base_manager.filter(pk=w.practice.pk).update(status="recognized")


PREPARE = {"POST /dan-chu/cong-thong-tin/mo-hinh/<int:pk>/": _recognized}

PUBLIC = {
    "GET /cong-khai/mo-hinh/<int:entry_id>/": "the public portal: a model an officer published (portal table only)",
    "POST /cong-khai/mo-hinh/<int:entry_id>/": "the public portal answers 405 to POST; nothing internal is read",
    "GET /cong-khai/anh/<int:photo_id>/": "the public portal: a photo copied onto it with a published model",
    "POST /cong-khai/anh/<int:photo_id>/": "the public portal answers 405 to POST; nothing internal is read",
    "GET /cong-khai/bang-cong-khai/<int:area_id>/": "the public portal: a commune's board as published by its "
                                                    "officers (portal table only); areas are the public map",
    "POST /cong-khai/bang-cong-khai/<int:area_id>/": "the public portal answers 405 to POST",
}


def _models():
    import danvan.democracy.models as m
    return m


def cases():
    ob = lambda w: f"/dan-chu/nghia-vu/{w.dem_obligation.pk}/"  # noqa: E731
    rec = lambda w: f"/dan-chu/ban-ghi/{w.dem_record.pk}/"  # noqa: E731
    dec = lambda w: f"/dan-chu/quyet-dinh/{w.dem_decision.pk}/"  # noqa: E731
    board = lambda w: f"/dan-chu/xa/{w.geo.commune_a.pk}/"  # noqa: E731
    con = lambda w: f"/dan-chu/lay-y-kien/{w.dem_consultation.pk}/"  # noqa: E731
    result = {"opinions_received": 14, "opinions_taken_in": 5, "how_taken_in": "Bổ sung giờ thu gom rác",
              "result_number": "12/BC-UBND", "version": 1}
    records = lambda w: count(_models().DisclosureRecord, obligation=w.dem_obligation)  # noqa: E731
    return [
        view("/dan-chu/xa/<int:area_id>/", lambda w: board(w) + "?nam=2026&quy=1", shows=lambda w: "15/QĐ-UBND"),
        refuse("POST", "/dan-chu/xa/<int:area_id>/", board),
        change("POST", "/dan-chu/xa/<int:area_id>/dang-cong-khai/", lambda w: board(w) + "dang-cong-khai/",
               data=lambda w: {"nam": 2026, "quy": 1}, status=302,
               watch=lambda w: count(_models().PortalEntry, kind="board")),
        refuse("GET", "/dan-chu/xa/<int:area_id>/dang-cong-khai/", lambda w: board(w) + "dang-cong-khai/"),
        view("/dan-chu/nghia-vu/<int:pk>/", ob, shows=lambda w: "Danh sách hộ nghèo thôn Nậm Lúc"),
        refuse("POST", "/dan-chu/nghia-vu/<int:pk>/", ob),
        change("POST", "/dan-chu/nghia-vu/<int:pk>/cong-khai/", lambda w: ob(w) + "cong-khai/",
               data=lambda w: {"channel": "radio", "posted_on": "05/03/2026", "radio_days": 3}, status=302,
               watch=records),
        refuse("GET", "/dan-chu/nghia-vu/<int:pk>/cong-khai/", lambda w: ob(w) + "cong-khai/"),
        change("POST", "/dan-chu/nghia-vu/<int:pk>/thao-tac/<slug:action>/", lambda w: ob(w) + "thao-tac/not_applicable/",
               data=lambda w: {"reason": "Thôn đã sáp nhập", "version": 1}, status=302,
               watch=lambda w: row(_models().Obligation, w.dem_obligation.pk)),
        refuse("GET", "/dan-chu/nghia-vu/<int:pk>/thao-tac/<slug:action>/", lambda w: ob(w) + "thao-tac/not_applicable/"),
        change("POST", "/dan-chu/ban-ghi/<int:pk>/minh-chung/", lambda w: rec(w) + "minh-chung/",
               data=lambda w: {"kind": "photo"}, status=302,
               files=lambda: {"file": SimpleUploadedFile("anh.png", PNG, content_type="image/png")},
               watch=lambda w: count(_models().Evidence, record=w.dem_record)),
        refuse("GET", "/dan-chu/ban-ghi/<int:pk>/minh-chung/", lambda w: rec(w) + "minh-chung/"),
        change("POST", "/dan-chu/ban-ghi/<int:pk>/giam-sat/", lambda w: rec(w) + "giam-sat/",
               data=lambda w: {"organization": w.front_a.pk, "finding": "Bảng niêm yết bị che", "found_on": "10/03/2026"},
               status=302, watch=lambda w: count(_models().OversightFinding, record=w.dem_record)),
        refuse("GET", "/dan-chu/ban-ghi/<int:pk>/giam-sat/", lambda w: rec(w) + "giam-sat/"),
        view("/dan-chu/minh-chung/<int:pk>/", lambda w: f"/dan-chu/minh-chung/{w.dem_evidence.pk}/",
             shows=lambda w: "PNG"),
        refuse("POST", "/dan-chu/minh-chung/<int:pk>/", lambda w: f"/dan-chu/minh-chung/{w.dem_evidence.pk}/"),
        view("/dan-chu/quyet-dinh/<int:pk>/", dec, shows=lambda w: w.dem_decision.subject),
        refuse("POST", "/dan-chu/quyet-dinh/<int:pk>/", dec),
        change("POST", "/dan-chu/quyet-dinh/<int:pk>/gui/", lambda w: dec(w) + "gui/",
               data=lambda w: {"sent_on": "12/03/2026", "version": 1}, status=302,
               watch=lambda w: row(_models().CommunityDecision, w.dem_decision.pk)),
        refuse("GET", "/dan-chu/quyet-dinh/<int:pk>/gui/", lambda w: dec(w) + "gui/"),
        view("/dan-chu/quyet-dinh/<int:pk>/bien-ban/", lambda w: dec(w) + "bien-ban/",
             shows=lambda w: "matrix decision minutes"),
        refuse("POST", "/dan-chu/quyet-dinh/<int:pk>/bien-ban/", lambda w: dec(w) + "bien-ban/"),
        change("POST", "/dan-chu/giam-sat/<int:pk>/tra-loi/", lambda w: f"/dan-chu/giam-sat/{w.dem_finding.pk}/tra-loi/",
               data=lambda w: {"answer": "Đã cập nhật bảng tin", "answered_on": "15/03/2026"}, status=302,
               watch=lambda w: row(_models().OversightFinding, w.dem_finding.pk)),
        refuse("GET", "/dan-chu/giam-sat/<int:pk>/tra-loi/", lambda w: f"/dan-chu/giam-sat/{w.dem_finding.pk}/tra-loi/"),
        change("POST", "/dan-chu/cong-thong-tin/mo-hinh/<int:pk>/",
               lambda w: f"/dan-chu/cong-thong-tin/mo-hinh/{w.practice.pk}/", status=302,
               watch=lambda w: count(_models().PortalEntry, kind="model")),
        refuse("GET", "/dan-chu/cong-thong-tin/mo-hinh/<int:pk>/",
               lambda w: f"/dan-chu/cong-thong-tin/mo-hinh/{w.practice.pk}/"),
        change("POST", "/dan-chu/y-kien/<int:pk>/", lambda w: f"/dan-chu/y-kien/{w.dem_submission.pk}/",
               data=lambda w: {"status": "accepted"}, status=302,
               watch=lambda w: row(_models().PortalSubmission, w.dem_submission.pk)),
        refuse("GET", "/dan-chu/y-kien/<int:pk>/", lambda w: f"/dan-chu/y-kien/{w.dem_submission.pk}/"),
        view("/dan-chu/lay-y-kien/<int:pk>/", con, shows=lambda w: "Dự thảo quy ước thôn Nậm Lúc"),
        refuse("POST", "/dan-chu/lay-y-kien/<int:pk>/", con),
        change("POST", "/dan-chu/lay-y-kien/<int:pk>/ket-qua/", lambda w: con(w) + "ket-qua/",
               data=lambda w: {**result, "result_date": "05/05/2026"}, status=302,
               watch=lambda w: row(_models().Consultation, w.dem_consultation.pk)),
        refuse("GET", "/dan-chu/lay-y-kien/<int:pk>/ket-qua/", lambda w: con(w) + "ket-qua/"),
        view("/api/v1/consultations/{consultation_id}", lambda w: f"/api/v1/consultations/{w.dem_consultation.pk}",
             json_id=lambda w: w.dem_consultation.pk),
        change("POST", "/api/v1/consultations/{consultation_id}/result",
               lambda w: f"/api/v1/consultations/{w.dem_consultation.pk}/result",
               data=lambda w: {**result, "result_date": "2026-05-05"},
               watch=lambda w: row(_models().Consultation, w.dem_consultation.pk)),
        view("/api/v1/disclosures/{obligation_id}", lambda w: f"/api/v1/disclosures/{w.dem_obligation.pk}",
             json_id=lambda w: w.dem_obligation.pk),
        change("POST", "/api/v1/disclosures/{obligation_id}/{action}",
               lambda w: f"/api/v1/disclosures/{w.dem_obligation.pk}/not_applicable",
               data=lambda w: {"reason": "Thôn đã sáp nhập", "version": 1},
               watch=lambda w: row(_models().Obligation, w.dem_obligation.pk)),
    ]
