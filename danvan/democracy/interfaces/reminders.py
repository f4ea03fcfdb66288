"""The overdue list's "remind these communes" as a background job (``democracy.remind``): the page's
filters are kept with the job and validated again, as its owner, when it runs (as the list's export)."""

from django.utils.translation import gettext as _

from danvan.core.domain.jobs import JobFailed, latest_job, runner, start_once
from danvan.core.lists import as_form_data
from danvan.democracy.domain.reminders import send_reminders
from danvan.democracy.interfaces.forms import DisclosureFilterForm, today
from danvan.democracy.queries import disclosures as q
from danvan.democracy.rules.state import State

KIND = "democracy.remind"
OVERDUE_STATES = [State.OVERDUE, State.CHANNEL_MISSING]


def start(*, actor, form: DisclosureFilterForm):
    """Start (or join, while it waits or runs) ``actor``'s reminder job for the overdue obligations that
    ``form``'s filters select. Effects: a ``core.Job`` (``start_once``). Returns (job, started)."""
    filters = {k: v for k, v in form.filters().items() if k != "state"}
    return start_once(kind=KIND, title=_("Reminders of overdue disclosures"), user=actor,
                      params={"filters": DisclosureFilterForm.to_params(filters)})


def todays_job(actor):
    """``actor``'s latest reminder job started today (shown on the overdue list), or None."""
    return latest_job(kind=KIND, user=actor, params=None, on=today())


@runner(KIND)
def run(job, progress):
    """Remind the communes of every overdue obligation the job's filters select, as its owner sees them
    now; the message says how many reminders were sent (none again within the week)."""
    from danvan.core.models import Job

    form = DisclosureFilterForm(as_form_data(job.params.get("filters", {})), user=job.created_by)
    if not form.is_valid():
        raise JobFailed(_("The filters are no longer valid."), form.error_list())
    day = today()
    filters = {**form.filters(), "state": OVERDUE_STATES}
    obligations = list(q.filter_obligations(job.created_by, today=day, **filters).select_related("item"))
    progress.set_total(len(obligations))
    sent = send_reminders(obligations=obligations, today=day, progress=progress)
    Job.objects.filter(pk=job.pk).update(message=_("%(n)s reminders sent to the communes.") % {"n": sent})
