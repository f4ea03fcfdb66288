"""Publishing to the public portal, and what the portal takes in.

The internal system pushes snapshots into the portal's own tables (``PortalEntry``, ``PortalPhoto``); the
public pages read only those, so nothing reaches the portal unless an officer published it, and only the
public fields are copied: never a person's name unless they consented, never a petitioner's data.

Notices (the dialogue calendar and its result notices with the promises) come from the citizens' voice
module when it is installed: it registers a source with ``register_notice_source(fn)``; ``fn()`` returns
dicts {"key", "title", "summary", "area_id", "date", "kind", "promises": [{"text", "state"}]} of what its
officers marked public, and ``sync_notices`` copies them. Without the module the calendar is simply empty.
"""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.domain import audit
from danvan.core.text import folded_key
from danvan.democracy import portal_cache
from danvan.democracy.models import DisclosureItem, PortalEntry, PortalPhoto, PortalSubmission
from danvan.orgs.scope import require
from danvan.places.models import Area, AreaReach

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
MAX_CONTENT = 4000
MAX_PER_HOUR = 5  # submissions from one client address in an hour
MAX_PER_DAY = 20
_NOTICE_SOURCES: list = []


def register_notice_source(fn) -> None:
    """The citizens' voice module (or any other) offers its public notices (see the module docstring).
    Call it from the module's ``AppConfig.ready()``; registering the same function twice is harmless."""
    if fn not in _NOTICE_SOURCES:
        _NOTICE_SOURCES.append(fn)


def notices_changed() -> None:
    """What a source's module calls after one of its officers marked a notice public or withdrew it (a
    dialogue announced, its result notice, a promise's state): the portal is brought in line when the
    current transaction commits (``sync_notices``). ``manage.py sync_portal_notices`` does the same from a
    timer, for the promises whose state changes with the clock."""
    transaction.on_commit(sync_notices)


def current_unit(area: Area) -> Area:
    """The unit an area is part of today (itself when current): a legacy commune → the new commune."""
    if area.valid_to is None:
        return area
    successor = Area.objects.filter(pk__in=AreaReach.objects.filter(descendant_id=area.pk).values("ancestor_id"),
                                    level=area.level, valid_to__isnull=True).first()
    return successor or area


def province_of(area: Area) -> Area | None:
    return Area.objects.filter(pk__in=AreaReach.objects.filter(descendant_id=area.pk).values("ancestor_id"),
                               level="province", valid_to__isnull=True).first()


@transaction.atomic
def publish_practice(*, actor, practice, person_consented: bool = False, photos=()) -> PortalEntry:
    """Publish a recognized "Dân vận khéo" model to the showcase.

    Effects: checks that ``actor`` may change the practice's organization and that it is recognized; an
    individual holder is named only when ``person_consented`` (otherwise the publication is refused, so no
    individual's model appears without consent); upserts one ``PortalEntry`` (kind model) with the public
    fields only (name, field, level, decision, year, area — the current unit's name and the former one —,
    the collective holder, results, replications); copies the given image attachments (JPG/PNG) as
    ``PortalPhoto`` files; one audit event on the practice."""
    from danvan.practices.models import Holder, Status

    require(actor, "change", practice, _("You may not publish this model."), field="practice")
    if practice.status != Status.RECOGNIZED:
        raise ValidationError({"practice": [_("Only a recognized model can be published.")]})
    if practice.holder == Holder.INDIVIDUAL and not person_consented:
        raise ValidationError({"person_consented": [
            _("An individual's model is published only with the person's consent; tick the box once you have it.")]})
    unit = current_unit(practice.area)
    province = province_of(unit)
    data = {
        "level": practice.get_level_display(), "field_label": practice.get_field_display(),
        "decision": " ".join(x for x in [practice.decision_number, practice.decision_date.strftime("%d/%m/%Y")
                                          if practice.decision_date else ""] if x),
        "area": unit.full_name, "former_area": practice.area.full_name if unit.pk != practice.area_id else "",
        "province": province.full_name if province else "",
        "holder": practice.organization.name if practice.holder == Holder.COLLECTIVE else practice.person_name,
        "results": practice.outputs, "beneficiaries": practice.beneficiaries,
        "replications": practice.replicas.count() if hasattr(practice, "replicas") else 0,
    }
    entry, _created = PortalEntry.objects.update_or_create(kind=PortalEntry.Kind.MODEL, source_key=f"p{practice.pk}",
                                                           defaults=dict(
        area=unit, province=province, title=practice.name, summary=practice.content[:2000], field=practice.field,
        year=practice.year, data=data, published_at=timezone.now(), title_folded=folded_key(practice.name)[:400]))
    entry.photos.all().delete()
    for attachment in photos:
        if files.content_type_for(attachment.original_name) not in ("image/jpeg", "image/png"):
            continue
        photo = PortalPhoto(entry=entry, name=attachment.original_name, caption=attachment.caption)
        with attachment.file.open("rb") as fh:
            photo.file.save(attachment.original_name, ContentFile(fh.read()), save=False)
        photo.save()
    audit.record(actor, "publish", practice)
    portal_cache.bump()
    transaction.on_commit(portal_cache.bump)
    return entry


@transaction.atomic
def unpublish(*, actor, entry, owner) -> None:
    """Take an entry off the portal. Effects: checks the right on ``owner`` (the record it came from);
    deletes the entry and its photos; one audit event."""
    require(actor, "change", owner, _("You may not change what this organization published."), field="entry")
    entry.delete()
    audit.record(actor, "unpublish", owner)
    portal_cache.bump()
    transaction.on_commit(portal_cache.bump)


@transaction.atomic
def publish_board(*, actor, area, year: int, quarter: int, rows) -> PortalEntry:
    """Publish a commune's disclosure board for a quarter (``rows`` from ``queries.disclosures.board``,
    already read within ``actor``'s scope).

    Effects: checks that ``actor`` may change the commune's responsible organization; upserts one
    ``PortalEntry`` (kind board) holding, per item, the period, the due date, the state, the channels used and
    the public links of the records, nothing else; one audit event on the first obligation."""
    obligations = [o for row in rows for o in row["obligations"]]
    if not obligations:
        raise ValidationError({"area": [_("Nothing to publish for this quarter.")]})
    require(actor, "change", obligations[0], _("You may not publish this commune's board."), field="area")
    items = []
    for row in rows:
        for o in row["obligations"]:
            links = [r.link for r in o.records.all() if r.link]
            items.append({"number": row["item"].number, "name": row["item"].name, "period": str(o.period_label),
                          "due_on": o.due_on.strftime("%d/%m/%Y"), "state": str(o.state), "state_label": str(o.state.label),
                          "colour": o.colour, "channels": [str(c) for c, used in o.channels_used if used],
                          "posted_on": min((r.posted_on for r in o.records.all()), default=None) and min(
                              r.posted_on for r in o.records.all()).strftime("%d/%m/%Y"), "links": links[:5]})
    province = province_of(area)
    entry, _c = PortalEntry.objects.update_or_create(kind=PortalEntry.Kind.BOARD, source_key=f"b{area.pk}:{year}-Q{quarter}",
                                                     defaults=dict(
        area=area, province=province, title=_("Quarter %(q)s/%(y)s") % {"q": quarter, "y": year},
        year=year, data={"items": items, "quarter": quarter, "area": area.full_name}, published_at=timezone.now(),
        title_folded=folded_key(area.name)[:400]))
    audit.record(actor, "publish", obligations[0], message=f"{area.full_name} Q{quarter}/{year}")
    portal_cache.bump()
    transaction.on_commit(portal_cache.bump)
    return entry


def sync_notices() -> int:
    """Copy the registered sources' public notices onto the portal (upsert by key) and take off the notices
    no source offers any more (a dialogue withdrawn). Returns how many are on the portal.

    Effects: upserts ``PortalEntry`` rows of kind notice; deletes the notices whose key no source returned
    (only when at least one source is registered: without the citizens' voice module nothing is touched);
    clears the portal cache. A notice without a key, a title or a date is skipped (logged), never half-copied."""
    import logging

    n, keys = 0, set()
    for source in _NOTICE_SOURCES:
        for notice in source():
            if not (notice.get("key") and notice.get("title") and isinstance(notice.get("date"), datetime.date)):
                logging.getLogger(__name__).warning("portal notice skipped (key, title and date needed): %r",
                                                    notice.get("key"))
                continue
            key = str(notice["key"])[:80]
            keys.add(key)
            area = Area.objects.filter(pk=notice.get("area_id")).first()
            PortalEntry.objects.update_or_create(kind=PortalEntry.Kind.NOTICE, source_key=key, defaults=dict(
                area=area, province=province_of(area) if area else None, title=str(notice["title"])[:300],
                summary=str(notice.get("summary", ""))[:4000], year=notice["date"].year,
                data={"date": notice["date"].isoformat(), "kind": notice.get("kind", ""),
                      "promises": [{"text": str(p["text"])[:500], "state": str(p.get("state", ""))}
                                   for p in notice.get("promises", [])]},
                published_at=timezone.now(), title_folded=folded_key(str(notice["title"]))[:400]))
            n += 1
    if _NOTICE_SOURCES:
        PortalEntry.objects.filter(kind=PortalEntry.Kind.NOTICE).exclude(source_key__in=keys).delete()
    portal_cache.bump()
    return n


# --- intake ------------------------------------------------------------------------------------------

def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(10))


@transaction.atomic
def submit(*, kind: str, area, content: str, name: str, contact: str = "", consent: bool, client_key: str,
           honeypot: str = "", now: datetime.datetime | None = None) -> PortalSubmission:
    """A kiến nghị or phản ánh sent through the portal (channel "cổng thông tin").

    Abuse controls that need no outside service: a honeypot field that people never see (filled: refused),
    a size limit, at most ``MAX_PER_HOUR`` / ``MAX_PER_DAY`` submissions per client address, and the queue
    an officer reviews before anything enters the petitions work. Effects: inserts one ``PortalSubmission``
    (status received) with a new tracking code. Refusals are ``ValidationError`` naming the field."""
    now = now or timezone.now()
    errors = {}
    if honeypot:
        raise ValidationError({"website": [_("The form could not be accepted.")]})
    if kind not in PortalSubmission.Kind.values:
        errors["kind"] = [_("Choose recommendation or report.")]
    if area is None or area.level != "commune" or area.valid_to is not None:
        errors["area"] = [_("Choose your commune or ward.")]
    content = (content or "").strip()
    if len(content) < 10:
        errors["content"] = [_("Write at least a sentence (10 characters).")]
    elif len(content) > MAX_CONTENT:
        errors["content"] = [_("At most %(n)s characters.") % {"n": MAX_CONTENT}]
    if not (name or "").strip():
        errors["name"] = [_("Enter your name, so that the answer can reach you.")]
    if not consent:
        errors["consent"] = [_("Tick the box to agree to how your details are used.")]
    recent = PortalSubmission.objects.filter(client_key=client_key)
    if recent.filter(created_at__gte=now - datetime.timedelta(hours=1)).count() >= MAX_PER_HOUR or recent.filter(
            created_at__gte=now - datetime.timedelta(days=1)).count() >= MAX_PER_DAY:
        errors["content"] = [_("Too many submissions from this connection; please try again later.")]
    if errors:
        raise ValidationError(errors)
    code = _new_code()
    while PortalSubmission.objects.filter(code=code).exists():
        code = _new_code()
    return PortalSubmission.objects.create(code=code, kind=kind, area=area, content=content, name=name.strip()[:120],
                                           contact=(contact or "").strip()[:120], consent=True, client_key=client_key)


def public_status(code: str) -> dict | None:
    """What the status page may show for a tracking code: the kind, the dates, the state and the public
    answer; never the name, the contact or the content."""
    code = (code or "").strip().upper()
    if not code or len(code) > 12:
        return None
    row = PortalSubmission.objects.filter(code=code).values("code", "kind", "status", "created_at", "public_answer",
                                                            "area__kind_name", "area__name").first()
    if row is None:
        return None
    return {"code": row["code"], "kind": PortalSubmission.Kind(row["kind"]).label,
            "status": PortalSubmission.Status(row["status"]).label, "received": row["created_at"],
            "answer": row["public_answer"], "area": f"{row['area__kind_name']} {row['area__name']}"}


@transaction.atomic
def review_submission(*, actor, submission, status: str, public_answer: str = "") -> PortalSubmission:
    """An officer of the commune's area reviews a submission (accept, answer, reject as spam).

    Effects: checks that ``actor`` works for an organization of the submission's commune or above it;
    sets the status (and the public answer); one audit event."""
    from danvan.core.domain.refusals import NotAllowed
    from danvan.orgs.models import Organization

    covering = AreaReach.objects.filter(descendant_id=submission.area_id).values("ancestor_id")
    if actor is not None and not actor.is_superuser and not Organization.objects.for_user(actor, "change").filter(
            area_id__in=covering).exists():
        raise NotAllowed(_("Only officers of this commune or above it review its submissions."))
    if status not in PortalSubmission.Status.values:
        raise ValidationError({"status": [_("Choose a status from the list.")]})
    submission.status, submission.public_answer = status, (public_answer or "").strip()[:4000]
    submission.save(update_fields=["status", "public_answer"])
    portal_cache.bump()
    transaction.on_commit(portal_cache.bump)
    audit.record(actor, "review", submission)
    return submission


def board_items_for_public(area) -> list[PortalEntry]:
    return list(PortalEntry.objects.filter(kind=PortalEntry.Kind.BOARD, area=area).order_by("-year", "-source_key"))


def item_count() -> int:
    return DisclosureItem.objects.filter(is_active=True).count()
