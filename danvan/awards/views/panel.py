"""The awards panel of the dashboard: the nominations waiting for this user's step (appraisal or
decision by the level above; the user's own unit's drafts to submit), each linked directly."""

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
