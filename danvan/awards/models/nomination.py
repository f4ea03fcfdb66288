from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import folded_key, sort_key
from danvan.orgs.scoping import ScopedManager, ScopedModel


class NomineeType(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PROPOSED = "proposed", _("Proposed")
    APPRAISED = "appraised", _("Appraised")
    DECIDED = "decided", _("Decided")
    REJECTED = "rejected", _("Not agreed")


class Nomination(ScopedModel, models.Model):
    """A proposal (đề nghị) that a person or a collective receive an award, by a nominating organization.

    Flow: nháp → đề nghị → thẩm định (by the level above) → quyết định or không đồng ý; every step is
    a ``NominationStep``. ``organization`` is the nominating organization (the scope)."""

    award_kind = models.ForeignKey("awards.AwardKind", verbose_name=_("award kind"), on_delete=models.PROTECT,
                                   related_name="nominations")
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    nominee_type = models.CharField(_("nominee"), max_length=10, choices=NomineeType.choices)
    person = models.ForeignKey("meetings.Person", verbose_name=_("person"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="nominations")
    collective = models.ForeignKey("orgs.Organization", verbose_name=_("collective"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    nominee_name = models.CharField(_("nominee name"), max_length=255, editable=False)
    nominee_position = models.CharField(_("position, unit"), max_length=300, blank=True)
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("nominating organization"),
                                     on_delete=models.PROTECT, related_name="nominations")
    justification = models.TextField(_("justification"))
    years_in_work = models.PositiveSmallIntegerField(_("years in dân vận work"), null=True, blank=True)
    last_discipline_year = models.PositiveSmallIntegerField(_("year of the last disciplinary measure"), null=True,
                                                            blank=True)
    established_year = models.PositiveSmallIntegerField(_("year the collective was established"), null=True,
                                                        blank=True)
    status = models.CharField(_("status"), max_length=10, choices=NominationStatus.choices,
                              default=NominationStatus.DRAFT, db_index=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    meeting = models.ForeignKey("meetings.Meeting", verbose_name=_("presented at meeting"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="nominations")
    name_folded = models.CharField(max_length=300, editable=False, db_index=True)
    name_sort = models.CharField(max_length=260, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-year", "name_sort", "id"]
        indexes = [models.Index(fields=["organization", "year", "status"], name="nomination_org_year_idx")]

    def __str__(self):
        return f"{self.nominee_name} — {self.award_kind}"

    def fill_derived(self):
        if self.person_id:
            self.nominee_name = self.person.full_name
        elif self.collective_id:
            self.nominee_name = self.collective.name
        self.name_folded = folded_key(self.nominee_name)
        words = self.nominee_name.split()
        self.name_sort = sort_key(" ".join(words[-1:] + words[:-1]) if self.person_id else self.nominee_name)

    def save(self, *args, **kwargs):
        self.fill_derived()
        super().save(*args, **kwargs)


class NominationStep(ScopedModel, models.Model):
    """One recorded step of the flow: who moved the nomination from which status to which, when and why."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=10, choices=NominationStatus.choices)
    to_status = models.CharField(max_length=10, choices=NominationStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    organization = models.ForeignKey("orgs.Organization", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(_("reason, opinion"), blank=True)

    objects = ScopedManager(via="nomination__organization")

    class Meta:
        ordering = ["at", "id"]


class NominationFile(ScopedModel, models.Model):
    """A file of the nomination dossier (tờ trình, bản tóm tắt thành tích, ...)."""

    class Kind(models.TextChoices):
        SUBMISSION = "submission", _("Submission (tờ trình)")
        ACHIEVEMENTS = "achievements", _("Summary of achievements")
        OTHER = "other", _("Other")

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind of file"), max_length=15, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(_("file"), upload_to="nominations/%Y/%m/")
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="nomination__organization")

    class Meta:
        ordering = ["id"]
