"""The awards panel of the dashboard: the nominations waiting for this user's step (appraisal or
decision by the level above; the user's own unit's drafts to submit), each linked directly."""

from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.awards.domain.actions import allowed_actions
from danvan.awards.models import NominationStatus
from danvan.awards.queries import visible_nominations

SCANNED = 200
SHOWN = 5


def dashboard_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    candidates = (visible_nominations(user).filter(status__in=[NominationStatus.DRAFT, NominationStatus.PROPOSED,
                                                               NominationStatus.APPRAISED])
                  .select_related("organization__area", "organization__parent", "award_kind")
                  .order_by("year", "id")[:SCANNED])
    waiting, drafts = [], []
    for n in candidates:
        allowed = allowed_actions(user, n)
        if allowed & {"appraise", "decide"}:
            waiting.append(n)
        elif "submit" in allowed:
            drafts.append(n)
    if not waiting and not drafts:
        return None
    return {"template": "awards/_panel.html", "order": 30, "waiting": waiting[:SHOWN], "waiting_count": len(waiting),
            "drafts": drafts[:SHOWN], "drafts_count": len(drafts)}


def my_work(request) -> list[dict]:
    """The awards' lines of "Việc của tôi": each nomination waiting for this user's appraisal or decision."""
    user = request.user
    candidates = (visible_nominations(user).filter(status__in=[NominationStatus.PROPOSED, NominationStatus.APPRAISED])
                  .select_related("organization__area", "organization__parent", "award_kind")
                  .order_by("year", "id")[:SCANNED])
    items = []
    for n in candidates:
        allowed = allowed_actions(user, n)
        if "appraise" in allowed:
            label = _("Nomination to appraise: %(name)s") % {"name": n}
        elif "decide" in allowed:
            label = _("Nomination to decide: %(name)s") % {"name": n}
        else:
            continue
        items.append({"label": label, "url": reverse("nomination_detail", args=[n.pk]), "order": 30})
    return items[:SHOWN]
