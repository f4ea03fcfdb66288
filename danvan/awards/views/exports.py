"""Download the filtered nomination list as XLSX or DOCX."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from danvan.awards.interfaces.exports import to_party_document, to_xlsx
from danvan.awards.interfaces.forms import NominationFilterForm
from danvan.awards.queries import filter_nominations
from danvan.orgs.scope import home_organization

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def nomination_export(request, fmt: str):
    form = NominationFilterForm(request.GET or None, user=request.user)
    if request.GET and not form.is_valid():
        raise Http404
    filters = form.cleaned_data if form.is_bound else {}
    qs = filter_nominations(request.user, **filters).select_related("award_kind", "organization")[:5000]
    year = filters.get("year")
    title = _("List of nominations for awards, year %(y)s") % {"y": year} if year else _("List of nominations for awards")
    if fmt == "xlsx":
        content, mime = to_xlsx(qs, title=title), XLSX
    elif fmt == "docx":
        from danvan.documents.rendering import render_docx

        org = home_organization(request.user)
        if org is None:
            raise Http404
        content, mime = render_docx(to_party_document(qs, organization=org, title=title,
                                                      signer_name=request.user.get_full_name())), DOCX
    else:
        raise Http404
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="danh-sach-de-nghi-khen-thuong.{fmt}"'
    return response
