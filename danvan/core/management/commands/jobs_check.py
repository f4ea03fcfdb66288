"""``manage.py jobs_check``: mark failed the running jobs whose worker died (no heartbeat for
``DANVAN_JOB_STALE_SECONDS``) and undo what they wrote. Run it from a timer (every few minutes);
every worker also runs the same check before each job."""

from django.core.management.base import BaseCommand

from danvan.core.domain.jobs import mark_stale_jobs


class Command(BaseCommand):
    help = "Mark jobs whose worker died as failed (they can then be run again from their page)."

    def handle(self, *args, **options):
        marked = mark_stale_jobs()
        self.stdout.write(f"{marked} stale job(s) marked failed")
