import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.text import folded_key, search_filter, sort_key

REFORM_DATE = datetime.date(2025, 7, 1)
LEGACY_END = datetime.date(2025, 6, 30)


class Level(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class AreaQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date):
        """Units that existed on ``day``."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def current(self):
        return self.filter(valid_to__isnull=True)

    def under(self, area, *, history: bool = True):
        """Everything under ``area`` (itself included); with history, also the units that became part of it.

        One indexed join on the precomputed ``AreaReach`` closure.
        """
        reach = AreaReach.objects.filter(ancestor=area)
        if not history:
            reach = reach.filter(via_history=False)
        return self.filter(id__in=reach.values("descendant_id"))

    def search(self, query: str):
        """Diacritic- and case-insensitive name search: "bao ai" finds "Xã Bảo Ái"."""
        return search_filter(self, query)


class Area(models.Model):
    """An administrative unit, current (since 1 Jul 2025) or legacy (before the 2025 reform).

    Official codes repeat across eras (new Tỉnh Lào Cai has code 15, like legacy Tỉnh Yên Bái), so an
    area is addressed by its own id; ``source_key`` identifies it in the loaded data set.
    """

    code = models.CharField(_("code"), max_length=10, db_index=True)
    name = models.CharField(_("name"), max_length=120)
    kind_name = models.CharField(_("kind of unit"), max_length=30)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True, db_index=True)
    source_key = models.CharField(max_length=200, unique=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    name_folded = models.CharField(max_length=300, editable=False, db_index=True)
    # Not indexed alone: with an index, SQLite walks it in order for "search ... LIMIT 50" and reads every
    # row (20 ms); without, it filters the table and sorts the few matches (6 ms). Lists by level or
    # parent use the (level, valid_to, name_sort) and parent indexes.
    name_sort = models.CharField(max_length=260, editable=False)

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("area")
        ordering = ["name_sort", "id"]
        indexes = [models.Index(fields=["level", "valid_to", "name_sort"], name="area_level_valid_idx")]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.kind_name} {self.name}"

    @property
    def is_legacy(self) -> bool:
        return self.valid_to is not None

    def fill_derived(self):
        self.name_folded = folded_key(self.kind_name, self.name)
        self.name_sort = sort_key(self.name)

    def save(self, *args, **kwargs):
        self.fill_derived()
        super().save(*args, **kwargs)


class AreaSuccession(models.Model):
    """A dated link old -> new: a merger, a split, a rename or a change of status."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("merger")
        SPLIT = "split", _("split")
        RENAME = "rename", _("rename")
        UPGRADE = "upgrade", _("change of status")
        REORGANIZE = "reorganize", _("reorganized, same name")

    predecessor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="successor_links")
    successor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="predecessor_links")
    kind = models.CharField(_("kind of change"), max_length=10, choices=Kind.choices, default=Kind.MERGE)
    effective = models.DateField(_("effective date"))
    is_main = models.BooleanField(
        _("main successor"), default=True,
        help_text=_("When an old unit was split between several new ones: the one that took the main part."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("area succession")
        verbose_name_plural = _("area succession")
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="area_succession_unique")]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


class AreaReach(models.Model):
    """Closure of the area tree and of succession: ``descendant`` is part of ``ancestor``.

    ``via_history`` marks rows that hold only because of a succession (legacy Yên Bái under new
    Lào Cai). Rebuilt by ``places.domain.units.rebuild_reach``.
    """

    ancestor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    descendant = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="reach_up")
    via_history = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ancestor", "descendant"], name="area_reach_unique")]
        indexes = [models.Index(fields=["descendant", "ancestor"], name="area_reach_up_idx")]
