from django.urls import path

from danvan.democracy.views import disclosures, people, publishing

urlpatterns = [
    path("", disclosures.province_table, name="democracy_table"),
    path("tong-ket/", disclosures.yearly_review, name="democracy_review"),
    path("tong-ket.docx", disclosures.yearly_review, {"fmt": "docx"}, name="democracy_review_docx"),
    path("tao-nghia-vu/", disclosures.generate, name="democracy_generate"),
    path("nghia-vu/", disclosures.obligation_list, name="obligation_list"),
    path("nghia-vu/xuat-excel/", disclosures.obligation_export, name="obligation_export"),
    path("nghia-vu/theo-van-ban/", disclosures.document_obligation, name="obligation_document"),
    path("qua-han/", disclosures.overdue_list, name="democracy_overdue"),
    path("qua-han/nhac/", disclosures.remind, name="democracy_remind"),
    path("xa/<int:area_id>/", disclosures.commune_board, name="commune_board"),
    path("nghia-vu/<int:pk>/", disclosures.obligation_detail, name="obligation_detail"),
    path("nghia-vu/<int:pk>/cong-khai/", disclosures.obligation_record, name="obligation_record"),
    path("nghia-vu/<int:pk>/thao-tac/<slug:action>/", disclosures.obligation_action, name="obligation_action"),
    path("ban-ghi/<int:pk>/minh-chung/", disclosures.evidence_upload, name="evidence_upload"),
    path("ban-ghi/<int:pk>/giam-sat/", disclosures.record_finding, name="record_finding"),
    path("minh-chung/<int:pk>/", disclosures.evidence_download, name="evidence_download"),
    path("quyet-dinh/", people.decision_list, name="decision_list"),
    path("quyet-dinh/them/", people.decision_create, name="decision_create"),
    path("quyet-dinh/<int:pk>/", people.decision_detail, name="decision_detail"),
    path("quyet-dinh/<int:pk>/gui/", people.decision_sent, name="decision_sent"),
    path("quyet-dinh/<int:pk>/bien-ban/", people.decision_minutes, name="decision_minutes"),
    path("xa/<int:area_id>/dang-cong-khai/", publishing.publish_board, name="publish_board"),
    path("cong-thong-tin/", publishing.publishing, name="democracy_publishing"),
    path("cong-thong-tin/mo-hinh/<int:pk>/", publishing.publish_practice, name="publish_practice"),
    path("y-kien/", publishing.submission_queue, name="democracy_submissions"),
    path("y-kien/<int:pk>/", publishing.submission_review, name="submission_review"),
    path("giam-sat/", people.finding_list, name="finding_list"),
    path("giam-sat/<int:pk>/tra-loi/", people.finding_answer, name="finding_answer"),
]
