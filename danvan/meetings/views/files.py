"""Downloads of a meeting's documents and of a task update's evidence: only to users who see the
meeting or the task (404 otherwise), through the one serving helper (``danvan.core.files.serve``)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.domain import audit
from danvan.meetings.models import MeetingDocument, TaskUpdate
from danvan.meetings.queries import visible_meetings, visible_tasks


@login_required
def document_download(request, pk: int):
    doc = MeetingDocument.objects.filter(meeting__in=visible_meetings(request.user), pk=pk).select_related(
        "meeting").first()
    if doc is None or not doc.file:
        raise Http404
    name = doc.original_name or doc.title
    audit.record(request.user, "view", doc.meeting, message=_("Downloaded %(name)s") % {"name": name})
    return files.serve(doc.file, filename=name, content_type=files.content_type_for(doc.file.name))


@login_required
def evidence_download(request, pk: int):
    update = TaskUpdate.objects.filter(task__in=visible_tasks(request.user), pk=pk).select_related("task").first()
    if update is None or not update.evidence:
        raise Http404
    name = update.evidence_name or _("evidence")
    audit.record(request.user, "view", update.task, message=_("Downloaded %(name)s") % {"name": name})
    return files.serve(update.evidence, filename=name, content_type=files.content_type_for(update.evidence.name))
