"""The inbox page: the user's notifications, newest first. Reading is a GET that writes nothing;
marking read (one, by opening it, or all) is a POST."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from danvan.core.domain.notifications import mark_read, open_notification
from danvan.core.queries.notifications import inbox, unread_count
from danvan.core.views.helpers import paginate


@login_required
def notification_list(request):
    if request.method == "POST":
        if request.POST.get("open", "").isdigit():
            url = open_notification(user=request.user, pk=int(request.POST["open"]))
            if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
                return redirect(url)
        elif request.POST.get("all"):
            mark_read(user=request.user)
        return redirect("notifications")
    unread_only = request.GET.get("chua-doc") == "1"
    return render(request, "core/notifications.html", {
        "page_obj": paginate(request, inbox(request.user, unread_only=unread_only)),
        "unread_only": unread_only, "unread": unread_count(request.user),
        "breadcrumbs": [(_("Notifications"), None)]})


@login_required
def old_inbox(request):
    """The former per-module inbox pages (reports', meetings') lead to the one inbox."""
    return redirect("notifications", permanent=True)
