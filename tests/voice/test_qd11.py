"""The Quy định 11 report of a Party secretary: a form of the reports module whose figures come from the
records (receptions required vs held, citizens and groups received, dialogues, opinions and promises,
petitions received / accepted / resolved / overdue by kind, received by field), checked against hand
counts; rendered in the Party's format by the reports module."""

import datetime

from danvan.meetings.domain.tasks import report_progress
from danvan.reports.domain.periods import get_period
from danvan.reports.domain.reports import create_report, save_report
from danvan.reports.models import Form
from danvan.voice.domain.actions import perform
from danvan.voice.domain.dialogues import add_opinion, add_reception_opinion, answer_opinion, create_dialogue
from danvan.voice.domain.petitions import receive_petition
from danvan.voice.domain.qd11 import QD11_FORM_CODE
from tests.voice.conftest import case, session

D = datetime.date


def _petition(v, code, kind, received, *steps, field="land"):
    p = receive_petition(actor=None, organization=v.party_a, code=code, received_on=received, kind=kind,
                         subject=f"Đơn {code}", area=v.cast.geo.commune_a, field=field)
    for action, day in steps:
        perform(p, action, actor=None, on=day, number="1" if action in ("accept", "decide") else "")
    return p


def test_the_qd11_report_of_the_first_quarter_against_hand_counts(v):
    # receptions of the commune secretary (2 days a month are owed): 12/01, 05/03, 19/03 twice (one day)
    jan = session(v.party_a, v.secretary_a, D(2026, 1, 12))
    case(jan, people=1)
    mar = session(v.party_a, v.secretary_a, D(2026, 3, 5))
    case(mar, people=12, subject="Đoàn 12 hộ thôn Nậm Lúc về đền bù")  # a group of many people
    case(mar, people=1)
    session(v.party_a, v.secretary_a, D(2026, 3, 19))
    again = session(v.party_a, v.secretary_a, D(2026, 3, 19), place="Nhà văn hóa")
    case(again, people=3)
    session(v.party_a, v.secretary_a, D(2026, 4, 2))  # next quarter
    add_reception_opinion(actor=None, session=mar, text="Đề nghị sửa cống", addressed_to=v.party_a)
    # a dialogue with two opinions, one promise kept in the quarter
    d = create_dialogue(actor=None, organization=v.party_a, title="Đối thoại quý I", held_on=D(2026, 2, 10),
                        notice_published_on=D(2026, 2, 1))
    add_opinion(actor=None, dialogue=d, text="Hỏi về giá đất")
    promise = answer_opinion(actor=None, opinion=add_opinion(actor=None, dialogue=d, text="Sửa đường"),
                             outcome="commitment", due_date=D(2026, 3, 1), owner=v.party_a)
    report_progress(actor=None, task=promise.task, status="done", progress=100, note="Xong",
                    on=D(2026, 2, 25))
    # petitions
    _petition(v, "KN-1", "complaint", D(2026, 1, 5), ("accept", D(2026, 1, 10)), ("decide", D(2026, 2, 1)))
    _petition(v, "KN-0", "complaint", D(2025, 12, 20))  # earlier, never accepted: overdue since 30/12/2025
    _petition(v, "TC-1", "denunciation", D(2026, 2, 1), ("accept", D(2026, 2, 3)), field="officials")  # due 05/03
    _petition(v, "KNG-1", "recommendation", D(2026, 3, 25), field="infrastructure")  # acceptance due 04/04
    _petition(v, "PA-1", "reflection", D(2026, 4, 3))  # next quarter
    form = Form.objects.get(code=QD11_FORM_CODE)
    report = create_report(actor=v.officer_a, form=form, period=get_period("quarter", 2026, 1), organization=v.party_a)
    save_report(report, actor=v.officer_a, expected_version=report.version, values={"QD11_DT": "7"})
    got = {value.indicator.code: int(value.value) for value in report.values.select_related("indicator")
           if value.value is not None}
    expected = {"QD11_TD_YC": 6, "QD11_TD_TH": 3, "QD11_TD_LUOT": 17, "QD11_TD_VV": 4, "QD11_TD_DOAN": 1,
                "QD11_DT": 1, "QD11_YK": 3, "QD11_CK": 1, "QD11_CK_XONG": 1,
                "QD11_NHAN_KN": 1, "QD11_NHAN_TC": 1, "QD11_NHAN_KNG": 1, "QD11_NHAN_PA": 0, "QD11_NHAN_HH": 0,
                "QD11_TL_KN": 1, "QD11_TL_TC": 1, "QD11_TL_KNG": 0, "QD11_GQ_KN": 1, "QD11_GQ_TC": 0,
                "QD11_QH_KN": 1, "QD11_QH_TC": 1, "QD11_QH_KNG": 0,
                "QD11_LV_LAND": 1, "QD11_LV_OFFICIALS": 1, "QD11_LV_INFRASTRUCTURE": 1, "QD11_LV_OTHER": 0}
    assert {code: got.get(code) for code in expected} == expected
    # the month of March alone
    march = create_report(actor=v.officer_a, form=form, period=get_period("month", 2026, 3), organization=v.party_a)
    save_report(march, actor=v.officer_a, expected_version=march.version, values={})
    got = {value.indicator.code: int(value.value) for value in march.values.select_related("indicator")
           if value.value is not None}
    assert (got["QD11_TD_YC"], got["QD11_TD_TH"], got["QD11_TD_DOAN"], got["QD11_NHAN_KNG"], got["QD11_DT"]) == (
        2, 2, 1, 1, 0)


def test_the_qd11_report_in_the_partys_format(v):
    from danvan.reports.interfaces.exporters import report_docx
    from tests.reading import docx_text

    mar = session(v.party_a, v.secretary_a, D(2026, 3, 5))
    case(mar, people=12)
    form = Form.objects.get(code=QD11_FORM_CODE)
    report = create_report(actor=v.officer_a, form=form, period=get_period("month", 2026, 3), organization=v.party_a)
    save_report(report, actor=v.officer_a, expected_version=report.version, values={})
    text = docx_text(report_docx(report, actor=v.officer_a)[0])
    for expected in ("ĐẢNG ỦY XÃ BẢO ÁI", "I. Tiếp công dân của người đứng đầu cấp ủy", "Số đoàn đông người",
                     "Số lượt công dân được tiếp", "III. Tiếp nhận, xử lý đơn thư"):
        assert expected in text, expected
    assert "Số lượt công dân được tiếp" in text.split("Số đoàn đông người")[0]
