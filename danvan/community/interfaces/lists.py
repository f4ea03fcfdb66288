"""The module's lists on the one list mechanism (``danvan.core.lists``): one definition each for the
page, the API list and the XLSX export. Masked values are reader columns (``Column(reader=True)``: the
value is computed for the user who reads it) and every row shown is logged (``read``)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from danvan.community.domain.privacy import MASK, record_identity_read, record_read, shown
from danvan.community.interfaces.filters import (
    DignitaryFilterForm,
    HotSpotFilterForm,
    PrestigeFilterForm,
    SupportFilterForm,
)
from danvan.community.interfaces.opinion_forms import (
    CollaboratorFilterForm,
    OpinionFilterForm,
    ReadLogFilterForm,
    TopicFilterForm,
)
from danvan.community.interfaces.present import (
    collaborator_name,
    present_collaborator,
    present_dignitary,
    present_opinion,
    present_prestige_api,
)
from danvan.community.queries import hotspots as hq
from danvan.community.queries import opinion as oq
from danvan.community.queries import prestige as pq
from danvan.community.queries import reads as rq
from danvan.community.queries import religion as rq_religion
from danvan.community.queries import support as sq
from danvan.core.lists import Column, ListDefinition, register


def _area(row):
    return f"{row.area.kind_name} {row.area.name}" + (" (trước 01/07/2025)" if row.area.valid_to else "")


def _identity(field):
    def value(c, user):
        return getattr(c, field) if collaborator_name(c, user) != c.code or not getattr(c, field) else MASK
    return value


def _read_collaborators(user, rows, where):
    record_identity_read(actor=user, collaborators=rows, where=str(where))


COLLABORATORS = register(ListDefinition(
    key="community.collaborators", form=CollaboratorFilterForm, query=oq.filter_collaborators,
    columns=[
        Column("code", _("Code"), width=14, link=lambda c: reverse("collaborator_detail", args=[c.pk])),
        Column("full_name", _("Full name"), value=collaborator_name, reader=True, width=26),
        Column("birth_year", _("Year of birth"), value=lambda c, user: c.birth_year if collaborator_name(c, user)
               != c.code else None, reader=True, format="number", width=10),
        Column("occupation", _("Occupation or position"), value=_identity("occupation"), reader=True, width=26,
               table=False),
        Column("phone", _("Phone"), value=_identity("phone"), reader=True, width=14, table=False),
        Column("level", _("Level"), format="choice", width=14),
        Column("social_group", _("Social group represented"), format="choice", width=20),
        Column("area", _("Area"), value=_area, width=26),
        Column("organization", _("Managing organization"), value="organization.name", width=30),
        Column("decision_number", _("Appointment decision"), width=18),
        Column("term_from", _("Term from"), format="date", width=12),
        Column("term_to", _("Term until"), format="date", width=12),
        Column("confidential", _("Confidential"), format="bool", width=10),
    ],
    title=_("Opinion collaborators"), filename="cong-tac-vien-du-luan", list_url="collaborator_list",
    export_url="collaborator_export", read=_read_collaborators, api_row=present_collaborator,
    empty=_("No collaborator in your scope matches these filters."),
))


def _opinion(field):
    return lambda r, user: shown(user, "opinion", getattr(r, field))


def _read(user, rows, where):
    record_read(actor=user, objects=rows, where=str(where))


OPINION_REPORTS = register(ListDefinition(
    key="community.opinion_reports", form=OpinionFilterForm, query=oq.filter_reports,
    columns=[
        Column("date", _("Date"), format="date", width=12, link=lambda r: reverse("opinion_detail", args=[r.pk])),
        Column("topic", _("Topic"), value="topic.title", width=30),
        Column("area", _("Area"), value=_area, width=26),
        Column("organization", _("Reporting organization"), value="organization.name", width=30),
        Column("collaborator", _("Collaborator (code)"), value="collaborator.code", width=14),
        Column("social_group", _("Main social group"), format="choice", width=18),
        Column("social_groups", _("Social groups"), width=24, table=False),
        Column("statement", _("Current of opinion"), value=_opinion("statement"), reader=True, width=50),
        Column("stance", _("Stance"), format="choice", width=12),
        Column("strength", _("Strength (1–5)"), format="number", width=10, table=False),
        Column("spread", _("How widespread (1–5)"), format="number", width=10, table=False),
        Column("source", _("Source"), format="choice", width=14, table=False),
        Column("recommendation", _("Recommendation"), value=_opinion("recommendation"), reader=True, width=40,
               table=False),
        Column("urgent", _("Urgent"), format="bool", width=8,
               display=lambda r: format_html('<span class="badge text-bg-danger">{}</span>', gettext_now("urgent"))
               if r.urgent and r.acknowledged_at is None else (gettext_now("yes") if r.urgent else "")),
    ],
    title=_("Opinion reports"), filename="bao-cao-du-luan", list_url="opinion_list", export_url="opinion_export",
    read=_read, api_row=present_opinion, empty=_("No opinion report in your scope matches these filters."),
))


TOPICS = register(ListDefinition(
    key="community.opinion_topics", form=TopicFilterForm, query=oq.filter_topics,
    columns=[
        Column("title", _("Topic"), width=40, link=lambda t: reverse("opinion_topic", args=[t.pk])),
        Column("organization", _("Asking organization"), value="organization.name", width=30),
        Column("due_date", _("Due date"), format="date", width=12),
        Column("n_reports", _("Reports"), format="number", width=10),
    ],
    title=_("Opinion topics"), filename="chu-de-du-luan", list_url="opinion_topic_list",
    empty=_("No topic in your scope matches these filters."),
))


def _what(event):
    return f"{event.content_type.model_class()._meta.verbose_name.capitalize()}: {event.object_repr}"


READS = register(ListDefinition(
    key="community.reads", form=ReadLogFilterForm, query=rq.filter_reads,
    columns=[
        Column("at", _("Time"), width=18),
        Column("actor", _("Read by"), value=lambda e: e.actor.get_full_name() if e.actor_id else "—", width=26),
        Column("what", _("What"), value=_what, width=40),
        Column("message", _("Where and what was shown"), width=50),
    ],
    title=_("Reads of sensitive data"), filename="nhat-ky-truy-cap-du-lieu-nhay-cam", list_url="community_reads",
    export_url="community_reads_export", empty=_("No read in your scope matches these filters."),
))


def _review(spot):
    from django.utils import timezone
    from django.utils.formats import date_format

    text = date_format(spot.review_date, "d/m/Y")
    if spot.review_date < timezone.localdate() and spot.state != "closed":
        return format_html('{} <span class="badge text-bg-danger">{}</span>', text, gettext_now("overdue"))
    return text


HOT_SPOTS = register(ListDefinition(
    key="community.hot_spots", form=HotSpotFilterForm, query=hq.filter_hot_spots,
    columns=[
        Column("title", _("Title"), width=40, link=lambda s: reverse("hot_spot_detail", args=[s.pk])),
        Column("field", _("Field"), value="field.name", width=20),
        Column("area", _("Commune"), value=_area, width=26),
        Column("village", _("Village"), width=18, table=False),
        Column("risk", _("Risk level"), format="choice", width=12),
        Column("state", _("State"), format="status", width=14),
        Column("people_involved", _("People involved"), format="number", width=10, table=False),
        Column("organization", _("Responsible organization"), value="organization.name", width=30, table=False),
        Column("review_date", _("Next review"), format="date", width=12, display=lambda s: _review(s)),
    ],
    title=_("Hot spots"), filename="diem-nong", list_url="hot_spot_list", export_url="hot_spot_export",
    empty=_("No hot spot in your scope matches."),
))


SUPPORT_EVENTS = register(ListDefinition(
    key="community.support_events", form=SupportFilterForm, query=sq.filter_events,
    columns=[
        Column("date", _("Date"), format="date", width=12, link=lambda e: reverse("support_event", args=[e.pk])),
        Column("beneficiary_name", _("Beneficiary"), width=30),
        Column("beneficiary_kind", _("Kind of beneficiary"), format="choice", width=20),
        Column("area", _("Area"), value=_area, width=26),
        Column("kind", _("Kind of support"), format="choice", width=20),
        Column("occasion", _("Occasion"), format="choice", width=16, table=False),
        Column("cash", _("Cash (đ)"), format="number", width=14),
        Column("in_kind", _("Value in kind (đ)"), format="number", width=14),
        Column("organization", _("Giving organization"), value="organization.name", width=30, table=False),
        Column("leader", _("Leader who visited"), width=24, table=False),
        Column("funds_source", _("Source of funds"), width=20, table=False),
        Column("is_exception", _("Exception"), format="bool", width=10),
        Column("exception_reason", _("Reason for the exception"), width=30, table=False),
    ],
    title=_("Visits and gifts"), filename="tham-hoi-tang-qua", list_url="support_list", export_url="support_export",
    empty=_("No visit or gift in your scope matches these filters."),
))


def _log_reads(user, rows, where):
    record_read(actor=user, objects=rows, where=str(where))


PRESTIGE = register(ListDefinition(
    key="community.prestige", form=PrestigeFilterForm, query=pq.filter_entries,
    columns=[
        Column("full_name", _("Full name"), value="person.full_name", width=26,
               link=lambda e: reverse("prestige_entry", args=[e.pk])),
        Column("gender", _("Gender"), value=lambda e: e.person.get_gender_display() if e.person.gender else "",
               width=8, table=False),
        Column("birth_year", _("Year of birth"), value="person.birth_year", width=10),
        Column("ethnicity", _("Ethnicity"), value=lambda e, user: shown(user, "ethnicity", e.person.ethnicity),
               reader=True, width=14),
        Column("religion", _("Religion"), value=lambda e, user: shown(user, "religion", e.religion),
               reader=True, width=14),
        Column("village", _("Village"), width=18),
        Column("commune", _("Commune"), value=_area, width=26),
        Column("role", _("Role in the community"), format="choice", width=20),
        Column("status", _("Status"), format="status", width=14),
        Column("recognized_on", _("Recognized on"), format="date", width=12, table=False),
        Column("decision_number", _("Decision number"), width=18, table=False),
    ],
    title=_("People of prestige"), filename="nguoi-co-uy-tin", list_url="prestige_list",
    export_url="prestige_export", read=_log_reads, api_row=present_prestige_api,
    empty=_("No person of prestige in your scope matches."),
))


def _rank(d):
    return format_html('{} <span class="text-muted small">({})</span>', d.title, d.get_kind_display())


DIGNITARIES = register(ListDefinition(
    key="community.dignitaries", form=DignitaryFilterForm, query=rq_religion.filter_dignitaries,
    columns=[
        Column("full_name", _("Full name"), value="person.full_name", width=26,
               link=lambda d: reverse("dignitary_detail", args=[d.pk])),
        Column("title", _("Rank or post"), width=24, display=_rank),
        Column("kind", _("Kind"), format="choice", width=12, table=False),
        Column("religion", _("Religion"), value=lambda d, user: shown(user, "religion", d.religion.name),
               reader=True, width=16),
        Column("religious_organization", _("Religious organization"), value="religious_organization.name",
               width=28, table=False),
        Column("place", _("Place of worship"), value="place.name", width=26),
        Column("area", _("Area"), value=lambda d: f"{d.area.kind_name} {d.area.name}", width=26),
        Column("since", _("Since"), format="date", width=12),
        Column("until", _("Until"), format="date", width=12),
        Column("end_note", _("Note"), width=24, table=False),
    ],
    title=_("Dignitaries"), filename="chuc-sac-chuc-viec", list_url="religion_registry",
    export_url="dignitary_export", read=_log_reads, api_row=present_dignitary,
    empty=_("No dignitary in your scope matches."),
))
