"""Domain actions on bridge points (điểm cầu): one by one, in bulk, and attendance.

Every action that changes data needs "change" on the meeting (``require_meeting``), whoever calls;
a point's attendance may also be reported by the point's own unit (``may_report_attendance``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.refusals import NotAllowed
from danvan.meetings.domain.meetings import require_meeting, require_named
from danvan.meetings.models import BridgePoint, Meeting
from danvan.orgs.scope import active_memberships, can
from danvan.places.models import Area

LEVELS = {"province", "district", "commune"}


def _next_order(meeting: Meeting) -> int:
    return (meeting.bridge_points.aggregate(m=Max("order"))["m"] or 0) + 1


@transaction.atomic
def add_bridge_point(*, actor, meeting: Meeting, name: str = "", area=None, organization=None, host_name: str = "",
                     expected: int = 0) -> BridgePoint:
    """Add one bridge point.

    Effects: inserts a ``BridgePoint`` named after the area or organization when no name is given;
    writes an "action" audit event on the meeting. Raises ``ValidationError`` when there is neither
    a name, an area nor an organization, ``NotAllowed`` unless ``actor`` may change the meeting and sees
    the organization."""
    require_meeting(actor, meeting)
    require_named(actor, organization=organization)
    name = (name or "").strip() or (area.full_name if area else "") or (organization.name if organization else "")
    if not name:
        raise ValidationError({"name": _("Choose an area or an organization, or enter the name of the bridge point.")})
    point = BridgePoint.objects.create(meeting=meeting, area=area, organization=organization, name=name,
                                       host_name=host_name, expected=expected or 0, order=_next_order(meeting))
    audit.record(actor, "action", meeting, message=_("Added bridge point %(name)s") % {"name": name})
    return point


def areas_for_points(*, level: str, parent: Area | None, on) -> list:
    """The units of ``level`` under ``parent`` (the whole country when None) that existed on ``on``."""
    if level not in LEVELS:
        raise ValidationError({"level": _("Unknown level of administrative unit.")})
    qs = Area.objects.filter(level=level).valid_on(on)
    if parent is not None:
        qs = qs.filter(id__in=Area.objects.under(parent, history=False).values("id"))
    return list(qs.order_by("parent__name_sort", "name_sort").values_list("id", "kind_name", "name"))


@transaction.atomic
def add_bridge_points(*, actor, meeting: Meeting, level: str, parent: Area | None = None,
                      expected: int = 0, limit: int | None = None) -> int:
    """Add a bridge point for every unit of ``level`` under ``parent`` ("every commune of this
    province", "every province") that existed on the meeting day, in one action.

    Effects: inserts the ``BridgePoint`` rows with ``bulk_create`` (units that already have a point
    are skipped); writes one "action" audit event on the meeting. Returns the number added.
    Raises ``NotAllowed`` unless ``actor`` may change the meeting."""
    require_meeting(actor, meeting)
    on = timezone.localdate(meeting.starts_at)
    existing = set(meeting.bridge_points.exclude(area=None).values_list("area_id", flat=True))
    rows = [row for row in areas_for_points(level=level, parent=parent, on=on) if row[0] not in existing]
    if limit is not None:
        rows = rows[:limit]
    order = _next_order(meeting)
    points = [BridgePoint(meeting=meeting, area_id=area_id, name=f"{kind_name} {name}", expected=expected or 0,
                          order=order + i) for i, (area_id, kind_name, name) in enumerate(rows)]
    BridgePoint.objects.bulk_create(points, batch_size=1000)
    audit.record(actor, "action", meeting, message=_("Added %(n)s bridge points") % {"n": len(points)})
    return len(points)


@transaction.atomic
def add_listed_points(*, actor, meeting: Meeting, points: list[tuple[str, Area | None]]) -> int:
    """Add the bridge points of a list (names with their area when known; read from an article), in one
    action.

    Effects: inserts the ``BridgePoint`` rows with ``bulk_create`` (a name or an area the meeting already
    has is skipped); writes one "action" audit event on the meeting. Returns the number added. Raises
    ``NotAllowed`` unless ``actor`` may change the meeting."""
    require_meeting(actor, meeting)
    names = set(meeting.bridge_points.values_list("name", flat=True))
    areas = set(meeting.bridge_points.exclude(area=None).values_list("area_id", flat=True))
    order, rows = _next_order(meeting), []
    for name, area in points:
        name = (name or "").strip()[:300]
        if not name or name in names or (area is not None and area.pk in areas):
            continue
        names.add(name)
        if area is not None:
            areas.add(area.pk)
        rows.append(BridgePoint(meeting=meeting, area=area, name=name, order=order + len(rows)))
    BridgePoint.objects.bulk_create(rows, batch_size=1000)
    if rows:
        audit.record(actor, "action", meeting, message=_("Added %(n)s bridge points") % {"n": len(rows)})
    return len(rows)


def _count(value, field: str):
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError as exc:
        raise ValidationError({field: _("Enter a whole number of delegates.")}) from exc
    if number < 0 or number > 1_000_000:
        raise ValidationError({field: _("The number of delegates must be between 0 and 1.000.000.")})
    return number


def _version(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return -1  # never a row's version: refused as a conflict


def _conflict(point) -> ValidationError:
    return ValidationError(
        _("%(name)s: the attendance was just changed by someone else (now %(n)s). Reload and enter it again.")
        % {"name": point.name, "n": point.present if point.present is not None else "—"}, code="conflict")


class _Stale:
    """The 409 message of a stale attendance save, read when refused (the row is locked then): it names
    the point and the count saved by the other user."""

    def __init__(self, point):
        self.point = point

    def __str__(self):
        now = BridgePoint._base_manager.filter(pk=self.point.pk).values_list("present", flat=True).first()
        return str(_conflict(BridgePoint(name=self.point.name, present=now)).messages[0])


def may_report_attendance(actor, point: BridgePoint) -> bool:
    """The organizer (who may change the meeting) or the point's own unit: a chuyên viên or lãnh đạo of
    the organization the point names, or of an organization located in the point's area (a commune
    point added by "every commune")."""
    if actor is None or can(actor, "change", point.meeting):
        return True
    return any("change" in m.actions and (m.organization_id == point.organization_id
                                          or (point.area_id and m.organization.area_id == point.area_id))
               for m in active_memberships(actor))


@transaction.atomic
def set_attendance(*, actor, point: BridgePoint, present, expected=None, host_name=None,
                   expected_version=None) -> BridgePoint:
    """Record the delegates present at one bridge point (and optionally expected and the host).

    Effects: updates the ``BridgePoint`` and bumps its ``version``, with an "update" audit event on the
    point (the changed fields); writes an "action" audit event on the meeting. Raises ``NotAllowed``
    unless ``actor`` may change the meeting or is the point's own unit (``may_report_attendance``; the unit reports only how many are present and its host),
    ``ValidationError`` (nothing changed) when a number is not a whole number from 0, ``StaleVersion``
    (409, field "version", nothing changed) when ``expected_version`` is given and the point was saved by
    someone else since. The lock, version check, save and "update" audit event on the point are
    ``core.domain.editing.edit``."""
    if not may_report_attendance(actor, point):
        raise NotAllowed(_("Only the organizer or the unit of this bridge point can report its attendance."))
    if actor is not None and not can(actor, "change", point.meeting):
        expected = None  # the point's own unit does not change what the organizer expects
    present = _count(present, "present")  # bad input refused before anything is locked
    expected = _count(expected, "expected") if expected not in (None, "") else None
    with edit(point, actor=actor, expected_version=_version(expected_version), stale=_Stale(point)) as locked:
        locked.present = present
        if expected is not None:
            locked.expected = expected
        if host_name is not None:
            locked.host_name = host_name.strip()[:200]
    audit.record(actor, "action", point.meeting, message=_("Attendance at %(name)s: %(n)s") % {
        "name": point.name, "n": point.present if point.present is not None else "—"})
    return point


@transaction.atomic
def bulk_attendance(*, actor, meeting: Meeting, values: dict, versions: dict | None = None) -> int:
    """Record the delegates present at many bridge points at once: ``values`` maps point id to a count,
    ``versions`` (optional) point id to the version the form showed.

    Effects: updates the changed ``BridgePoint`` rows and bumps their ``version`` (``bulk_update``);
    one audit event on the meeting. Raises ``NotAllowed`` unless ``actor`` may change the meeting,
    ``ValidationError`` naming every bad row and every point saved by someone else since the form was
    shown, and changes nothing then."""
    require_meeting(actor, meeting)
    versions = versions or {}
    points = {p.id: p for p in meeting.bridge_points.select_for_update().filter(id__in=[int(k) for k in values])}
    errors, changed = [], []
    for key, raw in values.items():
        point = points.get(int(key))
        if point is None:
            continue
        try:
            number = _count(raw, "present")
        except ValidationError:
            errors.append(_("%(name)s: enter a whole number of delegates from 0.") % {"name": point.name})
            continue
        if number != point.present:
            wanted = _version(versions.get(key, versions.get(int(key))))
            if wanted is not None and wanted != point.version:
                errors.append(_conflict(point).messages[0])
                continue
            point.present = number
            point.version += 1
            changed.append(point)
    if errors:
        raise ValidationError(errors)
    BridgePoint.objects.unscoped("the meeting's own points, locked above").bulk_update(
        changed, ["present", "version"], batch_size=1000)
    if changed:
        audit.record(actor, "action", meeting, message=_("Attendance recorded at %(n)s bridge points") % {
            "n": len(changed)})
    return len(changed)


@transaction.atomic
def remove_bridge_point(*, actor, point: BridgePoint) -> None:
    """Remove a bridge point. Effects: deletes it; audit event on the meeting. Raises ``NotAllowed``
    unless ``actor`` may change the meeting."""
    meeting, name = point.meeting, point.name
    require_meeting(actor, meeting)
    point.delete()
    audit.record(actor, "action", meeting, message=_("Removed bridge point %(name)s") % {"name": name})


def totals(meeting: Meeting) -> dict:
    """Points, expected and present delegates, and points that reported attendance (one query)."""
    row = meeting.bridge_points.aggregate(n=Count("id"), e=Sum("expected"), p=Sum("present"),
                                          r=Count("id", filter=Q(present__isnull=False)))
    return {"points": row["n"], "expected": row["e"] or 0, "present": row["p"] or 0, "reported": row["r"]}
