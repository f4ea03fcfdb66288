"""The document register (Sổ văn bản): list, detail, Excel export, and reserving a number by hand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain.refusals import NotAllowed
from danvan.core.views.helpers import audit_context, paginate, render_list
from danvan.documents.domain.register import issue_number
from danvan.documents.interfaces.exporters import register_xlsx
from danvan.documents.interfaces.forms import DocumentFilterForm, ReserveNumberForm
from danvan.documents.models import IssuedDocument
from danvan.documents.queries.documents import filter_documents
from danvan.orgs.models import Organization
from danvan.orgs.scope import get_in_scope


def _list_crumb():
    return (_("Document register"), "/so-van-ban/")


def _filtered(request):
    form = DocumentFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    if form.is_bound and not form.is_valid():
        return form, IssuedDocument.objects.none()
    return form, filter_documents(request.user, **filters)


def can_reserve(user) -> bool:
    return Organization.objects.for_user(user, "change").current().exists()


@login_required
def document_list(request):
    form, qs = _filtered(request)
    context = {
        "form": form, "page_obj": paginate(request, qs), "nav_active": "documents",
        "can_reserve": can_reserve(request.user), "export_query": request.GET.urlencode(),
        "breadcrumbs": [(_("Document register"), None)],
    }
    return render_list(request, "documents/list.html", "documents/_results.html", context)


@login_required
def document_export(request):
    _form, qs = _filtered(request)
    response = HttpResponse(
        register_xlsx(qs), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="so-van-ban-{stamp}.xlsx"'
    return response


@login_required
def document_detail(request, pk: int):
    doc = get_in_scope(IssuedDocument.objects.select_related("organization", "term", "created_by", "content_type"),
                       request.user, pk=pk)
    context = {
        "doc": doc, "nav_active": "documents",
        "breadcrumbs": [_list_crumb(), (doc.symbol, None)],
        **audit_context(doc),
    }
    return render(request, "documents/detail.html", context)


@login_required
def document_reserve(request):
    if not can_reserve(request.user):
        return redirect("document_list")
    form = ReserveNumberForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            doc = issue_number(actor=request.user, **form.cleaned_data)
        except (ValidationError, NotAllowed) as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Reserved number %(symbol)s.") % {"symbol": doc.symbol})
            return redirect("document_detail", pk=doc.pk)
    return render(request, "documents/form.html", {
        "form": form, "nav_active": "documents", "breadcrumbs": [_list_crumb(), (_("Reserve a number"), None)],
    })
