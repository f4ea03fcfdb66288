"""Domain actions on hot spots. Rights inside (``require``: the actor may change the responsible
organization, or one of the others named); typed refusals; ``actor`` None is the system (the demo).

States: detected → watched → being handled → stable → closed; a closed or stable hot spot is reopened
(back to watched) when it flares again. Every change of state is a dated update."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.community.models import HotSpot, HotSpotState, HotSpotUpdate, Risk
from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.orgs.scope import can, require

S = HotSpotState
STEPS = {  # action: (allowed from, to)
    "watch": ({S.DETECTED}, S.WATCHED),
    "handle": ({S.DETECTED, S.WATCHED}, S.HANDLING),
    "stabilize": ({S.WATCHED, S.HANDLING}, S.STABLE),
    "close": ({S.STABLE}, S.CLOSED),
    "reopen": ({S.STABLE, S.CLOSED}, S.WATCHED),
}


def may_change(user, hot_spot: HotSpot) -> bool:
    return can(user, "change", hot_spot)


@transaction.atomic
def create_hot_spot(*, actor, organization, title: str, field, area, review_date: datetime.date, risk: str = "medium",
                    village: str = "", people_involved: int = 0, description: str = "", latitude=None,
                    longitude=None, other_organizations=(), tasks=(), meetings=(), petitions=()) -> HotSpot:
    """Record a hot spot (state detected). Effects: inserts it with its links; "create" audit event.
    Raises ``NotAllowed`` unless ``actor`` may change ``organization`` and sees every organization, task,
    meeting (dialogue) and petition linked; ``ValidationError`` for a missing title, field, commune or review date, a risk
    level not in the list, or coordinates out of range."""
    require(actor, "change", organization, _("You may not record hot spots for %(org)s.") % {
        "org": organization.name}, field="organization")
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Enter the title.")
    if field is None:
        errors["field"] = _("Choose the field.")
    if area is None or area.level != "commune":
        errors["area"] = _("Choose the commune.")
    if review_date is None:
        errors["review_date"] = _("Enter the date of the next review.")
    if risk not in Risk.values:
        errors["risk"] = _("Choose the risk level.")
    if latitude is not None and not -90 <= latitude <= 90:
        errors["latitude"] = _("The latitude must be between -90 and 90.")
    if longitude is not None and not -180 <= longitude <= 180:
        errors["longitude"] = _("The longitude must be between -180 and 180.")
    if errors:
        raise ValidationError(errors)
    for name, objects, action in (("other_organizations", other_organizations, "view"), ("tasks", tasks, "view"),
                                  ("meetings", meetings, "view"), ("petitions", petitions, "view")):
        for obj in objects:
            require(actor, action, obj, _("This choice is outside your scope."), field=name)
    spot = HotSpot.objects.create(organization=organization, title=title.strip(), field=field, area=area,
                                  review_date=review_date, risk=risk, village=(village or "").strip(),
                                  people_involved=people_involved or 0, description=(description or "").strip(),
                                  latitude=latitude, longitude=longitude)
    spot.other_organizations.set(other_organizations)
    spot.tasks.set(tasks)
    spot.meetings.set(meetings)
    spot.petitions.set(petitions)
    audit.record(actor, "create", spot)
    return spot


@transaction.atomic
def add_update(*, actor, hot_spot: HotSpot, on: datetime.date, text: str, action: str = "",
               review_date: datetime.date | None = None, risk: str = "", people_involved=None,
               expected_version=None) -> HotSpotUpdate:
    """A dated update, optionally a step (``action`` of ``STEPS``), a new review date, risk or number of
    people. Effects: inserts a ``HotSpotUpdate``; updates the hot spot's state/review date/risk/people,
    bumps ``version``; "update" audit event. Raises ``NotAllowed`` unless ``actor`` may change the hot
    spot, ``StaleVersion`` on a stale version, ``WrongState`` when the step is not possible from the
    current state, ``ValidationError`` without text or date, or for an unknown step or risk."""
    if not may_change(actor, hot_spot) and actor is not None:
        raise NotAllowed(_("You may not change this hot spot."))
    if not (text or "").strip():
        raise ValidationError({"text": _("Describe what happened or what was done.")})
    if on is None:
        raise ValidationError({"on": _("Enter the date.")})
    if action and action not in STEPS:
        raise ValidationError({"action": _("Unknown action.")})
    if risk and risk not in Risk.values:
        raise ValidationError({"risk": _("Choose the risk level.")})
    with edit(hot_spot, actor=actor, expected_version=expected_version, message=text[:200],
              stale=_("This hot spot was just changed by someone else. Reload the page and try again.")) as locked:
        state_from = locked.state
        if action:
            allowed, to = STEPS[action]
            if locked.state not in allowed:
                raise WrongState(_("This step is not possible now: the hot spot is “%(s)s”.") % {
                    "s": locked.get_state_display()})
            locked.state = to
        if review_date:
            locked.review_date = review_date
        if risk:
            locked.risk = risk
        if people_involved is not None:
            locked.people_involved = people_involved
    update = HotSpotUpdate.objects.create(hot_spot=hot_spot, on=on, text=text.strip(),
                                          state_from=state_from if action else "",
                                          state_to=hot_spot.state if action else "",
                                          actor=actor if getattr(actor, "pk", None) else None)
    return update
