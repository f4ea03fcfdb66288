"""The one optimistic edit (``core/domain/editing.py``), through an action that uses it."""

import pytest

from danvan.core.domain.refusals import StaleVersion
from danvan.core.models import AuditEvent
from danvan.practices.domain.practices import update_practice
from danvan.practices.models import Practice
from tests.practices.conftest import make_practice


def test_a_save_bumps_the_version_and_audits_the_change(cast):
    practice = make_practice(cast.front_a, name="Mô hình cũ")
    update_practice(practice=practice, actor=cast.commune_a, expected_version=practice.version, name="Mô hình mới")
    saved = Practice._base_manager.get(pk=practice.pk)
    assert (saved.name, saved.version, practice.version) == ("Mô hình mới", 2, 2)
    event = AuditEvent.objects.filter(action="update", object_id=str(practice.pk)).get()
    assert "name" in event.changes


def test_a_stale_save_is_refused_and_changes_nothing(cast):
    practice = make_practice(cast.front_a, name="Mô hình cũ")
    with pytest.raises(StaleVersion) as refused:
        update_practice(practice=practice, actor=cast.commune_a, expected_version=practice.version + 5, name="X")
    assert refused.value.field == "version"
    saved = Practice._base_manager.get(pk=practice.pk)
    assert (saved.name, saved.version) == ("Mô hình cũ", 1)
    assert not AuditEvent.objects.filter(action="update", object_id=str(practice.pk)).exists()
