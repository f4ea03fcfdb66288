"""Consultations: drafts the commune puts to the people before deciding (Luật 10/2022/QH15, Chương II
mục 3). The result of a consultation is itself an item to make public (item 11), so recording the result
creates that disclosure obligation."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.refusals import WrongState
from danvan.democracy.domain.obligations import trigger_by_document
from danvan.democracy.models import Channel, Consultation, DisclosureItem
from danvan.orgs.scope import require

RESULT_ITEM = 11  # "Kết quả lấy ý kiến nhân dân"


def _check_result(errors, *, closes_on, opinions_received, opinions_taken_in, result_number, result_date):
    if opinions_taken_in > opinions_received:
        errors["opinions_taken_in"] = [_("More opinions taken in than received.")]
    if result_number and (result_date is None or result_date < closes_on):
        errors["result_date"] = [_("The result is dated on or after the consultation closes.")]
    if result_date and not result_number:
        errors["result_number"] = [_("Give the number of the document that states the result.")]


def _make_result_public(*, actor, consultation) -> None:
    try:
        consultation.obligation = trigger_by_document(
            actor=actor, organization=consultation.organization,
            item=DisclosureItem.objects.get(number=RESULT_ITEM), number=consultation.result_number,
            issued_on=consultation.result_date,
            title=(_("Result of consulting the people: %(draft)s") % {"draft": consultation.draft})[:300],
            issuer=consultation.organization.name)
    except ValidationError as exc:  # the document's own checks, named after this form's field
        raise ValidationError({"result_number": [m for ms in exc.message_dict.values() for m in ms]}) from exc


@transaction.atomic
def record_consultation(*, actor, organization, draft: str, opens_on: datetime.date, closes_on: datetime.date,
                        channels: list[str], summary: str = "", opinions_received: int = 0,
                        opinions_taken_in: int = 0, how_taken_in: str = "", result_number: str = "",
                        result_date=None) -> Consultation:
    """Record a draft put to the people and, when ``result_number`` is given, its result.

    Effects: checks that ``actor`` may change ``organization`` (a commune organization) and the data
    (period in order, known channels, opinions taken in ≤ received, the result dated on or after the
    period's end); inserts one ``Consultation`` and one audit event; with a result, creates the obligation
    to make it public (item 11, due after the result's date; ``trigger_by_document``) and links it."""
    require(actor, "change", organization, _("You may not record consultations for this organization."),
            field="organization")
    errors = {}
    if not (draft or "").strip():
        errors["draft"] = [_("Name the draft put to the people.")]
    if closes_on < opens_on:
        errors["closes_on"] = [_("The consultation cannot close before it opens.")]
    if not channels or any(c not in Channel.values for c in channels):
        errors["channels"] = [_("Choose at least one channel from the list.")]
    result_number = (result_number or "").strip()
    _check_result(errors, closes_on=closes_on, opinions_received=opinions_received,
                  opinions_taken_in=opinions_taken_in, result_number=result_number, result_date=result_date)
    if organization.area.level != "commune":
        errors["organization"] = [_("Choose the organization of a commune.")]
    if errors:
        raise ValidationError(errors)
    consultation = Consultation.objects.create(
        organization=organization, area=organization.area, draft=draft.strip()[:300], summary=(summary or "").strip(),
        opens_on=opens_on, closes_on=closes_on, channels=list(dict.fromkeys(channels)),
        opinions_received=opinions_received, opinions_taken_in=opinions_taken_in,
        how_taken_in=(how_taken_in or "").strip(), result_number=result_number[:60],
        result_date=result_date if result_number else None)
    audit.record(actor, "create", consultation)
    if result_number:
        _make_result_public(actor=actor, consultation=consultation)
        consultation.save(update_fields=["obligation"])
    return consultation


@transaction.atomic
def record_result(*, actor, consultation, opinions_received: int, opinions_taken_in: int, how_taken_in: str,
                  result_number: str, result_date: datetime.date, expected_version=None) -> Consultation:
    """The commune records what the people said and how it was taken in, with the document stating the result.

    Effects: checks that ``actor`` may change the consultation, that its period has ended by
    ``result_date``, that no result was recorded yet (``WrongState``) and the figures; sets the opinions,
    how they were taken in and the result, increments ``version`` and writes one audit event with the
    changed fields (``core.domain.editing.edit``; a stale version is refused, nothing changed); creates the
    obligation to make the result public (item 11) and links it."""
    require(actor, "change", consultation, _("You may not change this consultation."), field="consultation")
    result_number = (result_number or "").strip()
    errors = {}
    if not result_number:
        errors["result_number"] = [_("Give the number of the document that states the result.")]
    if not (how_taken_in or "").strip():
        errors["how_taken_in"] = [_("Say how the opinions were taken in (or why not).")]
    _check_result(errors, closes_on=consultation.closes_on, opinions_received=opinions_received,
                  opinions_taken_in=opinions_taken_in, result_number=result_number or "-", result_date=result_date)
    if errors:
        raise ValidationError(errors)
    with edit(consultation, actor=actor, expected_version=expected_version, action="result",
              stale=_("Someone changed this consultation after you opened it; reload the page.")) as locked:
        if locked.result_number:
            raise WrongState(_("The result of this consultation has been recorded already."))
        locked.opinions_received, locked.opinions_taken_in = opinions_received, opinions_taken_in
        locked.how_taken_in, locked.result_number, locked.result_date = how_taken_in.strip(), result_number[:60], \
            result_date
        _make_result_public(actor=actor, consultation=locked)
    return consultation
