"""Democracy's lists on the core list mechanism (``danvan.core.lists``): disclosure obligations, community
decisions and oversight findings. One definition each for the page, the API list and the XLSX export: the
same filter form, the same query; what is derived (an obligation's state, a decision's outcome and lateness,
a finding's lateness) is computed per chunk of rows, never stored."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import Column, ListDefinition, register
from danvan.democracy.domain import decisions as decision_rules
from danvan.democracy.domain import findings as finding_rules
from danvan.democracy.interfaces.forms import (
    ConsultationFilterForm,
    DecisionFilterForm,
    DisclosureFilterForm,
    FindingFilterForm,
)
from danvan.democracy.models import Channel, DecisionRule
from danvan.democracy.queries import disclosures as q
from danvan.democracy.queries.calendar import holidays
from danvan.democracy.queries.consultations import filter_consultations
from danvan.democracy.queries.people import filter_decisions, filter_findings


class _WithStates:
    """What the export iterates: the obligations with ``state`` and ``missing`` set, a chunk at a time."""

    def __init__(self, qs):
        self.qs = qs

    def count(self):
        return self.qs.count()

    def iterator(self, chunk_size=2000):
        today = timezone.localdate()
        ids = list(self.qs.values_list("pk", flat=True))
        for start in range(0, len(ids), chunk_size):
            chunk = {o.pk: o for o in q.with_states(q.list_queryset(self.qs.model.objects.unscoped(
                "rows of a queryset restricted to the user's scope").filter(pk__in=ids[start:start + chunk_size])),
                today=today)}
            for pk in ids[start:start + chunk_size]:
                yield chunk[pk]


def _query(user, **filters):
    return q.filter_obligations(user, today=timezone.localdate(), **filters)


OBLIGATIONS = register(ListDefinition(
    key="democracy.obligations", form=DisclosureFilterForm, query=_query, rows=q.list_queryset,
    export_rows=lambda qs: _WithStates(qs),
    columns=[
        Column("commune", _("Commune or ward"), value="area.full_name", width=28),
        Column("organization", _("Responsible organization"), value="organization.name", width=36),
        Column("item", _("Item"), value=lambda o: f"{o.item.number}. {o.item.name}", width=50),
        Column("period", _("Period"), value=lambda o: str(o.period_label), width=24),
        Column("due_on", _("Due on"), format="date", width=12),
        Column("state", _("State"), value=lambda o: str(o.state.label), width=26),
        Column("missing", _("Channels missing"), value=lambda o: ", ".join(
            str(Channel(c).label) for c in o.missing), width=36),
        Column("reason", _("Not applicable because"), value="not_applicable_reason", width=30),
    ],
    title=_("Disclosure obligations"), filename="nghia-vu-cong-khai", list_url="obligation_list",
    export_url="obligation_export"))


class Derived:
    """What an export iterates when a row needs derived values: the rows of ``qs`` a chunk at a time,
    each chunk passed to ``annotate(rows)`` (which sets the derived attributes, in a fixed number of
    queries per chunk). Also used by the pages for their page of rows."""

    def __init__(self, qs, annotate):
        self.qs, self.annotate = qs, annotate

    def count(self):
        return self.qs.count()

    def iterator(self, chunk_size=2000):
        chunk = []
        for row in self.qs.iterator(chunk_size=chunk_size):
            chunk.append(row)
            if len(chunk) == chunk_size:
                yield from self.annotate(chunk)
                chunk = []
        yield from self.annotate(chunk)


def annotate_decisions(rows, *, today=None):
    """Set ``outcome`` (the ratio rule), ``deadline`` and ``late`` (the 5-working-day rule, holidays
    counted out) on each decision: two queries whatever the number of rows."""
    today = today or timezone.localdate()
    rules, days_off = {r.matter: r for r in DecisionRule.objects.all()}, holidays()
    for d in rows:
        d.outcome = decision_rules.outcome(d, rules.get(d.matter) or DecisionRule(matter=d.matter))
        d.deadline = decision_rules.send_deadline(d, days_off)
        d.late = decision_rules.is_sent_late(d, today=today, holidays=days_off)
    return rows


def annotate_findings(rows, *, today=None):
    today = today or timezone.localdate()
    for f in rows:
        f.late = finding_rules.is_late(f, today=today)
    return rows


DECISIONS = register(ListDefinition(
    key="democracy.decisions", form=DecisionFilterForm, query=filter_decisions,
    export_rows=lambda qs: Derived(qs, annotate_decisions),
    columns=[
        Column("decided_on", _("Decided on"), format="date", width=12),
        Column("commune", _("Commune or ward"), value="area.full_name", width=28),
        Column("village", _("Village (empty: the whole commune)"), width=20),
        Column("matter", _("Kind of matter"), format="choice", width=30),
        Column("subject", _("Subject"), width=50),
        Column("form", _("Form of decision"), format="choice", width=24),
        Column("households_total", _("Households in total"), format="number", width=10),
        Column("participating", _("Households present / questionnaires returned"), format="number", width=12),
        Column("votes_for", _("For"), format="number", width=8),
        Column("votes_against", _("Against"), format="number", width=8),
        Column("votes_blank", _("Blank or invalid"), format="number", width=8),
        Column("percent_for", _("For (%)"), value=lambda d: float(d.outcome["percent_for"]), format="number", width=8),
        Column("approved", _("Approved by the people"), value=lambda d: d.outcome["approved"], format="bool", width=10),
        Column("deadline", _("Minutes due at the commune"), format="date", width=12),
        Column("sent_on", _("Minutes sent to the commune on"), format="date", width=12),
        Column("late", _("Sent late"), format="bool", width=8),
        Column("recognized_on", _("Recognized on"), format="date", width=12),
        Column("recognition_decision", _("Recognition decision"), width=20),
        Column("organization", _("Recording organization"), value="organization.name", width=30),
    ],
    title=_("Community decisions"), filename="quyet-dinh-cong-dong", list_url="decision_list",
    export_url="decision_export"))


FINDINGS = register(ListDefinition(
    key="democracy.findings", form=FindingFilterForm, query=filter_findings,
    export_rows=lambda qs: Derived(qs, annotate_findings),
    columns=[
        Column("found_on", _("Found on"), format="date", width=12),
        Column("organization", _("Recorded by"), value="organization.name", width=30),
        Column("board", _("Board"), value=lambda f: str(f.board) if f.board_id else "", width=30),
        Column("record", _("On a disclosure"), value=lambda f: (
            f"{f.record.obligation.item.number}. {f.record.obligation.area.full_name}" if f.record_id else ""),
            width=30),
        Column("finding", _("Finding"), width=50),
        Column("recommendation", _("Recommendation"), width=40),
        Column("addressed_to", _("Addressed to"), value="addressed_to.name", width=30),
        Column("answer_due", _("Answer due"), format="date", width=12),
        Column("answered_on", _("Answered on"), format="date", width=12),
        Column("answer", _("Answer"), width=40),
        Column("late", _("Late"), format="bool", width=8),
    ],
    title=_("Oversight findings"), filename="kien-nghi-giam-sat", list_url="finding_list",
    export_url="finding_export"))


CONSULTATIONS = register(ListDefinition(
    key="democracy.consultations", form=ConsultationFilterForm, query=filter_consultations,
    columns=[
        Column("draft", _("Draft put to the people"), link=lambda c: reverse("consultation_detail", args=[c.pk]),
               width=50),
        Column("commune", _("Commune or ward"), value="area.full_name", width=28),
        Column("opens_on", _("Opens on"), format="date", width=12),
        Column("closes_on", _("Closes on"), format="date", width=12),
        Column("channels", _("Channels"), value=lambda c: ", ".join(
            str(Channel(x).label) for x in c.channels if x in Channel.values), width=36),
        Column("opinions_received", _("Opinions received"), format="number", width=10),
        Column("opinions_taken_in", _("Opinions taken in"), format="number", width=10),
        Column("how_taken_in", _("How the opinions were taken in"), table=False, width=50),
        Column("result", _("Result"), value=lambda c: (
            f"{c.result_number} ({c.result_date:%d/%m/%Y})" if c.result_number else ""), width=24),
        Column("organization", _("Organization consulting"), value="organization.name", table=False, width=30),
    ],
    title=_("Consultations"), filename="lay-y-kien-nhan-dan", list_url="consultation_list",
    export_url="consultation_export", empty=_("No consultation in your scope matches these filters.")))
