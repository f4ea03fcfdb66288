"""The administrator's log of reads of sensitive data: who read which record of this module, when, where
and what was shown, for the records in the administrator's ``manage`` scope."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from danvan.community.domain.privacy import is_administrator as _administrator
from danvan.community.interfaces.lists import READS


@login_required
def read_log(request):
    if not _administrator(request.user):
        raise PermissionDenied(_("Only an organization's administrator sees the log of reads."))
    return READS.page(request, "community/list.html", {
        "title": _("Reads of sensitive data"), "nav_active": "community",
        "intro": _("Every read of ethnicity, religion, opinions and collaborators' identities in the records "
                   "your organizations keep: on a page, in an export, a document or through the API."),
        "breadcrumbs": [(_("Reads of sensitive data"), None)]})


@login_required
def read_log_export(request):
    if not _administrator(request.user):
        raise PermissionDenied(_("Only an organization's administrator sees the log of reads."))
    return READS.export(request)
