"""Mass review: a leader approves or returns several submitted reports in one step (issue 10 §5).

The page lists the submitted reports waiting for this user's review (as the dashboard counts them);
the POST takes the chosen ids, fetched again through the scope (an id out of scope or not waiting
refuses the whole step, nothing changed), and calls ``approve_reports`` (one transaction, set-wise) or
``return_report`` for each with the one reason, in one transaction."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from danvan.core.views.helpers import paginate, run_action
from danvan.reports.domain import reports as domain
from danvan.reports.queries.reports import corrections_of
from danvan.reports.views.panel import _work

MAX_CHOSEN = 500


def _chosen(request, waiting):
    raw = request.POST.getlist("report")
    try:
        ids = list(dict.fromkeys(int(x) for x in raw))
    except ValueError:
        return None, _("Reports: the choice could not be read.")
    if not ids:
        return None, _("Reports: choose at least one report.")
    if len(ids) > MAX_CHOSEN:
        return None, _("Reports: choose at most %(n)s reports at once.") % {"n": MAX_CHOSEN}
    found = list(waiting.filter(pk__in=ids).order_by("pk"))
    if len(found) != len(ids):
        return None, _("Reports: some of the chosen reports are no longer waiting for your review; "
                       "reload the page. Nothing was changed.")
    return found, None


@login_required
def review_queue(request):
    waiting, _drafts = _work(request.user)
    if request.method == "POST":
        reports, error = _chosen(request, waiting)
        if error:
            messages.error(request, error)
            return redirect("report_review_queue")
        action = request.POST.get("action")
        if action == "approve":
            run_action(request, lambda: domain.approve_reports(reports, actor=request.user),
                       success=lambda done: ngettext("%(n)s report approved.", "%(n)s reports approved.",
                                                     len(done)) % {"n": len(done)})
        elif action == "return":
            reason = (request.POST.get("reason") or "").strip()

            def return_all():
                with transaction.atomic():
                    return [domain.return_report(r, actor=request.user, reason=reason) for r in reports]

            run_action(request, return_all,
                       success=lambda done: ngettext("%(n)s report returned.", "%(n)s reports returned.",
                                                     len(done)) % {"n": len(done)})
        else:
            messages.error(request, _("Unknown action."))
        return redirect("report_review_queue")
    qs = waiting.select_related("period", "organization", "form_version__form").order_by("submitted_at", "id")
    page_obj = paginate(request, qs)
    corrected = corrections_of(r.pk for r in page_obj)
    for report in page_obj:
        report.corrected = corrected.get(report.pk, 0)
    return render(request, "reports/review_queue.html", {
        "page_obj": page_obj, "nav_active": "reports",
        "breadcrumbs": [(_("Reports"), "/bao-cao/"), (_("Reports waiting for review"), None)],
    })
