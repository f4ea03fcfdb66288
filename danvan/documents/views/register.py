"""The document register (Sổ văn bản): list, detail, Excel export, and reserving a number by hand."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from danvan.core.views.helpers import audit_context, run_action
from danvan.documents.domain import actions
from danvan.documents.interfaces.forms import ReserveNumberForm, SignerDefaultForm, SignerForm
from danvan.documents.interfaces.lists import DOCUMENTS
from danvan.documents.models import IssuedDocument
from danvan.documents.queries.documents import signer_defaults
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
    signer_form = SignerForm(request.POST or None, prefix="signer", use_required_attribute=False)
    if request.method == "POST" and form.is_valid():
        typed = {k: request.POST.get(f"signer-{k}", "") for k in ("authority", "on_behalf_of", "signer_title",
                                                                   "signer_name")}
        ok, doc = run_action(request, lambda: actions.perform("reserve", actor=request.user, **form.cleaned_data,
                                                              **typed),
                             success=lambda d: _("Reserved number %(symbol)s.") % {"symbol": d.symbol})
        if ok:
            return redirect("document_detail", pk=doc.pk)
    return render(request, "documents/form.html", {
        "form": form, "signer_form": signer_form, "nav_active": "documents",
        "breadcrumbs": [_list_crumb(), (_("Reserve a number"), None)],
    }, status=422 if request.method == "POST" else 200)


@login_required
def signer_list(request):
    """Who signs each organization's documents by default (per type), and the form to keep it (POST
    through the register's dispatcher)."""
    form = SignerDefaultForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not can_reserve(request.user):
            return redirect("document_list")
        if form.is_valid():
            data = form.cleaned_data
            ok, _row = run_action(request, lambda: actions.perform(
                "set_signer", actor=request.user, organization=data["organization"], doc_type=data["doc_type"],
                authority=data["authority"], on_behalf_of=data["on_behalf_of"], signer_title=data["signer_title"],
                signer_name=data["signer_name"]), success=_("The default signer was saved."))
            if ok:
                return redirect("document_signers")
    return render(request, "documents/signers.html", {
        "rows": signer_defaults(request.user), "form": form, "can_reserve": can_reserve(request.user),
        "nav_active": "documents", "breadcrumbs": [_list_crumb(), (_("Signers"), None)],
    }, status=422 if request.method == "POST" else 200)
