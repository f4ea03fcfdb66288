"""The religious registry, with history: religions (reference data), religious organizations, places of
worship and dignitaries (chức sắc: a rank conferred by a religious organization; chức việc: a post in it),
each kept by a dân vận organization (its scope) and dated (since/until)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import folded_key, sort_key
from danvan.orgs.scoping import ScopedManager, ScopedModel


class Religion(models.Model):
    """One of the religions recognized in Vietnam (16 by 2025): reference data, seeded by a migration."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    name_sort = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        verbose_name = _("religion")
        verbose_name_plural = _("religions")
        ordering = ["name_sort"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_sort = sort_key(self.name)
        super().save(*args, **kwargs)


class _Named(ScopedModel, models.Model):
    name = models.CharField(_("name"), max_length=200)
    religion = models.ForeignKey(Religion, verbose_name=_("religion"), on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("keeping organization"),
                                     on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("places.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(_("since"), null=True, blank=True)
    valid_to = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    name_folded = models.CharField(max_length=400, editable=False, db_index=True)
    name_sort = models.CharField(max_length=400, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager(via="organization")

    class Meta:
        abstract = True
        ordering = ["name_sort", "id"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded, self.name_sort = folded_key(self.name), sort_key(self.name)
        super().save(*args, **kwargs)


class ReligiousOrganization(_Named):
    """A recognized religious organization (e.g. Giáo hội Phật giáo Việt Nam tỉnh Lào Cai)."""

    objects = ScopedManager(via="organization")

    class Meta(_Named.Meta):
        verbose_name = _("religious organization")
        verbose_name_plural = _("religious organizations")


class PlaceOfWorship(_Named):
    """A place of worship (chùa, nhà thờ, điểm nhóm…) in a commune (legacy commune kept)."""

    religious_organization = models.ForeignKey(ReligiousOrganization, verbose_name=_("religious organization"),
                                               null=True, blank=True, on_delete=models.PROTECT, related_name="places")
    village = models.CharField(_("village"), max_length=120, blank=True)

    objects = ScopedManager(via="organization")

    class Meta(_Named.Meta):
        verbose_name = _("place of worship")
        verbose_name_plural = _("places of worship")


class Dignitary(ScopedModel, models.Model):
    """One rank or post of a person in a religious organization, from one date to another: a person has
    as many rows as ranks and posts over the years (the history)."""

    class Kind(models.TextChoices):
        RANK = "rank", _("Dignitary (chức sắc: a rank)")
        POST = "post", _("Office holder (chức việc: a post)")

    person = models.ForeignKey("meetings.Person", verbose_name=_("person"), on_delete=models.PROTECT,
                               related_name="religious_titles")
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    title = models.CharField(_("rank or post"), max_length=120)
    religion = models.ForeignKey(Religion, verbose_name=_("religion"), on_delete=models.PROTECT, related_name="+")
    religious_organization = models.ForeignKey(ReligiousOrganization, verbose_name=_("religious organization"),
                                               null=True, blank=True, on_delete=models.PROTECT,
                                               related_name="dignitaries")
    place = models.ForeignKey(PlaceOfWorship, verbose_name=_("place of worship"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="dignitaries")
    area = models.ForeignKey("places.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("keeping organization"),
                                     on_delete=models.PROTECT, related_name="+")
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    end_note = models.CharField(_("why it ended"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("dignitary")
        verbose_name_plural = _("dignitaries")
        ordering = ["-since", "id"]
        indexes = [models.Index(fields=["area", "until"])]

    def __str__(self):
        return f"{self.title} {self.person.full_name}"
