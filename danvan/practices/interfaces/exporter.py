"""XLSX export of practices: written by the list definition (``interfaces/lists.py``, through
``danvan.core.lists``). ``practices.export`` jobs started before it keep running through it."""

from danvan.core.domain.jobs import runner
from danvan.core.lists import run_list_export


@runner("practices.export")
def run_export(job, progress):
    """A ``practices.export`` job of an earlier version (its params are the filters themselves)."""
    if "list" not in job.params:
        job.params = {"list": "practices", "filters": job.params}
    run_list_export(job, progress)
