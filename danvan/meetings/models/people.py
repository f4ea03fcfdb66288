from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import folded_key, sort_key
from danvan.orgs.scoping import ScopedManager, ScopedModel


class Person(ScopedModel, models.Model):
    """One person in the registry shared by meetings and awards: a name, with dated positions.

    A person is visible to a user whose scope covers an organization the person holds (or held) a
    position in; reading the page is logged (audit "view")."""

    class Gender(models.TextChoices):
        MALE = "male", _("Male")
        FEMALE = "female", _("Female")

    full_name = models.CharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=50, blank=True)
    mobilization_since = models.PositiveSmallIntegerField(
        _("in dân vận work since (year)"), null=True, blank=True,
        help_text=_("Used by the eligibility rules of the awards."),
    )
    last_discipline_year = models.PositiveSmallIntegerField(_("year of the last disciplinary measure"), null=True,
                                                            blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    name_folded = models.CharField(max_length=300, editable=False, db_index=True)
    name_sort = models.CharField(max_length=260, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="positions__organization")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name_sort", "id"]

    def __str__(self):
        return self.full_name

    def fill_derived(self):
        self.name_folded = folded_key(self.full_name)
        # Vietnamese names sort by the given name (last word), then the whole name.
        words = self.full_name.split()
        self.name_sort = sort_key(" ".join(words[-1:] + words[:-1]))

    def save(self, *args, **kwargs):
        self.fill_derived()
        super().save(*args, **kwargs)


class Position(ScopedModel, models.Model):
    """A position a person held in an organization from one date to another (open when current)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(_("position"), max_length=200)
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="+")
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("to"), null=True, blank=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["-valid_from", "id"]

    def __str__(self):
        return f"{self.title}, {self.organization}"
