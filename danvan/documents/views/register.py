"""The document register (Sổ văn bản): list, detail, Excel export, and reserving a number by hand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from danvan.core.domain.refusals import NotAllowed
from danvan.core.views.helpers import audit_context
from danvan.documents.domain.register import issue_number
from danvan.documents.interfaces.forms import ReserveNumberForm
from danvan.documents.interfaces.lists import DOCUMENTS
from danvan.documents.models import IssuedDocument
from danvan.orgs.models import Organization
from danvan.orgs.scope import get_in_scope


def _list_crumb():
    return (_("Document register"), "/so-van-ban/")


def can_reserve(user) -> bool:
    return Organization.objects.for_user(user, "change").current().exists()


@login_required
def document_list(request):
    return DOCUMENTS.page(request, "documents/list.html", {
        "nav_active": "documents", "can_reserve": can_reserve(request.user),
        "breadcrumbs": [(_("Document register"), None)]})


@login_required
def document_export(request):
    """The export button (POST: a job when long) or a link (GET: the file at once)."""
    return DOCUMENTS.export(request)


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
