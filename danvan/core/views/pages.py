from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import files
from danvan.core.domain.jobs import is_stale, retry_job
from danvan.core.models import Job
from danvan.core.views.helpers import paginate


@login_required
def job_list(request):
    jobs = Job.objects.filter(created_by=request.user)
    return render(request, "core/job_list.html", {
        "page_obj": paginate(request, jobs),
        "breadcrumbs": [(_("Background jobs"), None)],
    })


@login_required
def job_detail(request, pk: int):
    """A job's progress; htmx polls the fragment until the job has finished. Only its owner sees it."""
    job = get_object_or_404(Job, pk=pk, created_by=request.user)
    context = {"job": job, "stale": is_stale(job)}
    if request.htmx:
        return render(request, "core/_job_progress.html", context)
    return render(request, "core/job_detail.html", {
        **context, "breadcrumbs": [(_("Background jobs"), None), (job.title, None)],
    })


@login_required
@require_POST
def job_retry(request, pk: int):
    """Run a failed (or stopped) job again; only its owner may (404 for anyone else)."""
    job = get_object_or_404(Job, pk=pk, created_by=request.user)
    try:
        retry_job(job=job, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The job was queued again."))
    return redirect("job_detail", pk=job.pk)


@login_required
def job_download(request, pk: int):
    """The job's result file, to its owner only."""
    job = get_object_or_404(Job, pk=pk, created_by=request.user)
    if not job.result_file:
        raise Http404
    return files.serve(job.result_file, filename=job.result_name or "ket-qua" + PurePosixPath(job.result_file.name).suffix,
                       content_type=files.content_type_for(job.result_file.name))


@login_required
def job_input(request, pk: int):
    """The file a job read (an import's input), to its owner only."""
    job = get_object_or_404(Job, pk=pk, created_by=request.user)
    if not job.input_file:
        raise Http404
    return files.serve(job.input_file, filename=job.input_name or "du-lieu" + PurePosixPath(job.input_file.name).suffix,
                       content_type=files.content_type_for(job.input_file.name))
