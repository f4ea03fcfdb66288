"""Download the filtered nomination list as XLSX (the list definition) or DOCX (Party format)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.awards.interfaces.exports import to_party_document
from danvan.awards.interfaces.lists import NOMINATIONS, heading
from danvan.core.lists import inline_max
from danvan.orgs.scope import home_organization

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@require_POST
def nomination_export_xlsx(request):
    """The export button: at once when short, as a background job when long."""
    return NOMINATIONS.export(request)


@login_required
def nomination_export(request, fmt: str):
    if fmt == "xlsx":
        return NOMINATIONS.export(request)
    if fmt != "docx":
        raise Http404
    form = NOMINATIONS.bind(request.GET, request.user)
    if form.is_bound and not form.is_valid():
        messages.error(request, " ".join(e["message"] for e in form.error_list()))
        return redirect("nomination_list")
    filters = form.filters() if form.is_bound else {}
    org = home_organization(request.user)
    if org is None:
        raise Http404
    qs = NOMINATIONS.queryset(request.user, filters)
    count = qs.count()
    if count > inline_max():
        # A Party-format document is for a list one can sign; a longer one is refused, not cut short.
        messages.error(request, _("The list has %(n)s nominations; a document holds at most %(max)s. Narrow the "
                                  "filters, or export to Excel.") % {"n": count, "max": inline_max()})
        return redirect("nomination_list")
    from danvan.documents.rendering import render_docx

    content = render_docx(to_party_document(qs, organization=org, title=heading(filters)))
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = 'attachment; filename="danh-sach-de-nghi-khen-thuong.docx"'
    return response
