"""Per-user queries of community decisions and oversight findings (starting from ``restrict``)."""

from danvan.core.text import search_order, search_terms
from danvan.democracy.models import CommunityDecision, OversightFinding
from danvan.democracy.queries.disclosures import in_area
from danvan.orgs.scope import restrict


def decisions_for(user, action: str = "view"):
    return restrict(CommunityDecision.objects.all(), user, action)


def filter_decisions(user, *, area=None, matter=None, year=None, q=None, **_ignored):
    qs = decisions_for(user)
    if area:
        qs = in_area(qs, area)
    if matter:
        qs = qs.filter(matter=matter)
    if year:
        qs = qs.filter(decided_on__year=year)
    for word in search_terms(q or ""):
        qs = qs.filter(subject_folded__contains=word)
    # what the user meant first: the subject as typed, then the phrase in it, accents as typed; then the latest
    return qs.select_related("area", "organization").order_by(
        *search_order(q or "", names=["subject_folded"], accented=["subject"]), "-decided_on", "-id")


def findings_for(user, action: str = "view"):
    return restrict(OversightFinding.objects.all(), user, action)


def filter_findings(user, *, area=None, unanswered=None, year=None, **_ignored):
    qs = findings_for(user)
    if area:
        qs = in_area(qs, area, field="organization__area_id")
    if unanswered:
        qs = qs.filter(answered_on__isnull=True)
    if year:
        qs = qs.filter(found_on__year=year)
    return qs.select_related("organization", "addressed_to", "board", "record__obligation__item",
                             "record__obligation__area").order_by("answer_due", "-id")
