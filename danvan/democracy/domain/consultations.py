"""Consultations: drafts the commune puts to the people before deciding (Luật 10/2022/QH15, Chương II
mục 3). The result of a consultation is itself an item to make public (item 11), so recording the result
creates that disclosure obligation."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.democracy.domain.obligations import trigger_by_document
from danvan.democracy.models import Channel, Consultation, DisclosureItem
from danvan.orgs.scope import require

RESULT_ITEM = 11  # "Kết quả lấy ý kiến nhân dân"


@transaction.atomic
def record_consultation(*, actor, organization, draft: str, opens_on: datetime.date, closes_on: datetime.date,
                        channels: list[str], opinions_received: int = 0, opinions_taken_in: int = 0,
                        how_taken_in: str = "", result_number: str = "", result_date=None) -> Consultation:
    """Record a draft put to the people and, when ``result_number`` is given, its result.

    Effects: checks that ``actor`` may change ``organization`` (a commune organization) and the data
    (period in order, known channels, opinions taken in ≤ received, the result dated after the period);
    inserts one ``Consultation`` and one audit event; with a result, creates the obligation to make it
    public (item 11, due after the result's date; ``trigger_by_document``)."""
    require(actor, "change", organization, _("You may not record consultations for this organization."),
            field="organization")
    errors = {}
    if not (draft or "").strip():
        errors["draft"] = [_("Name the draft put to the people.")]
    if closes_on < opens_on:
        errors["closes_on"] = [_("The consultation cannot close before it opens.")]
    if not channels or any(c not in Channel.values for c in channels):
        errors["channels"] = [_("Choose at least one channel from the list.")]
    if opinions_taken_in > opinions_received:
        errors["opinions_taken_in"] = [_("More opinions taken in than received.")]
    if result_number and (result_date is None or result_date < closes_on):
        errors["result_date"] = [_("The result is dated on or after the consultation closes.")]
    if organization.area.level != "commune":
        errors["organization"] = [_("Choose the organization of a commune.")]
    if errors:
        raise ValidationError(errors)
    consultation = Consultation.objects.create(
        organization=organization, area=organization.area, draft=draft.strip()[:300], opens_on=opens_on,
        closes_on=closes_on, channels=channels, opinions_received=opinions_received,
        opinions_taken_in=opinions_taken_in, how_taken_in=(how_taken_in or "").strip())
    audit.record(actor, "create", consultation)
    if result_number:
        trigger_by_document(actor=actor, organization=organization,
                            item=DisclosureItem.objects.get(number=RESULT_ITEM), number=result_number,
                            issued_on=result_date, title=(_("Result of consulting the people: %(draft)s") % {
                                "draft": consultation.draft})[:300], issuer=organization.name)
    return consultation
