"""Meeting documents in the Party's format: download (DOCX, PDF) and numbering by the register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.documents.domain.signers import default_rows, signer_for
from danvan.documents.interfaces.forms import SignerForm, initial_signer, signer_from
from danvan.documents.rendering import render_docx, render_pdf
from danvan.meetings.domain.actions import perform
from danvan.meetings.domain.documents import DOC_TYPES, issued_all
from danvan.meetings.interfaces.documents import meeting_document as build
from danvan.meetings.queries import meeting_or_404

MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}
LABELS = {"invitation": gettext_lazy("Invitation"), "minutes": gettext_lazy("Minutes"),
          "conclusions": gettext_lazy("Notice of conclusions")}
FILE_NAMES = {"invitation": "giay-moi", "minutes": "bien-ban", "conclusions": "thong-bao-ket-luan"}


@login_required
def meeting_document(request, pk: int, kind: str, fmt: str):
    if kind not in DOC_TYPES or fmt not in MIME:
        raise Http404
    meeting = meeting_or_404(request.user, pk)
    doc = build(meeting, kind)
    content = render_docx(doc) if fmt == "docx" else render_pdf(doc)
    response = HttpResponse(content, content_type=MIME[fmt])
    response["Content-Disposition"] = f'attachment; filename="{FILE_NAMES[kind]}-{meeting.pk}.{fmt}"'
    return response


@login_required
@require_POST
def meeting_document_number(request, pk: int, kind: str):
    if kind not in DOC_TYPES:
        raise Http404
    meeting = meeting_or_404(request.user, pk, "change")
    try:
        signer = signer_from(request.POST, meeting.organization, DOC_TYPES[kind])
        doc = perform("issue_document", actor=request.user, meeting=meeting, kind=kind, signer=signer)
    except REFUSALS as exc:
        messages.error(request, message_of(exc))
    else:
        messages.success(request, _("Document number: %(n)s.") % {"n": doc.number_line})
    return redirect("meeting_detail", pk=meeting.pk)


def papers(meeting, *, can_change: bool) -> list[dict]:
    """The meeting's three documents for its page: number (or draft), signer, and the signer form to
    issue one (prefilled with the organizer's default for the type) when the user may."""
    rows = []
    entries = issued_all(meeting)  # two queries for the three documents (were nine)
    defaults = default_rows(meeting.organization, DOC_TYPES.values())
    for kind, doc_type in DOC_TYPES.items():
        entry = entries.get(kind)
        signer = signer_for(meeting.organization, doc_type, entry, defaults)
        rows.append({
            "kind": kind, "label": LABELS[kind], "entry": entry, "signer": signer,
            "form": SignerForm(initial=initial_signer(meeting.organization, doc_type, defaults),
                               auto_id=f"{kind}_%s")
            if can_change and entry is None else None,
        })
    return rows
