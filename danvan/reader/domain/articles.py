"""Domain actions of the article reader: read articles (one, or many as a background job), confirm what
an officer checked into records of the meetings module, and measure the reader on confirmed articles.

Rights are checked here, whoever calls: reading into an organization needs "change" on it; confirming
needs "change" on the article's organization, and the meetings actions it calls check their own
rights (the organizer named, the meeting, the people). ``actor`` None is the system (demo, jobs run
for a user pass that user)."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.jobs import JobFailed, runner
from danvan.core.domain.refusals import WrongState
from danvan.core.text import fold, folded_key
from danvan.meetings.domain import bridge as bridge_actions
from danvan.meetings.domain import meetings as meeting_actions
from danvan.meetings.domain import people as people_actions
from danvan.meetings.models import Meeting, MeetingKind, Mode, Person, Role
from danvan.orgs.models import Organization
from danvan.orgs.scope import require, restrict
from danvan.places.models import Area, AreaReach
from danvan.reader.interfaces.extract import FIELDS, MEETING_TYPES, Source, blocks_from_lines, read_source
from danvan.reader.interfaces.scoring import score
from danvan.reader.interfaces.sources import Article as SourceArticle
from danvan.reader.interfaces.sources import articles_from_bytes
from danvan.reader.models import Article, ArticleStatus, FigureCode, ReportedFigure

MAX_TEXT_CHARS = 200_000
KIND_OF_TYPE = {"tong_ket": MeetingKind.ANNUAL_REVIEW, "so_ket": MeetingKind.INTERIM_REVIEW,
                "giao_ban": MeetingKind.BRIEFING, "chuyen_de": MeetingKind.THEMATIC, "other": MeetingKind.OTHER}
ROLE_OF = {"chair": Role.PRESIDING, "direct": Role.DIRECTING, "report": Role.REPORTER, "attend": Role.DELEGATE}
PERSON_ROLES = tuple(ROLE_OF)
COUNT_FIELDS = ("dvk_models", "medal_individuals", "commended_collectives", "bridge_points")


# ---------------------------------------------------------------------------------------------
# Reading


def _create(*, actor, organization, article: SourceArticle, job=None) -> Article:
    reading = read_source(article.source)
    reading.file = article.name
    text = reading.text[:MAX_TEXT_CHARS]
    if not text.strip():
        raise ValidationError({"file": _("%(name)s holds no text to read.") % {"name": article.name}})
    return Article.objects.create(
        organization=organization, title=(reading.title or article.name)[:300], newspaper=article.source.newspaper[:200],
        url=article.source.url[:500], published=article.source.stamp, file_name=article.name[:255], text=text,
        reading=reading.as_dict(), job=job, created_by=actor if getattr(actor, "pk", None) else None,
    )


def _require_reader(actor, organization) -> None:
    if organization is None:
        raise ValidationError({"organization": _("Choose the organization that reads the article.")})
    require(actor, "change", organization, _("You may not read articles for %(org)s.") % {"org": organization.name},
            field="organization")


@transaction.atomic
def read_text(*, actor, organization, text: str, title: str = "") -> Article:
    """Read one article pasted as text.

    Effects: inserts one ``Article`` (the text, what was read with its evidence; status "read");
    one "create" audit event. Raises ``NotAllowed`` unless ``actor`` may change ``organization``,
    ``ValidationError`` on ``text`` when it is empty or longer than 200,000 characters."""
    _require_reader(actor, organization)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Paste the article's text.")})
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError({"text": _("The text is too long (at most 200,000 characters).")})
    lines = ([title] if title.strip() else []) + text.splitlines()
    source = blocks_from_lines(lines, name=title or "")
    article = _create(actor=actor, organization=organization, article=SourceArticle(title or "", source))
    audit.record(actor, "create", article, changes=audit.diff({}, audit.snapshot(article, ["title", "file_name"])))
    return article


@transaction.atomic
def read_file(*, actor, organization, name: str, data: bytes) -> list[Article]:
    """Read one file (TXT, HTML, DOCX, PDF) or a ZIP of them, inline.

    Effects: inserts one ``Article`` per article read; one "create" audit event each. Raises
    ``NotAllowed`` unless ``actor`` may change ``organization``; ``ValidationError`` on ``file`` naming
    the file when it cannot be read (nothing is saved)."""
    _require_reader(actor, organization)
    out = []
    for item in articles_from_bytes(name, data):
        article = _create(actor=actor, organization=organization, article=item)
        audit.record(actor, "create", article, changes=audit.diff({}, audit.snapshot(article, ["title", "file_name"])))
        out.append(article)
    if not out:
        raise ValidationError({"file": _("%(name)s holds no article to read.") % {"name": name}})
    return out


def pack(uploads: list[tuple[str, bytes]]) -> bytes:
    """Several uploaded files as one ZIP (the background job's input)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        seen = set()
        for name, data in uploads:
            base, n = name, 1
            while name in seen:
                n += 1
                name = f"{n}-{base}"
            seen.add(name)
            archive.writestr(name, data)
    return buffer.getvalue()


@runner("reader.read", undo=lambda job: undo_batch(job=job))
def run_batch(job, progress):
    """Read every article of the job's input (a file or a ZIP) into ``Article`` rows tagged with the job."""
    organization = Organization.objects.filter(pk=job.params.get("organization")).first()
    try:
        _require_reader(job.created_by, organization)
        with job.input_file.open("rb") as handle:
            items = articles_from_bytes(job.input_name or "bai.zip", handle.read())
    except ValidationError as exc:
        raise JobFailed(" ".join(exc.messages)) from exc
    progress.set_total(len(items))
    errors = []
    for n, item in enumerate(items, 1):
        try:
            with transaction.atomic():
                _create(actor=job.created_by, organization=organization, article=item, job=job)
        except ValidationError as exc:
            errors.append({"row": n, "field": item.name, "message": " ".join(exc.messages)})
        progress.advance()
    job.message = _("%(n)s articles read.") % {"n": f"{len(items) - len(errors):,}".replace(",", ".")}
    job.errors = errors
    job.save(update_fields=["message", "errors"])


def undo_batch(*, job) -> int:
    """Remove the articles a failed batch read (those not yet confirmed)."""
    qs = Article.objects.unscoped("undo of a failed background job").filter(job=job, status=ArticleStatus.READ)
    return qs.delete()[0]


# ---------------------------------------------------------------------------------------------
# Resolving names to records

_EXPANSIONS = (
    (r"\bban dv\b", "ban dan van"), (r"\bbdv\b", "ban dan van"), (r"\bdv\b", "dan van"),
    (r"\bubnd\b", "uy ban nhan dan"), (r"\bubmttq\b", "uy ban mat tran to quoc"), (r"\bmttq\b", "mat tran to quoc"),
    (r"\bhdnd\b", "hoi dong nhan dan"), (r"\bbtv\b", "ban thuong vu"), (r"\btu\b", "tinh uy"),
)


def _expand(text: str) -> set[str]:
    folded = fold(text)
    for pattern, value in _EXPANSIONS:
        folded = re.sub(pattern, value, folded)
    return set(folded.split())


def resolve_organizer(user, text: str, *, on: datetime.date | None, province: str | None = None):
    """The organization in ``user``'s scope that an article's organizer names, as it was on ``on``:
    names compared without diacritics (abbreviations expanded), the province added when the text names
    it; only organizations active that day. None when nothing matches well enough."""
    if not text:
        return None
    words = _expand(text) | (_expand(province) if province else set())
    qs = Organization.objects.for_user(user, "view")
    if on:
        qs = qs.exclude(valid_from__gt=on).exclude(valid_to__lt=on)
    best, best_score = None, 0.0
    for org in qs.select_related("area")[:2000]:
        names = _expand(org.name) | (_expand(org.area.name) if org.area_id else set())
        common = len(words & names)
        value = common / max(len(_expand(org.name)), 1) + common / max(len(words), 1)
        if value > best_score:
            best, best_score = org, value
    return best if best_score >= 1.2 else None


def _province_area(organization):
    area = organization.area if organization else None
    while area is not None and area.level not in ("province",) and area.parent_id:
        area = area.parent
    return area


def match_person(user, *, name: str, positions: list[str], organization):
    """A person of the registry with the same name (without diacritics) holding a position in the same
    province as ``organization`` (the same position title when the article gives one), or None."""
    qs = restrict(Person.objects.filter(name_folded=folded_key(name)), user, "view")
    province = _province_area(organization)
    if province is not None:
        qs = qs.filter(positions__organization__area__in=AreaReach.objects.filter(ancestor=province).values("descendant"))
    candidates = list(qs.distinct()[:20])
    if not candidates:
        return None
    wanted = {fold(p) for p in positions}
    for person in candidates:
        if not wanted or wanted & {fold(p.title) for p in person.positions.all()}:
            return person
    return None


_KINDS = ("thành phố", "thị xã", "thị trấn", "huyện", "quận", "xã", "phường")
MAX_NUMBERED_POINTS = 1000


def bridge_points_for(*, organization, day: datetime.date, names: list[str], count: int | None) -> list:
    """The bridge points an article gives a meeting, as (name, area or None): the units it names (each
    matched to the unit of that name under the organizer's province that existed on ``day``); else, for
    a count, the units one level under the organizer's area on that day when there are that many (or one
    fewer: the organizer's own point and theirs); else that many numbered points for the officer to name."""
    province = _province_area(organization)
    if names:
        out = []
        for name in names:
            kind = next((k for k in _KINDS if fold(name).startswith(fold(k) + " ")), "")
            bare = name[len(kind):].strip() if kind else name
            qs = Area.objects.valid_on(day).filter(name_folded=folded_key(kind, bare) if kind else folded_key(bare))
            if province is not None:
                qs = qs.filter(id__in=AreaReach.objects.filter(ancestor=province).values("descendant"))
            area = qs.order_by("id").first()
            out.append((f"{area.kind_name} {area.name}" if area else name, area))
        return out
    if not count:
        return []
    count = min(count, MAX_NUMBERED_POINTS)
    parent = organization.area if organization is not None else None
    if parent is not None:
        below = {"province": ("district", "commune"), "district": ("commune",)}.get(parent.level, ())
        for level in below:
            units = bridge_actions.areas_for_points(level=level, parent=parent, on=day)
            if not units:
                continue
            if len(units) in (count, count - 1):
                points = [(f"{kind_name} {name}", Area(pk=pk)) for pk, kind_name, name in units]
                return ([(organization.name, parent)] if len(units) == count - 1 else []) + points
            break
    return [(_("Bridge point %(n)s") % {"n": n}, None) for n in range(1, count + 1)]


# ---------------------------------------------------------------------------------------------
# Confirming


def _clean_fields(values: dict) -> dict:
    """The officer's corrected fields, typed as the labels are; ``ValidationError`` names the field."""
    out, errors = {}, {}
    for name in FIELDS:
        value = values.get(name)
        if value in ("", None, []):
            out[name] = [] if name == "chairs" else None
            continue
        if name == "event_date":
            if isinstance(value, datetime.date):
                out[name] = value.isoformat()
            else:
                try:
                    out[name] = datetime.date.fromisoformat(str(value)).isoformat()
                except ValueError:
                    errors[name] = _("Enter the meeting day as dd/mm/yyyy.")
        elif name == "meeting_type":
            if value not in MEETING_TYPES:
                errors[name] = _("Choose a kind of meeting.")
            out[name] = value
        elif name in COUNT_FIELDS:
            try:
                number = int(value)
                if number < 0:
                    raise ValueError
                out[name] = number
            except (TypeError, ValueError):
                errors[name] = _("Enter a whole number of 0 or more.")
        elif name == "online":
            out[name] = True if value in (True, "true", "on", "1") else None
        elif name == "chairs":
            out[name] = [v.strip() for v in value if v and v.strip()]
        else:
            out[name] = str(value).strip()[:300]
    if errors:
        raise ValidationError(errors)
    return out


@transaction.atomic
def confirm_article(*, actor, article: Article, fields: dict, people: list[dict], directions: list[str],
                    organization, expected_version: int | None = None, bridge_names: list[str] | None = None) -> Meeting:
    """Turn a checked article into records of the meetings module, without duplicates.

    ``fields`` are the labelled fields as corrected by the officer; ``people`` [{name, positions,
    role}] (role chair/direct/report/attend; others are left out); ``directions`` the candidate
    conclusions kept; ``organization`` the organizer resolved to an organization as it was that day.

    Effects: finds the meeting of the same organizer, kind and day in the actor's scope (another article
    of the same meeting) or creates it (``create_meeting``: kind, title, day, mode online when the
    article says so, period reviewed); each person is matched in the registry (same name, a position in
    the same province) or created (``create_person``, the position as written, in the organizer) and
    given the role unless already there (``add_role``, the position then); each direction not already
    there becomes a conclusion (``add_conclusion``); the counts (models, medals, commendations, bridge
    points) become ``ReportedFigure`` rows of the meeting (one per figure: a second article updates it);
    a meeting without bridge points gets those the article gives (``bridge_points_for``: the units named,
    ``bridge_names`` or else those read; or the count; ``add_listed_points``, one audit event);
    the article is linked to the meeting as its source (its page here and its address outside become
    link documents of the meeting), keeps what was read beside what was confirmed, status "confirmed",
    version bumped, one "update" audit event (``core.domain.editing.edit``: lock, version check, save,
    audit) and the events of the meetings actions. Raises ``NotAllowed`` (the article's organization, the
    organizer, the meeting), ``StaleVersion`` when someone confirmed or changed it in between,
    ``WrongState`` when already confirmed, ``ValidationError`` naming the field (no day, a bad number)."""
    require(actor, "change", article, _("You may not confirm this article."))
    with edit(article, actor=actor, expected_version=expected_version,
              stale=_("This article was just changed by someone else. Reload the page.")) as locked:
        if locked.status == ArticleStatus.CONFIRMED:
            raise WrongState(_("This article has already been confirmed."))
        values = _clean_fields(fields)
        if not values["event_date"]:
            raise ValidationError({"event_date": _("Enter the meeting day: a meeting needs a date.")})
        if organization is None:
            raise ValidationError({"organization": _("Choose the organization that held the meeting.")})
        if not values["meeting_type"]:
            raise ValidationError({"meeting_type": _("Choose a kind of meeting.")})
        day = datetime.date.fromisoformat(values["event_date"])
        kind = KIND_OF_TYPE[values["meeting_type"]]
        starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8, 0)))

        meeting = restrict(Meeting.objects.filter(organization=organization, kind=kind, starts_at__date=day), actor,
                           "view").order_by("id").first()
        if meeting is None:
            meeting = meeting_actions.create_meeting(
                actor=actor, organization=organization, kind=kind, title=locked.title[:300], starts_at=starts_at,
                mode=Mode.HYBRID if values["online"] else Mode.IN_PERSON, period_label=values["report_period"] or "",
                summary=_("Read from the article “%(title)s”.") % {"title": locked.title[:200]},
            )
        else:
            meeting_actions.require_meeting(actor, meeting)

        existing = {(r.person_id, r.role) for r in meeting.roles.all()}
        for item in people:
            role = ROLE_OF.get(item.get("role") or "")
            name = (item.get("name") or "").strip()
            if role is None or not name:
                continue
            positions = [p for p in item.get("positions") or [] if p]
            person = match_person(actor, name=name, positions=positions, organization=organization)
            if person is None:
                person = people_actions.create_person(
                    actor=actor, full_name=name[:150], title=(positions[0] if positions else _("(not stated)"))[:200],
                    organization=organization)
            if (person.pk, role) in existing:
                continue
            meeting_actions.add_role(actor=actor, meeting=meeting, person=person, role=role,
                                     position_text=", ".join(positions)[:300], organization=organization)
            existing.add((person.pk, role))

        if not meeting.bridge_points.exists():
            names = (locked.reading or {}).get("bridge_names") or [] if bridge_names is None else bridge_names
            points = bridge_points_for(organization=organization, day=day, names=[n for n in names if n and n.strip()],
                                       count=values["bridge_points"])
            if points:
                bridge_actions.add_listed_points(actor=actor, meeting=meeting, points=points)

        known = {fold(c.text) for c in meeting.conclusions.all()}
        for text in directions:
            text = (text or "").strip()
            if text and fold(text) not in known:
                meeting_actions.add_conclusion(actor=actor, meeting=meeting, text=text)
                known.add(fold(text))

        evidence = (locked.reading or {}).get("evidence", {})
        for code in COUNT_FIELDS:
            value = values[code]
            if value is None:
                continue
            try:
                number = Decimal(value)
            except (InvalidOperation, TypeError):
                continue
            ReportedFigure.objects.unscoped("rows of a meeting the actor may change").update_or_create(
                meeting=meeting, code=code,
                defaults={"value": number, "article": locked, "unit": "", "evidence": evidence.get(code, "")[:2000],
                          "meaning": str(FigureCode(code).label)})

        # the article as the meeting's source: its page here (full text, evidence) and its address outside
        source_title = (_("Article: %(title)s") % {"title": locked.title})[:300]
        for link in [reverse("reader_article", args=[locked.pk]), locked.url]:
            if link and not meeting.documents.filter(link=link).exists():
                meeting_actions.add_document(actor=actor, meeting=meeting, title=source_title, link=link[:200])

        locked.meeting = meeting
        locked.confirmed = values
        locked.status = ArticleStatus.CONFIRMED
        locked.confirmed_at = timezone.now()
    return meeting


def quality(articles) -> dict:
    """Found and quiet per field of what the reader read against what officers confirmed (the scoring
    of docs/reader.md), over ``articles`` (confirmed ones)."""
    readings, labels = {}, {}
    for article in articles:
        if not article.confirmed:
            continue
        key = str(article.pk)
        readings[key] = {k: (article.reading or {}).get(k) for k in FIELDS}
        labels[key] = article.confirmed
    return {"count": len(labels), **score(readings, labels)}


def source_of(article: Article) -> Source:
    return blocks_from_lines(article.text.splitlines(), name=article.file_name)
