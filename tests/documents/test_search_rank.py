"""Search in the document register ranks what the user meant first (issue 10 §6): the summary itself,
then the phrase in it, then the words apart; the newest first within each rank. The rows are those the
search found before."""

import datetime

from danvan.documents.domain.register import issue_number
from danvan.documents.queries.documents import filter_documents


def _issue(org, title, day):
    return issue_number(organization=org, doc_type="BC", issued_on=day, title=title, actor=None)


def test_the_summary_as_typed_comes_first(cast, terms):
    _issue(cast.commission, "Kết quả công tác dân vận", datetime.date(2026, 3, 2))
    _issue(cast.commission, "Báo cáo kết quả công tác dân vận năm 2026", datetime.date(2026, 10, 1))
    _issue(cast.commission, "Công tác dân vận: kết quả bước đầu", datetime.date(2026, 12, 1))
    _issue(cast.commission, "Tình hình tôn giáo quý IV", datetime.date(2026, 12, 20))
    expected = ["Kết quả công tác dân vận", "Báo cáo kết quả công tác dân vận năm 2026",
                "Công tác dân vận: kết quả bước đầu"]
    for q in ("ket qua cong tac dan van", "Kết quả công tác dân vận"):
        assert [d.title for d in filter_documents(cast.province, q=q)] == expected
    assert [d.title for d in filter_documents(cast.province)][0] == "Tình hình tôn giáo quý IV"
    # a symbol is still found as before
    assert [d.title for d in filter_documents(cast.province, q="BC/")][0] == "Tình hình tôn giáo quý IV"
