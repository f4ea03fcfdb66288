"""The officers' side of the portal: publish a commune's board and recognized models, review what the
portal took in. Everything read here goes through the scope."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from danvan.core.domain import audit
from danvan.core.views.helpers import paginate, run_action
from danvan.democracy.domain import portal
from danvan.democracy.interfaces.forms import today
from danvan.democracy.models import PortalEntry, PortalSubmission
from danvan.democracy.queries import disclosures as q
from danvan.democracy.views.disclosures import _commune_in_scope, crumbs
from danvan.orgs.models import Organization
from danvan.orgs.scope import get_in_scope
from danvan.places.models import AreaReach
from danvan.practices.models import Practice, Status
from danvan.practices.queries.practices import practices_for


@login_required
@require_POST
def publish_board(request, area_id: int):
    area = _commune_in_scope(request.user, area_id)
    try:
        year, quarter = int(request.POST.get("nam")), int(request.POST.get("quy"))
        if not (2000 <= year <= 2100 and 1 <= quarter <= 4):
            raise ValueError
    except (TypeError, ValueError):
        messages.error(request, _("Year: between 2000 and 2100; quarter: 1 to 4."))
        return redirect("commune_board", area_id=area.pk)
    rows = q.board(request.user, area, year=year, quarter=quarter, today=today())
    run_action(request, lambda: portal.publish_board(actor=request.user, area=area, year=year, quarter=quarter,
                                                     rows=rows), success=_("The board is on the public portal."))
    return redirect(f"/dan-chu/xa/{area.pk}/?nam={year}&quy={quarter}")


@login_required
@require_GET
def publishing(request):
    practices = practices_for(request.user, "change").filter(status=Status.RECOGNIZED).select_related(
        "area").order_by("-year", "name_sort")
    page = paginate(request, practices)
    published = set(PortalEntry.objects.filter(kind=PortalEntry.Kind.MODEL, source_key__in=[
        f"p{p.pk}" for p in page.object_list]).values_list("source_key", flat=True))
    for p in page.object_list:
        p.published = f"p{p.pk}" in published
    return render(request, "democracy/publishing.html", {"page_obj": page, "nav_active": "democracy",
                                                         "breadcrumbs": crumbs((_("Public portal"), None))})


@login_required
@require_POST
def publish_practice(request, pk: int):
    practice = get_in_scope(Practice.objects.select_related("area", "organization"), request.user, pk=pk)
    if request.POST.get("go") == "off":
        entry = PortalEntry.objects.filter(kind=PortalEntry.Kind.MODEL, source_key=f"p{practice.pk}").first()
        if entry is not None:
            run_action(request, lambda: portal.unpublish(actor=request.user, entry=entry, owner=practice),
                       success=_("Taken off the portal."))
        return redirect("democracy_publishing")
    run_action(request, lambda: portal.publish_practice(
        actor=request.user, practice=practice, person_consented=request.POST.get("consent") == "on",
        photos=list(practice.attachments.all())), success=_("The model is on the public portal."))
    return redirect("democracy_publishing")


def submissions_for(user):
    """Submissions of the communes where (or above which) the user works with the right to change."""
    if user.is_superuser:
        return PortalSubmission.objects.all()
    areas = Organization.objects.for_user(user, "change").values("area_id")
    return PortalSubmission.objects.filter(Q(area_id__in=AreaReach.objects.filter(ancestor_id__in=areas).values(
        "descendant_id")))


@login_required
@require_GET
def submission_queue(request):
    page = paginate(request, submissions_for(request.user).select_related("area").order_by("status", "-created_at"))
    audit.record_many(request.user, "view", list(page.object_list), message="portal submissions queue")
    return render(request, "democracy/submissions.html", {
        "page_obj": page, "statuses": PortalSubmission.Status.choices, "nav_active": "democracy",
        "breadcrumbs": crumbs((_("Portal submissions"), None))})


@login_required
@require_POST
def submission_review(request, pk: int):
    submission = submissions_for(request.user).filter(pk=pk).first()
    if submission is None:
        raise Http404
    run_action(request, lambda: portal.review_submission(
        actor=request.user, submission=submission, status=request.POST.get("status", ""),
        public_answer=request.POST.get("public_answer", "")), success=_("Saved."))
    return redirect("democracy_submissions")
