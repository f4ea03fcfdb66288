import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from danvan.core.text import folded_key, search_filter, sort_key


class Kind(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", _("Party committee")
    MOBILIZATION_COMMISSION = "mobilization_commission", _("Mass mobilization commission")
    PARTY_BUILDING_COMMISSION = "party_building_commission", _("Party building commission (commune)")
    FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front")
    FARMERS = "farmers", _("Farmers' Union")
    WOMEN = "women", _("Women's Union")
    YOUTH = "youth", _("Ho Chi Minh Communist Youth Union")
    VETERANS = "veterans", _("Veterans' Association")
    TRADE_UNION = "trade_union", _("Trade union")
    ASSOCIATION = "association", _("Other mass association")
    STATE = "state", _("State body")
    MILITARY = "military", _("Military")
    POLICE = "police", _("Police")
    BORDER_GUARD = "border_guard", _("Border guard")


# Users of these organizations act on every organization in their area's subtree (history included).
AREA_SCOPED_KINDS = frozenset({Kind.PARTY_COMMITTEE, Kind.MOBILIZATION_COMMISSION, Kind.PARTY_BUILDING_COMMISSION})
# The organizations that make up the khối dân vận of an area.
MOBILIZATION_BLOCK_KINDS = frozenset(Kind) - {Kind.PARTY_COMMITTEE}
POLITICAL_SOCIAL_KINDS = frozenset({Kind.FARMERS, Kind.WOMEN, Kind.YOUTH, Kind.VETERANS, Kind.TRADE_UNION})


class OrganizationQuerySet(models.QuerySet):
    def for_user(self, user, action: str = "view"):
        """The organizations ``user`` may act on with ``action``: the one scoping mechanism."""
        from danvan.orgs.scope import InIds, scope_ids, visible_organizations

        ids = scope_ids(user, action)
        return self.filter(InIds("id", ids) if ids is not None else Q(id__in=visible_organizations(user, action)))

    def valid_on(self, day: datetime.date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def current(self):
        return self.filter(valid_to__isnull=True)

    def in_area(self, area, *, history: bool = True):
        """Organizations located in ``area``'s subtree (with history: in units that became part of it)."""
        from danvan.places.models import AreaReach

        reach = AreaReach.objects.filter(ancestor=area)
        if not history:
            reach = reach.filter(via_history=False)
        return self.filter(area_id__in=reach.values("descendant_id"))

    def under(self, organization):
        """``organization`` and every organization below it in the organization tree."""
        return self.filter(id__in=OrganizationReach.objects.filter(ancestor=organization).values("descendant_id"))

    def search(self, query: str):
        return search_filter(self, query)


class Organization(models.Model):
    """A body of the dân vận network at one level: a Party committee, its commission, the MTTQ, a
    political-social organization, an association, a state body or an armed-force unit."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(pgettext_lazy("organization", "kind"), max_length=32, choices=Kind.choices, db_index=True)
    area = models.ForeignKey(
        "places.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="organizations"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("parent organization"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("active from"), null=True, blank=True)
    valid_to = models.DateField(_("active until"), null=True, blank=True, db_index=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    name_folded = models.CharField(max_length=300, editable=False, db_index=True)
    name_sort = models.CharField(max_length=260, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organization")
        ordering = ["name_sort", "id"]

    def __str__(self):
        return self.name

    @property
    def is_area_scoped(self) -> bool:
        return self.kind in AREA_SCOPED_KINDS

    @property
    def is_active(self) -> bool:
        return self.valid_to is None or self.valid_to >= timezone.localdate()

    def fill_derived(self):
        self.name_folded = folded_key(self.name, self.short_name)
        self.name_sort = sort_key(self.name)

    def save(self, *args, **kwargs):
        self.fill_derived()
        super().save(*args, **kwargs)


class OrganizationSuccession(models.Model):
    """A dated link between an organization and the one that continued its work."""

    class Kind(models.TextChoices):
        RENAME = "rename", _("rename")
        MERGE = "merge", _("merger")
        SPLIT = "split", _("split")
        TRANSFER = "transfer", _("transfer of duties")

    predecessor = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="successor_links")
    successor = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="predecessor_links")
    kind = models.CharField(_("kind of change"), max_length=10, choices=Kind.choices)
    effective = models.DateField(_("effective date"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("organization succession")
        verbose_name_plural = _("organization succession")
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="org_succession_unique")]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


class OrganizationReach(models.Model):
    """Closure of the organization tree: ``descendant`` is ``ancestor`` or lies below it."""

    ancestor = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    descendant = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="reach_up")
    depth = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ancestor", "descendant"], name="org_reach_unique")]
        indexes = [models.Index(fields=["descendant", "ancestor"], name="org_reach_up_idx")]
