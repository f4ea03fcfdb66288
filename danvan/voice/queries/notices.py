"""What the public portal shows of this module (``democracy.domain.portal.register_notice_source``): the
dialogues an officer marked public — the calendar entry (date, place, organizer, announced at least 7
days ahead) and, once the result notice is issued, its number and the promises with their state. Only
public fields: never a citizen's name, a petitioner or a leader's personal data."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.voice.models import Dialogue, Opinion, Outcome
from danvan.voice.queries.dialogues import commitment_state

KEY_PREFIX = "voice-dialogue-"
STATES = {"on_time": gettext_lazy("kept on time"), "late": gettext_lazy("kept late"),
          "overdue": gettext_lazy("overdue"), "open": gettext_lazy("in progress")}


def public_notices(today=None) -> list[dict]:
    """The notices of every public dialogue (a system read for the public portal: only what an officer
    published, only public fields)."""
    today = today or timezone.localdate()
    dialogues = list(Dialogue.objects.unscoped("what officers published for the public portal").filter(
        public=True).select_related("meeting", "organization", "result_document").order_by("held_on", "id"))
    promises = {}
    for o in Opinion.objects.unscoped("the promises of published dialogues").filter(
            dialogue__in=dialogues, outcome=Outcome.COMMITMENT).select_related("task").order_by("id"):
        promises.setdefault(o.dialogue_id, []).append(o)
    result = []
    for d in dialogues:
        lines = [_("On %(d)s%(v)s, organized by %(org)s.") % {
            "d": d.held_on.strftime("%d/%m/%Y"), "v": _(" at %(v)s") % {"v": d.meeting.venue} if d.meeting.venue else "",
            "org": d.organization.name}]
        if d.notice_published_on:
            lines.append(_("Announced on %(d)s.") % {"d": d.notice_published_on.strftime("%d/%m/%Y")})
        issued = d.result_document is not None
        if issued:
            lines.append(_("Result notice %(n)s of %(d)s.") % {"n": d.result_document.symbol,
                                                              "d": d.result_document.issued_on.strftime("%d/%m/%Y")})
        result.append({
            "key": f"{KEY_PREFIX}{d.pk}", "title": d.meeting.title, "summary": "\n".join(lines),
            "area_id": d.organization.area_id, "date": d.held_on, "kind": "result" if issued else "calendar",
            "promises": [{"text": _("%(t)s (by %(d)s)") % {"t": o.text, "d": o.due_date.strftime("%d/%m/%Y")},
                          "state": str(STATES[commitment_state(o, today)])}
                         for o in promises.get(d.pk, []) if issued and o.task_id]})
    return result
