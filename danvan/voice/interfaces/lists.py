"""The voice module's lists on the one list mechanism (``danvan.core.lists``): one definition per model
drives its page, its API list and its XLSX export. A petition's sender is a reader column: the name
is computed for the user who reads it (``domain.petitions.sender_for``: a denouncer's identity only
for the assigned handler and the head of the handling organization), and every row shown is passed to
``read`` so each read of an identity is logged, on the page, in the export and through the API alike."""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import Column, ListDefinition, register
from danvan.voice import clocks
from danvan.voice.domain.petitions import record_sender_reads, sender_for
from danvan.voice.interfaces.filters import (
    CommitmentFilterForm,
    DialogueFilterForm,
    PetitionFilterForm,
    ReceptionFilterForm,
)
from danvan.voice.queries.dialogues import commitment_state, filter_commitments, filter_dialogues
from danvan.voice.queries.petitions import ByKeys, filter_petitions
from danvan.voice.queries.receptions import filter_sessions


class ClockedPetitions:
    """The petitions of a list with their clocks (``due``, ``days_left`` as of today), read with one
    table of clocks per page or export: sliced by the paginator and the API (through ``ByKeys``, the
    page's index-only read), iterated by the export."""

    def __init__(self, queryset):
        self.queryset = queryset

    @staticmethod
    def _clocked(petitions, table, today):
        for p in petitions:
            p.due = clocks.deadline(p, table)
            p.days_left = clocks.days_left(p, today, table)
            yield p

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def none(self) -> "ClockedPetitions":
        return ClockedPetitions(self.queryset.none())

    def __getitem__(self, index):
        rows = ByKeys(self.queryset)[index]
        if not isinstance(index, slice):
            return next(self._clocked([rows], clocks.clocks(), timezone.localdate()))
        return list(self._clocked(rows, clocks.clocks(), timezone.localdate()))

    def iterator(self, chunk_size: int = 2000):
        return self._clocked(self.queryset.iterator(chunk_size=chunk_size), clocks.clocks(), timezone.localdate())


def _days_left(p):
    if p.days_left is None:
        return "—"
    from danvan.core.templatetags.dv import num

    css = "dv-days text-danger fw-bold overdue" if p.days_left < 0 else "dv-days"
    return format_html('<span class="{}">{}</span>', css, num(p.days_left))


def _read_senders(user, rows, where):
    record_sender_reads(actor=user, petitions=rows, where=str(where))


def _api_petition(p, user):
    p.sender_name, p.sender_address = sender_for(user, p)
    return p


PETITIONS = register(ListDefinition(
    key="voice.petitions", form=PetitionFilterForm, query=filter_petitions, rows=ClockedPetitions,
    columns=[
        Column("code", _("Tracking code"), width=16, link=lambda p: reverse("petition_detail", args=[p.pk])),
        Column("received_on", _("Received on"), format="date", width=12),
        Column("kind", _("Kind"), format="choice", width=14),
        Column("subject", _("Subject"), width=50),
        Column("sender", _("Sender"), value=lambda p, user: sender_for(user, p)[0], reader=True, width=28,
               css="sender"),
        Column("state", _("State"), format="choice", width=16),
        Column("days_left", _("Days left"), format="number", width=10, display=_days_left),
    ],
    title=_("Petitions"), filename="so-don-thu", list_url="petition_list", export_url="petition_export",
    read=_read_senders, api_row=_api_petition, empty=_("No petition in your scope matches these filters."),
))


def _receiver(s):
    if not s.position_text:
        return s.receiver.full_name
    return format_html('{} <span class="text-muted small">({})</span>', s.receiver.full_name, s.position_text)


RECEPTIONS = register(ListDefinition(
    key="voice.receptions", form=ReceptionFilterForm, query=filter_sessions,
    columns=[
        Column("held_on", _("Held on"), format="date", width=12,
               link=lambda s: reverse("reception_detail", args=[s.pk])),
        Column("receiver", _("Received by"), value="receiver.full_name", width=26, display=_receiver),
        Column("position_text", _("Position"), width=26, table=False),
        Column("organization", _("Organization"), value="organization.name", width=30),
        Column("rule", _("Rule"), format="choice", width=16),
        Column("kind", _("Kind"), format="choice", width=14),
        Column("place", _("Place"), width=26, table=False),
        Column("n_cases", _("Cases"), format="number", width=10),
    ],
    title=_("Receptions"), filename="so-tiep-cong-dan", list_url="reception_list", export_url="reception_export",
    empty=_("No reception in your scope matches these filters."),
))


def _notice(d):
    shown = d.notice_published_on.strftime("%d/%m/%Y") if d.notice_published_on else "—"
    return format_html('<span class="text-danger">{}</span>', shown) if d.notice_late else shown


DIALOGUES = register(ListDefinition(
    key="voice.dialogues", form=DialogueFilterForm, query=filter_dialogues,
    columns=[
        Column("held_on", _("Held on"), format="date", width=12),
        Column("title", _("Title"), value="meeting.title", width=40,
               link=lambda d: reverse("dialogue_detail", args=[d.pk])),
        Column("organization", _("Organization"), value="organization.name", width=30),
        Column("rule", _("Rule"), format="choice", width=16, table=False),
        Column("notice_published_on", _("Notice"), format="date", width=12, display=_notice),
        Column("result_notice_on", _("Result notice"), format="date", width=12),
        Column("n_opinions", _("Opinions"), format="number", width=10),
    ],
    title=_("Dialogues"), filename="so-doi-thoai", list_url="dialogue_list", export_url="dialogue_export",
    empty=_("No dialogue in your scope matches these filters."),
))


COMMITMENT_STATE_LABELS = {"on_time": _("Kept on time"), "late": _("Kept late"), "overdue": _("Overdue"),
                           "open": _("Open")}


def _commitment_state(o):
    return str(COMMITMENT_STATE_LABELS[commitment_state(o)])


def _commitment_state_cell(o):
    state = commitment_state(o)
    css = "text-danger fw-bold" if state == "overdue" else ""
    return format_html('<span class="{}">{}</span>', css, COMMITMENT_STATE_LABELS[state])


def _commitment_queryset(user, **filters):
    return filter_commitments(user, **filters).select_related("organization")


COMMITMENTS = register(ListDefinition(
    key="voice.commitments", form=CommitmentFilterForm, query=_commitment_queryset,
    columns=[
        Column("text", _("Opinion"), width=50),
        Column("dialogue", _("Dialogue"), value=lambda o: o.dialogue.meeting.title if o.dialogue_id else "",
               width=36, link=lambda o: reverse("dialogue_detail", args=[o.dialogue_id]) if o.dialogue_id else None),
        Column("organization", _("Organization"), value="organization.name", width=30),
        Column("leader", _("Leader"), value=lambda o: o.leader.full_name if o.leader_id else "", width=26),
        Column("due_date", _("Due"), value="task.due_date", format="date", width=12),
        Column("state", _("State"), value=_commitment_state, width=16, display=_commitment_state_cell),
    ],
    title=_("Ledger of promises"), filename="so-theo-doi-loi-hua", list_url="promise_ledger",
    export_url="commitment_export", empty=_("No commitment in your scope matches these filters."),
))
