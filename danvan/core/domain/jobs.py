"""Background jobs: a ``Job`` row for progress, a Django task that runs the work.

A module defines a runner ``def run(job: Job, progress: Progress) -> None`` and registers it with
``@runner("kind")`` (with ``undo=`` a function removing what a half-run job wrote); ``start_job``
creates the row and enqueues ``run_job``. With the immediate task backend (the demo, the tests) the work
runs inline; with django-tasks-db, ``manage.py db_worker`` runs it and the page polls the row.

A running job writes a heartbeat with its progress (``Progress``). A worker that dies (killed by a
timeout, a restart, the OOM killer) leaves its job "running" with an old heartbeat: ``mark_stale_jobs``
(run by every worker before each job and by ``manage.py jobs_check``) marks it failed and undoes it, and
its owner may run it again from its page (``retry_job``).
"""

import datetime
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.models import Job

_RUNNERS: dict[str, Callable] = {}
_UNDO: dict[str, Callable] = {}
HEARTBEAT_SECONDS = 5


def runner(kind: str, *, undo: Callable | None = None):
    def decorate(func):
        _RUNNERS[kind] = func
        if undo is not None:
            _UNDO[kind] = undo
        return func

    return decorate


class JobFailed(Exception):
    """Raised by a runner to fail the job with a message and a list of errors for the user."""

    def __init__(self, message: str, errors: list | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []


class Progress:
    """What a runner uses to report progress; writes are throttled to every ``every`` steps or
    ``HEARTBEAT_SECONDS``, and each write is also the job's heartbeat."""

    def __init__(self, job: Job, every: int = 100):
        self.job = job
        self.every = every
        self._last = time.monotonic()

    def set_total(self, total: int) -> None:
        Job.objects.filter(pk=self.job.pk).update(total=total, heartbeat_at=timezone.now())
        self.job.total = total

    def restart(self, total: int) -> None:
        """A new phase (e.g. writing after checking): ``done`` back to 0 of ``total``."""
        self.job.done = 0
        Job.objects.filter(pk=self.job.pk).update(total=total, done=0, heartbeat_at=timezone.now())
        self.job.total = total

    def advance(self, steps: int = 1, force: bool = False) -> None:
        self.job.done += steps
        now = time.monotonic()
        finished = self.job.total > 0 and self.job.done >= self.job.total  # an unknown total (0) is never "finished"
        if force or self.job.done % self.every == 0 or finished or now - self._last >= HEARTBEAT_SECONDS:
            self._last = now
            Job.objects.filter(pk=self.job.pk).update(done=self.job.done, heartbeat_at=timezone.now())


def start_job(*, kind: str, title: str, user, organization=None, params=None, input_file=None) -> Job:
    """Create a job and enqueue it.

    Effects: inserts a ``Job`` (status queued; ``input_file`` stored under a random name, its own name
    kept as ``input_name``) and, after the transaction commits, enqueues ``run_job`` on the default task
    backend (inline when it is the immediate backend).
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


def start_once(*, kind: str, title: str, user, organization=None, params=None) -> tuple[Job, bool]:
    """``start_job``, unless ``user`` already has a job of ``kind`` with the same ``params`` that is queued
    or running (a second press of the same button while the first runs): then that job.

    Effects: as ``start_job`` when it starts one. Returns (job, started)."""
    params = params or {}
    for job in Job.objects.filter(kind=kind, created_by=user, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]):
        if job.params == params and not is_stale(job):
            return job, False
    return start_job(kind=kind, title=title, user=user, organization=organization, params=params), True


def latest_job(*, kind: str, user, params: dict, on: datetime.date | None = None) -> Job | None:
    """``user``'s latest job of ``kind`` with these ``params`` (created on the local day ``on`` when
    given), for a page that shows the state of the work it started; None when there is none."""
    jobs = Job.objects.filter(kind=kind, created_by=user)
    if on is not None:
        start = timezone.make_aware(datetime.datetime.combine(on, datetime.time.min))
        jobs = jobs.filter(created_at__gte=start, created_at__lt=start + datetime.timedelta(days=1))
    return next((job for job in jobs.order_by("-created_at", "-id")[:50] if job.params == params), None)


def save_result(job: Job, *, name: str, content: bytes) -> None:
    """Store a runner's result file under a random name; ``name`` is the download's file name.

    Effects: writes the file under MEDIA_ROOT/jobs/ and saves ``result_file`` and ``result_name``."""
    job.result_name = name
    job.result_file.save(name, ContentFile(content), save=False)
    job.save(update_fields=["result_file", "result_name"])


def stale_before(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(seconds=settings.DANVAN_JOB_STALE_SECONDS)


def is_stale(job: Job, now: datetime.datetime | None = None) -> bool:
    """Whether ``job`` is "running" but its worker has given no sign of life for too long."""
    beat = job.heartbeat_at or job.started_at
    return job.status == Job.Status.RUNNING and beat is not None and beat < stale_before(now)


def _undo(job: Job) -> None:
    undo = _UNDO.get(job.kind)
    if undo is not None:
        undo(job)


def mark_stale_jobs(*, now: datetime.datetime | None = None) -> int:
    """Fail every running job whose heartbeat is older than ``DANVAN_JOB_STALE_SECONDS``.

    Effects: for each such job, claimed by ``filter(status=running, heartbeat older).update(...)``
    (so two callers never both act): status failed with a message saying the work stopped and can be
    run again, ``finished_at`` set; then the kind's ``undo`` removes what it had written. Returns how
    many jobs were marked."""
    limit = stale_before(now)
    marked = 0
    candidates = Job.objects.filter(status=Job.Status.RUNNING).filter(
        _heartbeat_older(limit)).values_list("pk", flat=True)
    for pk in list(candidates):
        claimed = Job.objects.filter(pk=pk, status=Job.Status.RUNNING).filter(_heartbeat_older(limit)).update(
            status=Job.Status.FAILED, finished_at=now or timezone.now(),
            message=_("The work stopped before it finished (the server running it was stopped or restarted). "
                      "Nothing of it was kept; press “Run again”."))
        if claimed:
            _undo(Job.objects.get(pk=pk))
            marked += 1
    return marked


def _heartbeat_older(limit):
    return Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, started_at__lt=limit)


@transaction.atomic
def retry_job(*, job: Job, actor, now: datetime.datetime | None = None) -> Job:
    """Run a failed job again, from its input (the owner's action on the job page).

    Effects: marks stale jobs failed (``mark_stale_jobs``); undoes what the failed run wrote; puts the
    job back in the queue (status queued, progress, message, errors and result cleared) and enqueues
    ``run_job`` after commit. Raises ``PermissionDenied`` when ``actor`` does not own the job and
    ``ValidationError`` (code "running") when it has not failed."""
    if job.created_by_id != getattr(actor, "pk", None):
        raise PermissionDenied
    mark_stale_jobs(now=now)
    locked = Job.objects.select_for_update().get(pk=job.pk)
    if locked.status != Job.Status.FAILED:
        raise ValidationError(_("Only a job that failed can be run again."), code="running")
    _undo(locked)
    Job.objects.filter(pk=locked.pk).update(
        status=Job.Status.QUEUED, done=0, total=0, message="", errors=[], result_file="", result_name="",
        started_at=None, finished_at=None, heartbeat_at=None)
    transaction.on_commit(lambda: run_job.enqueue(locked.pk))
    locked.refresh_from_db()
    return locked


@task()
def run_job(job_id: int) -> None:
    """Run one job: mark it running, call its runner, record success or failure.

    Effects: first fails stale jobs of dead workers (``mark_stale_jobs``); updates the ``Job`` row
    (status, timestamps, heartbeat, attempts, done/total, message, errors, result file). A claim by
    ``filter(status=queued).update(...)`` makes sure only one worker runs it. When the runner fails,
    the kind's ``undo`` removes what it wrote.
    """
    mark_stale_jobs()
    now = timezone.now()
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        return
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=now, heartbeat_at=now, attempts=job.attempts + 1,
    )
    if not claimed:
        return
    job.refresh_from_db()
    try:
        _RUNNERS[job.kind](job, Progress(job))
    except JobFailed as exc:
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, message=exc.message, errors=exc.errors, finished_at=timezone.now()
        )
        _undo(job)
        return
    except Exception as exc:  # noqa: BLE001 - a failed job must be visible, not a crashed worker
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, message=_("Unexpected error: %(error)s") % {"error": exc},
            finished_at=timezone.now(),
        )
        _undo(job)
        raise
    job.refresh_from_db(fields=["message", "result_file", "result_name", "done", "total"])
    Job.objects.filter(pk=job.pk).update(status=Job.Status.SUCCEEDED, finished_at=timezone.now(),
                                         done=max(job.done, job.total), heartbeat_at=timezone.now())
