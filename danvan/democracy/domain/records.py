"""Disclosure records (how an obligation was made public on a channel) and their evidence files."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.domain import audit
from danvan.democracy.models import Channel, DisclosureRecord, Evidence, EvidenceKind
from danvan.orgs.scope import require


def _validate(*, channel, posted_on, taken_down_on, radio_days, village_heads_informed, village_heads_total,
              source_date):
    errors = {}
    if channel not in Channel.values:
        errors["channel"] = [_("Choose a channel from the list.")]
    if posted_on is None:
        errors["posted_on"] = [_("Enter the date it was made public.")]
    if taken_down_on is not None and posted_on is not None and taken_down_on < posted_on:
        errors["taken_down_on"] = [_("The date taken down cannot be before the date posted.")]
    if radio_days is not None and channel != Channel.RADIO:
        errors["radio_days"] = [_("Broadcast days apply to the radio channel only.")]
    if radio_days is not None and radio_days > 366:
        errors["radio_days"] = [_("At most 366 broadcast days.")]
    if (village_heads_informed is not None and village_heads_total is not None
            and village_heads_informed > village_heads_total):
        errors["village_heads_informed"] = [_("More village heads informed than there are villages.")]
    if source_date is not None and posted_on is not None and source_date > posted_on:
        errors["source_date"] = [_("The document cannot be dated after it was made public.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_record(*, actor, obligation, channel: str, posted_on: datetime.date, taken_down_on=None, radio_days=None,
               village_heads_informed=None, village_heads_total=None, link: str = "", note: str = "",
               source_number: str = "", source_date=None, source_issuer: str = "") -> DisclosureRecord:
    """Record that ``obligation`` was made public on ``channel``.

    Effects: checks that ``actor`` may change the obligation's organization and the data (dates in order,
    radio days only for the radio, village heads informed ≤ villages); inserts one ``DisclosureRecord``
    and one audit event on the obligation. The obligation's state follows (it is derived)."""
    require(actor, "change", obligation, _("You may not record disclosures for this commune."), field="obligation")
    _validate(channel=channel, posted_on=posted_on, taken_down_on=taken_down_on, radio_days=radio_days,
              village_heads_informed=village_heads_informed, village_heads_total=village_heads_total,
              source_date=source_date)
    record = DisclosureRecord.objects.create(
        obligation=obligation, channel=channel, posted_on=posted_on, taken_down_on=taken_down_on,
        radio_days=radio_days, village_heads_informed=village_heads_informed,
        village_heads_total=village_heads_total, link=link[:500], note=note[:500],
        source_number=source_number[:60], source_date=source_date, source_issuer=source_issuer[:200],
        created_by=actor if getattr(actor, "pk", None) else None)
    audit.record(actor, "disclose", obligation, message=f"{record.get_channel_display()} {posted_on:%d/%m/%Y}")
    return record


@transaction.atomic
def take_down(*, actor, record, on: datetime.date) -> DisclosureRecord:
    """Effects: sets the record's ``taken_down_on`` (not before it was posted); one audit event."""
    require(actor, "change", record, _("You may not change this record."), field="record")
    if on < record.posted_on:
        raise ValidationError({"taken_down_on": [_("The date taken down cannot be before the date posted.")]})
    record.taken_down_on = on
    record.save(update_fields=["taken_down_on"])
    audit.record(actor, "take_down", record.obligation, message=f"{on:%d/%m/%Y}")
    return record


@transaction.atomic
def add_evidence(*, actor, record, upload, kind: str, taken_on=None) -> Evidence:
    """Attach an evidence file (a dated photo of the board, a screenshot, the radio log, signed receipts).

    Effects: checks the right and the file (``core.files.check_upload``, documents and images only);
    stores it under a random name; inserts one ``Evidence`` row and one audit event on the obligation."""
    require(actor, "change", record, _("You may not add evidence to this record."), field="record")
    if kind not in EvidenceKind.values:
        raise ValidationError({"kind": [_("Choose a kind of evidence from the list.")]})
    files.check_upload(upload, allowed=files.DOCUMENTS, field="file")
    evidence = Evidence(record=record, kind=kind, taken_on=taken_on, original_name=files.original_name(upload),
                        created_by=actor if getattr(actor, "pk", None) else None)
    files.store(evidence.file, upload)
    evidence.save()
    audit.record(actor, "evidence", record.obligation, message=evidence.original_name)
    return evidence
