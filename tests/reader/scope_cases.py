"""The reader's scope cases (read by tests/test_scope_matrix.py through tests/scope_cases.py)."""

from tests.scope_cases import change, refuse, row, view

TEXT = """Giao ban dân vận thôn Khe Ma quý I/2026
Sáng 5/3/2026, Ủy ban MTTQ Việt Nam xã Bảo Ái tổ chức hội nghị giao ban công tác dân vận quý I năm 2026.
Đồng chí Sùng A Páo, Chủ tịch Ủy ban MTTQ Việt Nam xã chủ trì hội nghị."""


def build(w):
    from danvan.reader.domain.articles import read_text

    w.article = read_text(actor=w.commune_a, organization=w.front_a, text=TEXT)


def _article():
    from danvan.reader.models import Article

    return Article


def cases():
    url = lambda suffix="": lambda w: f"/hoi-nghi/doc-bai/{w.article.pk}/{suffix}"  # noqa: E731
    return [
        view("/hoi-nghi/doc-bai/<int:pk>/", url(), shows=lambda w: "Giao ban dân vận thôn Khe Ma"),
        refuse("POST", "/hoi-nghi/doc-bai/<int:pk>/", url(), note="the review page only reads; confirming has its own route"),
        change("POST", "/hoi-nghi/doc-bai/<int:pk>/xac-nhan/", url("xac-nhan/"),
               data=lambda w: {"organization": w.front_a.pk, "event_date": "05/03/2026", "meeting_type": "giao_ban",
                               "report_period": "Q1-2026", "version": w.article.version,
                               "person-0-name": "Sùng A Páo", "person-0-positions": "Chủ tịch Ủy ban MTTQ Việt Nam xã",
                               "person-0-role": "chair"},
               watch=lambda w: row(_article(), w.article.pk)["status"], status=302),
        refuse("GET", "/hoi-nghi/doc-bai/<int:pk>/xac-nhan/", url("xac-nhan/"), note="confirming is a POST"),
    ]
