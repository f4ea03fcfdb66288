import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.text import fold, sort_key

REFORM_DATE = datetime.date(2025, 7, 1)
LEGACY_END = datetime.date(2025, 6, 30)


class Level(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


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
        qs = self
        for word in fold(query).split():
            qs = qs.filter(name_folded__contains=word)
        return qs


class Area(models.Model):
    """An administrative unit, current (since 1 Jul 2025) or legacy (before the 2025 reform).

    Official codes repeat across eras (new Tỉnh Lào Cai has code 15, like legacy Tỉnh Yên Bái), so an
    area is addressed by its own id; ``source_key`` identifies it in the loaded data set.
    """

    code = models.CharField(_("mã"), max_length=10, db_index=True)
    name = models.CharField(_("tên"), max_length=120)
    kind_name = models.CharField(_("loại đơn vị"), max_length=30)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True, db_index=True)
    source_key = models.CharField(max_length=200, unique=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    name_folded = models.CharField(max_length=300, editable=False, db_index=True)
    name_sort = models.CharField(max_length=260, editable=False, db_index=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("địa bàn")
        verbose_name_plural = _("địa bàn")
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
        self.name_folded = fold(f"{self.kind_name} {self.name}")
        self.name_sort = sort_key(self.name)

    def save(self, *args, **kwargs):
        self.fill_derived()
        super().save(*args, **kwargs)


class AreaSuccession(models.Model):
    """A dated link old -> new: a merger, a split, a rename or a change of status."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("sáp nhập")
        SPLIT = "split", _("chia tách")
        RENAME = "rename", _("đổi tên")
        UPGRADE = "upgrade", _("nâng cấp, chuyển đổi")
        REORGANIZE = "reorganize", _("sắp xếp lại, giữ tên")

    predecessor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="successor_links")
    successor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="predecessor_links")
    kind = models.CharField(_("hình thức"), max_length=10, choices=Kind.choices, default=Kind.MERGE)
    effective = models.DateField(_("ngày hiệu lực"))
    is_main = models.BooleanField(
        _("nơi tiếp nhận chính"), default=True,
        help_text=_("Khi một đơn vị cũ được chia cho nhiều đơn vị mới: đơn vị nhận phần chính."),
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("kế thừa địa bàn")
        verbose_name_plural = _("kế thừa địa bàn")
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
