"""Obligations generated per commune and period (a background job, idempotent), triggered by a document,
marked not applicable, and kept in line with an item's deadline."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danvan.core.domain.refusals import NotAllowed, StaleVersion, WrongState
from danvan.core.models import Job
from danvan.democracy.domain import actions
from danvan.democracy.domain.obligations import generate, start_generation, trigger_by_document, update_item
from danvan.democracy.models import DisclosureItem, Obligation
from tests.democracy.conftest import item

pytestmark = pytest.mark.django_db
D = datetime.date


def obligations(**lookup):
    return Obligation._base_manager.filter(**lookup)


def test_fourteen_items_as_editable_data_flagged_unconfirmed():
    items = list(DisclosureItem.objects.order_by("number"))
    assert [i.number for i in items] == list(range(1, 15))
    assert items[0].name.startswith("Kế hoạch phát triển kinh tế")
    assert all(i.unconfirmed and "chưa được xác nhận" in i.note for i in items)
    # Điều 13: items 7 to 12 on the radio for at least 3 days and through the village heads
    assert all(i.min_radio_days == 3 and {"radio", "village_heads"} <= set(i.channels) for i in items[6:12])


def test_generation_for_a_province_per_commune_and_period(cast, ubnd):
    counts = generate(province=cast.geo.laocai, year=2026)
    assert counts == {"communes": 2, "created": 22, "existing": 0, "without_organization": 0}
    a = obligations(area=cast.geo.commune_a, year=2026)
    assert a.count() == 11 and set(a.values_list("organization_id", flat=True)) == {ubnd.a.pk}  # UBND preferred
    budget = a.filter(item__number=2).order_by("period_key")
    assert list(budget.values_list("period_key", "basis_date", "due_on")) == [
        ("2026-Q1", D(2026, 3, 31), D(2026, 4, 30)), ("2026-Q2", D(2026, 6, 30), D(2026, 7, 30)),
        ("2026-Q3", D(2026, 9, 30), D(2026, 10, 30)), ("2026-Q4", D(2026, 12, 31), D(2027, 1, 30))]
    assert list(a.filter(item__number=6).values_list("period_key", flat=True).order_by("period_key")) == [
        "2026-H1", "2026-H2"]
    assert not obligations(area=cast.geo.commune_h).exists()  # Huế is another province
    # idempotent: a second run creates nothing
    assert generate(province=cast.geo.laocai, year=2026)["created"] == 0
    assert obligations(year=2026).count() == 22


def test_generation_as_a_job_with_progress_and_rights(cast, ubnd, django_capture_on_commit_callbacks):
    with pytest.raises(NotAllowed):
        start_generation(actor=cast.commune_a, province=cast.geo.laocai, year=2026)
    with pytest.raises(ValidationError) as exc:
        start_generation(actor=cast.province, province=cast.geo.commune_a, year=2026)
    assert "province" in exc.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        job = start_generation(actor=cast.province, province=cast.geo.laocai, year=2026)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.message
    assert (job.done, job.total) == (2, 2)
    assert "22" in job.message
    assert obligations(job=job).count() == 22


def test_a_document_triggers_an_obligation_once(cast, ubnd):
    ob = trigger_by_document(actor=ubnd.a.officer, organization=ubnd.a, item=item(3), number="45/QĐ-UBND",
                             issued_on=D(2026, 5, 4), title="Phê duyệt dự án đường thôn Nậm Lúc", issuer="UBND xã")
    assert (ob.period_key, ob.due_on, ob.area) == ("vb:45/QĐ-UBND:2026-05-04", D(2026, 5, 19), cast.geo.commune_a)
    with pytest.raises(ValidationError) as exc:
        trigger_by_document(actor=ubnd.a.officer, organization=ubnd.a, item=item(3), number="45/QĐ-UBND",
                            issued_on=D(2026, 5, 4))
    assert "number" in exc.value.message_dict
    with pytest.raises(NotAllowed):
        trigger_by_document(actor=ubnd.b.officer, organization=ubnd.a, item=item(3), number="46/QĐ-UBND",
                            issued_on=D(2026, 5, 4))
    with pytest.raises(ValidationError):
        trigger_by_document(actor=ubnd.a.officer, organization=ubnd.a, item=item(3), number="  ",
                            issued_on=D(2026, 5, 4))
    assert obligations().count() == 1


def test_not_applicable_through_the_dispatcher(cast, ubnd):
    ob = trigger_by_document(actor=None, organization=ubnd.a, item=item(12), number="1/NQ", issued_on=D(2026, 1, 5))
    assert actions.allowed_actions(ubnd.a.officer, ob) == {"not_applicable"}
    assert actions.allowed_actions(ubnd.b.officer, ob) == set()
    with pytest.raises(ValidationError) as exc:
        actions.perform(ob, "not_applicable", actor=ubnd.a.officer, reason="")
    assert "reason" in exc.value.message_dict
    done = actions.perform(ob, "not_applicable", actor=ubnd.a.officer, reason="Không thay đổi địa giới",
                           expected_version=1)
    assert (done.not_applicable, done.not_applicable_reason, done.version) == (True, "Không thay đổi địa giới", 2)
    with pytest.raises(StaleVersion):
        actions.perform(ob, "reapply", actor=ubnd.a.officer, expected_version=1)
    with pytest.raises(WrongState):
        actions.perform(done, "not_applicable", actor=ubnd.a.officer, reason="again")
    with pytest.raises(NotAllowed):
        actions.perform(done, "reapply", actor=ubnd.b.officer)
    with pytest.raises(ValidationError):
        actions.perform(done, "explode", actor=ubnd.a.officer)
    assert actions.perform(done, "reapply", actor=ubnd.a.officer).not_applicable is False


def test_changing_an_items_deadline_moves_the_due_dates(cast, ubnd, django_user_model):
    generate(province=cast.geo.laocai, year=2026)
    root = django_user_model.objects.create(username="root", is_superuser=True)
    with pytest.raises(NotAllowed):
        update_item(actor=cast.admin, item=item(2), deadline_days=20)
    update_item(actor=root, item=item(2), deadline_days=20)
    assert set(obligations(item__number=2, period_key="2026-Q1").values_list("due_on", flat=True)) == {D(2026, 4, 20)}
