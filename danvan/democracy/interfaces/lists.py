"""The disclosure obligations' export through the core list mechanism (``danvan.core.lists``): the same
filter form as the page and the API, the derived state computed per chunk of rows (never stored)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import Column, ListDefinition, register
from danvan.democracy.interfaces.forms import DisclosureFilterForm
from danvan.democracy.models import Channel
from danvan.democracy.queries import disclosures as q


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
