"""Rights inside the nomination actions and the register, whoever calls (page, API, import)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.awards.domain import nominations as flow
from danvan.awards.models import AwardKind, Nomination, NominationFile
from danvan.core.domain.refusals import NotAllowed
from tests.meetings.helpers import meeting, person

JUSTIFICATION = "Có nhiều đóng góp cho công tác dân vận ở cơ sở trong nhiều năm liền."


@pytest.fixture
def medal(db):
    return AwardKind.objects.create(name="Kỷ niệm chương", code="knc", for_individuals=True, for_collectives=True)


def values(cast, medal, **extra):
    return {"award_kind": medal, "year": 2023, "nominee_type": "individual", "justification": JUSTIFICATION,
            "years_in_work": 15, **extra}


def test_nomination_written_only_for_an_organization_the_actor_may_change(cast, medal):
    own = person(cast.front_a)
    with pytest.raises(NotAllowed) as exc:
        flow.create_nomination(actor=cast.commune_a, **values(cast, medal, person=own, organization=cast.front))
    assert exc.value.field == "organization"
    stranger = person(cast.front_b, name="Vũ Văn B")
    with pytest.raises(NotAllowed) as exc:
        flow.create_nomination(actor=cast.commune_a, **values(cast, medal, person=stranger, organization=cast.front_a))
    assert exc.value.field == "person"
    with pytest.raises(NotAllowed) as exc:
        flow.create_nomination(actor=cast.commune_a, **values(cast, medal, nominee_type="collective", person=None,
                                                              collective=cast.front_b, organization=cast.front_a))
    assert exc.value.field == "collective"
    other_meeting = meeting(cast.front_b)
    with pytest.raises(NotAllowed) as exc:
        flow.create_nomination(actor=cast.commune_a, **values(cast, medal, person=own, organization=cast.front_a,
                                                              meeting=other_meeting))
    assert exc.value.field == "meeting"
    assert Nomination.objects.unscoped("test reads back").count() == 0
    n = flow.create_nomination(actor=cast.commune_a, **values(cast, medal, person=own, organization=cast.front_a))
    assert list(Nomination.objects.unscoped("test reads back").values_list("pk", "organization_id")) == [
        (n.pk, cast.front_a.pk)]


def test_nomination_changed_and_filed_only_by_its_organization(cast, medal):
    n = flow.create_nomination(actor=None, **values(cast, medal, person=person(cast.front_a),
                                                    organization=cast.front_a))
    with pytest.raises(NotAllowed):
        flow.update_nomination(n, actor=cast.commune_b, justification="Sửa bởi đơn vị khác")
    with pytest.raises(NotAllowed) as exc:
        flow.update_nomination(n, actor=cast.commune_a, organization=cast.front)
    assert exc.value.field == "organization"
    with pytest.raises(NotAllowed):
        flow.add_file(actor=cast.hue, nomination=n, file=SimpleUploadedFile("hs.pdf", b"%PDF-1.4 x"))
    n.refresh_from_db()
    assert (n.justification, n.organization_id, n.version) == (JUSTIFICATION, cast.front_a.pk, 1)
    assert NominationFile.objects.unscoped("test reads back").count() == 0
    flow.update_nomination(n, actor=cast.commune_a, justification=JUSTIFICATION + " Đã bổ sung.")
    flow.add_file(actor=cast.commune_a, nomination=n, file=SimpleUploadedFile("hs.pdf", b"%PDF-1.4 x"))
    n.refresh_from_db()
    assert (n.version, n.files.count()) == (2, 1)


def test_register_numbers_reserved_only_for_an_organization_the_actor_may_change(cast):
    from danvan.documents.domain.register import issue_number
    from danvan.documents.domain.terms import ensure_default_terms
    from danvan.documents.models import IssuedDocument, NumberCounter

    ensure_default_terms()
    day = datetime.date(2025, 11, 5)
    for outsider in (cast.commune_a, cast.hue, cast.nobody):
        with pytest.raises(NotAllowed) as exc:
            issue_number(organization=cast.front, doc_type="BC", issued_on=day, title="Báo cáo", actor=outsider)
        assert exc.value.field == "organization"
    assert (IssuedDocument.objects.unscoped("test reads back").count(), NumberCounter.objects.count()) == (0, 0)
    doc = issue_number(organization=cast.front, doc_type="BC", issued_on=day, title="Báo cáo", actor=cast.mttq)
    assert (doc.number, doc.organization_id) == (1, cast.front.pk)
