"""Meeting documents in the Party's format: download (DOCX, PDF) and numbering by the register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.domain.refusals import NotAllowed
from danvan.documents.rendering import render_docx, render_pdf
from danvan.meetings.domain.documents import DOC_TYPES, issue_meeting_document
from danvan.meetings.interfaces.documents import meeting_document as build
from danvan.meetings.queries import meeting_or_404

MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}
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
        doc = issue_meeting_document(actor=request.user, meeting=meeting, kind=kind)
    except (ValidationError, NotAllowed) as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Document number: %(n)s.") % {"n": doc.number_line})
    return redirect("meeting_detail", pk=meeting.pk)
