"""A nomination's page says what comes next and who does it; the provincial Ban's own nomination is
decided by its leaders instead of stopping at "Đề nghị" (issue 10 §1)."""

import datetime

from danvan.awards.domain import actions as dispatcher
from danvan.awards.models import Nomination
from tests.awards.test_nominations import medal, nominate  # noqa: F401  (fixture)
from tests.conftest import login


def test_provincial_ban_nomination_goes_to_its_decision_by_its_leaders(cast, medal):  # noqa: F811
    n = nominate(cast, medal, org=cast.commission, name="Hà Thị Lan")
    officer, leader = login(cast.province), login(cast.leader)
    page = officer.get(f"/khen-thuong/{n.pk}/").content.decode()
    assert "Bước tiếp theo:" in page and "do cán bộ của Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai thực hiện" in page
    officer.post(f"/khen-thuong/{n.pk}/buoc/", {"action": "submit", "reason": ""})
    assert Nomination._base_manager.get(pk=n.pk).status == "proposed"

    # before: nobody in the province had a button; now the Ban's leaders appraise, the officer is told so
    page = officer.get(f"/khen-thuong/{n.pk}/").content.decode()
    assert 'value="appraise"' not in page
    assert "do lãnh đạo Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai thực hiện" in page
    page = leader.get(f"/khen-thuong/{n.pk}/").content.decode()
    assert 'value="appraise"' in page
    leader.post(f"/khen-thuong/{n.pk}/buoc/", {"action": "appraise", "reason": "Đủ điều kiện"})
    assert "ghi quyết định khen thưởng" in leader.get(f"/khen-thuong/{n.pk}/").content.decode()
    leader.post(f"/khen-thuong/{n.pk}/buoc/", {"action": "decide", "decision_number": "125-QĐ/TU",
                                               "decision_date": "20/11/2026", "reason": ""})
    n = Nomination._base_manager.get(pk=n.pk)
    assert (n.status, n.decision_number, n.decision_date) == ("decided", "125-QĐ/TU", datetime.date(2026, 11, 20))
    page = officer.get(f"/khen-thuong/{n.pk}/").content.decode()
    assert "Đã có quyết định khen thưởng: quyết định 125-QĐ/TU ngày 20/11/2026." in page


def test_commune_nomination_waits_for_the_level_above_and_the_page_says_so(cast, medal):  # noqa: F811
    n = nominate(cast, medal)
    login(cast.commune_a).post(f"/khen-thuong/{n.pk}/buoc/", {"action": "submit", "reason": ""})
    page = login(cast.commune_a).get(f"/khen-thuong/{n.pk}/").content.decode()
    assert "do lãnh đạo cấp trên (Ủy ban MTTQ Việt Nam tỉnh Lào Cai) thực hiện" in page
    assert 'value="appraise"' not in page
    n = Nomination._base_manager.get(pk=n.pk)
    assert dispatcher.allowed_actions(cast.leader, n) == {"appraise", "return", "reject"}
    assert dispatcher.allowed_actions(cast.commune_a, n) == set()


def test_unknown_step_is_refused_naming_the_field(cast, medal):  # noqa: F811
    import pytest
    from django.core.exceptions import ValidationError

    n = nominate(cast, medal)
    with pytest.raises(ValidationError) as exc:
        dispatcher.perform(n, "publish", actor=cast.commune_a)
    assert "action" in exc.value.message_dict
    assert Nomination._base_manager.get(pk=n.pk).status == "draft"
