"""Per-user queries of consultations (starting from ``restrict``)."""

from danvan.core.text import search_order, search_terms
from danvan.democracy.models import Consultation
from danvan.democracy.queries.disclosures import in_area
from danvan.orgs.scope import restrict


def consultations_for(user, action: str = "view"):
    return restrict(Consultation.objects.all(), user, action)


def filter_consultations(user, *, area=None, year=None, q=None, has_result=None, **_ignored):
    qs = consultations_for(user)
    if area:
        qs = in_area(qs, area)
    if year:
        qs = qs.filter(opens_on__year=year)
    if has_result is not None:
        qs = qs.exclude(result_number="") if has_result else qs.filter(result_number="")
    for word in search_terms(q or ""):
        qs = qs.filter(draft_folded__contains=word)
    # what the user meant first: the draft as typed, then the phrase in it, accents as typed; then the latest
    return qs.select_related("area", "organization", "obligation").order_by(
        *search_order(q or "", names=["draft_folded"], accented=["draft"]), "-opens_on", "-id")
