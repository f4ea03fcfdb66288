"""Background jobs: a ``Job`` row for progress, a Django task that runs the work.

A module defines a runner ``def run(job: Job, progress: Progress) -> None`` and registers it with
``@runner("kind")``; ``start_job`` creates the row and enqueues ``run_job``. With the immediate task
backend (the demo, the tests) the work runs inline; with django-tasks-db, ``manage.py db_worker``
runs it and the page polls the row.
"""

from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.models import Job

_RUNNERS: dict[str, Callable] = {}


def runner(kind: str):
    def decorate(func):
        _RUNNERS[kind] = func
        return func

    return decorate


class JobFailed(Exception):
    """Raised by a runner to fail the job with a message and a list of errors for the user."""

    def __init__(self, message: str, errors: list | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []


class Progress:
    """What a runner uses to report progress; writes are throttled to every ``every`` steps."""

    def __init__(self, job: Job, every: int = 100):
        self.job = job
        self.every = every

    def set_total(self, total: int) -> None:
        Job.objects.filter(pk=self.job.pk).update(total=total)
        self.job.total = total

    def advance(self, steps: int = 1, force: bool = False) -> None:
        self.job.done += steps
        if force or self.job.done % self.every == 0 or self.job.done >= self.job.total:
            Job.objects.filter(pk=self.job.pk).update(done=self.job.done)


def start_job(*, kind: str, title: str, user, organization=None, params=None, input_file=None) -> Job:
    """Create a job and enqueue it.

    Effects: inserts a ``Job`` (status queued; ``input_file`` stored under a random name, its own name
    kept as ``input_name``) and, after the transaction commits, enqueues
    ``run_job`` on the default task backend (inline when it is the immediate backend).
    """
    if kind not in _RUNNERS:
        raise ValueError(f"no runner for {kind!r}")
    job = Job(kind=kind, title=title, created_by=user, organization=organization, params=params or {})
    if input_file is not None:
        job.input_name = files.original_name(input_file)
        files.store(job.input_file, input_file)
    job.save()
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def save_result(job: Job, *, name: str, content: bytes) -> None:
    """Store a runner's result file under a random name; ``name`` is the download's file name.

    Effects: writes the file under MEDIA_ROOT/jobs/ and saves ``result_file`` and ``result_name``."""
    job.result_name = name
    job.result_file.save(name, ContentFile(content), save=False)
    job.save(update_fields=["result_file", "result_name"])


@task()
def run_job(job_id: int) -> None:
    """Run one job: mark it running, call its runner, record success or failure.

    Effects: updates the ``Job`` row (status, timestamps, done/total, message, errors, result file).
    A claim by ``filter(status=queued).update(...)`` makes sure only one worker runs it.
    """
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return
    job = Job.objects.get(pk=job_id)
    try:
        _RUNNERS[job.kind](job, Progress(job))
    except JobFailed as exc:
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, message=exc.message, errors=exc.errors, finished_at=timezone.now()
        )
        return
    except Exception as exc:  # noqa: BLE001 - a failed job must be visible, not a crashed worker
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, message=_("Unexpected error: %(error)s") % {"error": exc},
            finished_at=timezone.now(),
        )
        raise
    job.refresh_from_db(fields=["message", "result_file", "result_name", "done", "total"])
    Job.objects.filter(pk=job.pk).update(status=Job.Status.SUCCEEDED, finished_at=timezone.now(),
                                         done=max(job.done, job.total))
