"""Per-user queries of public opinion (collaborators, topics, reports, the monthly summary): everything
starts from ``restrict``."""

import datetime

from django.db.models import Avg, Count, Q

from danvan.community.models import OpinionCollaborator, OpinionReport, OpinionTopic
from danvan.community.queries.prestige import in_area
from danvan.core.text import search_filter, search_order
from danvan.orgs.scope import one_or_404, restrict


def reports_for(user, action: str = "view"):
    return restrict(OpinionReport.objects.all(), user, action)


def report_or_404(user, pk, action: str = "view") -> OpinionReport:
    return one_or_404(reports_for(user, action).select_related("organization", "area", "topic",
                                                               "collaborator"), pk=pk)


def urgent_waiting(user):
    """Urgent reports not yet acknowledged that ``user`` may acknowledge (a leader's dashboard)."""
    return reports_for(user, "approve").filter(urgent=True, acknowledged_at__isnull=True).select_related(
        "organization", "area").order_by("-date", "-id")


def month_range(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = month.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def filter_reports(user, *, topic=None, social_group=None, stance=None, area=None, month=None, urgent=None,
                   waiting=None, organization=None, **_ignored):
    """The opinion reports ``user`` may see; the page, the export and the API call this with
    ``OpinionFilterForm``'s data. ``month``: a date in the month; ``waiting``: urgent, not acknowledged."""
    qs = reports_for(user)
    if topic:
        qs = qs.filter(topic_id=getattr(topic, "pk", topic))
    if social_group:
        qs = qs.filter(social_group=social_group)
    if stance:
        qs = qs.filter(stance=stance)
    if area:
        qs = in_area(qs, area)
    if month:
        qs = qs.filter(date__range=month_range(month))
    if urgent is not None:
        qs = qs.filter(urgent=urgent)
    if waiting:
        qs = qs.filter(urgent=True, acknowledged_at__isnull=True)
    if organization:
        qs = qs.filter(organization_id=getattr(organization, "pk", organization))
    return qs.select_related("organization", "area", "topic", "collaborator").order_by("-date", "-id")


def topics_for(user, action: str = "view"):
    """Topics asked by organizations ``user`` sees, and those asked above for an area that covers one of
    the user's organizations (a commune's Front answers the province's topic)."""
    from danvan.orgs.scope import active_memberships
    from danvan.places.models import AreaReach

    areas = {m.organization.area_id for m in active_memberships(user)}
    above = Q(organization__area_id__in=AreaReach.objects.filter(descendant_id__in=areas).values("ancestor_id"))
    return restrict(OpinionTopic.objects.all(), user, action, also=above if action == "view" else None)


def topic_or_404(user, pk) -> OpinionTopic:
    return one_or_404(topics_for(user).select_related("organization"), pk=pk)


def filter_topics(user, *, q=None, month=None, organization=None, **_ignored):
    """The topics ``user`` sees, latest due date first; ``q``: every word a word prefix of the title,
    without diacritics, and the topic titled as typed first."""
    qs = topics_for(user)
    if month:
        qs = qs.filter(due_date__range=month_range(month))
    if organization:
        qs = qs.filter(organization_id=getattr(organization, "pk", organization))
    qs = search_filter(qs, q or "", "title_folded")
    # what the user meant first: the title as typed, then the phrase in it, accents as typed; then the
    # latest due date (``core.text.search_order``)
    return qs.select_related("organization").annotate(n_reports=Count("reports")).order_by(
        *search_order(q or "", names=["title_folded"], accented=["title"]), "-due_date", "id")


def collaborators_for(user, action: str = "view"):
    return restrict(OpinionCollaborator.objects.all(), user, action)


def collaborator_or_404(user, pk, action: str = "view") -> OpinionCollaborator:
    return one_or_404(collaborators_for(user, action).select_related("organization", "area"), pk=pk)


def filter_collaborators(user, *, q=None, social_group=None, level=None, area=None, confidential=None,
                         current=None, organization=None, **_ignored):
    """The collaborators ``user`` may see (identity masked by the presentation, not here). ``q`` searches
    the code only: searching by name would tell who a confidential collaborator is."""
    qs = collaborators_for(user)
    if social_group:
        qs = qs.filter(social_group=social_group)
    if level:
        qs = qs.filter(level=level)
    if area:
        qs = in_area(qs, area)
    if confidential is not None:
        qs = qs.filter(confidential=confidential)
    if current:
        from django.utils import timezone
        today = timezone.localdate()
        qs = qs.filter(Q(term_from__lte=today) & (Q(term_to__isnull=True) | Q(term_to__gte=today)))
    if organization:
        qs = qs.filter(organization_id=getattr(organization, "pk", organization))
    for word in (q or "").split():
        qs = qs.filter(code__icontains=word)
    return qs.select_related("organization", "area").order_by("code")


def monthly_summary(user, *, month: datetime.date, area=None, topic=None) -> list[dict]:
    """Opinion reports of ``month`` in ``user``'s scope (``area``: its subtree, legacy units included), per
    topic and social group: reports, for / against / undecided, average strength and spread (1–5), urgent.
    Counts only: no statement, no name."""
    qs = filter_reports(user, month=month, area=area, topic=topic).order_by()
    rows = qs.values("topic_id", "topic__title", "social_group").annotate(
        reports=Count("id"), for_=Count("id", filter=Q(stance="for")),
        against=Count("id", filter=Q(stance="against")), undecided=Count("id", filter=Q(stance="undecided")),
        strength=Avg("strength"), spread=Avg("spread"), urgent=Count("id", filter=Q(urgent=True)))
    return sorted(rows, key=lambda r: (r["topic__title"] is None, r["topic__title"] or "", r["social_group"]))
