import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import fold, sort_key
from danvan.orgs.scoping import ScopedManager, ScopedModel
from danvan.practices.models.choices import Holder, PracticeField, PracticeKind, RecognitionLevel, Status

# The registration items after the name (DOMAIN §3: the nine things a registration form asks for).
REGISTRATION_ITEMS = [
    "situation", "goals", "content", "beneficiaries_scope", "forces", "resources", "outputs", "sustainability",
]


class Practice(ScopedModel, models.Model):
    """A "Dân vận khéo" model (mô hình) or exemplar (điển hình), registered by an organization.

    Scope goes through ``organization``; ``area`` is where it is carried out (commune or above,
    current or legacy: statistics of a new unit include the legacy units that became part of it).
    """

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=PracticeKind.choices, default=PracticeKind.MODEL)
    holder = models.CharField(_("holder"), max_length=10, choices=Holder.choices, default=Holder.COLLECTIVE)
    person_name = models.CharField(_("person (for an individual)"), max_length=150, blank=True)
    field = models.CharField(_("field"), max_length=20, choices=PracticeField.choices)
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("registering organization"),
                                     on_delete=models.PROTECT, related_name="practices")
    area = models.ForeignKey("places.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="practices")
    campaign = models.ForeignKey("practices.Campaign", verbose_name=_("campaign"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="practices")
    year = models.PositiveSmallIntegerField(_("year"))
    situation = models.TextField(_("current situation and reason"), blank=True)
    goals = models.TextField(_("goals and criteria"), blank=True)
    content = models.TextField(_("content and method"), blank=True)
    beneficiaries_scope = models.TextField(_("area and beneficiaries"), blank=True)
    forces = models.TextField(_("lead and coordinating forces"), blank=True)
    resources = models.TextField(_("resources and timeline"), blank=True)
    outputs = models.TextField(_("verifiable outputs"), blank=True)
    sustainability = models.TextField(_("ability to sustain and replicate"), blank=True)
    beneficiaries = models.PositiveIntegerField(_("number of beneficiaries"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    level = models.CharField(_("recognition level"), max_length=10, choices=RecognitionLevel.choices, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    is_outstanding = models.BooleanField(_("outstanding"), default=False)
    replicates = models.ForeignKey("self", verbose_name=_("replicates the model"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="replicas")
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    name_folded = models.CharField(max_length=400, editable=False)
    name_sort = models.CharField(max_length=260, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("\"Dân vận khéo\" model")
        verbose_name_plural = _("\"Dân vận khéo\" models")
        ordering = ["name_sort", "id"]
        indexes = [
            # The scope (organization) plus the list's common filters: counts and filtered pages check
            # status/field/year/outstanding in the index instead of reading every row of the province.
            models.Index(fields=["organization", "status", "field", "year", "is_outstanding"],
                         name="practice_org_filters_idx"),
            models.Index(fields=["area", "year", "field", "status"], name="practice_area_year_idx"),
            models.Index(fields=["year", "status"], name="practice_year_status_idx"),
            models.Index(fields=["campaign", "status"], name="practice_campaign_idx"),
            models.Index(fields=["name_sort", "id"], name="practice_name_sort_idx"),
            models.Index(fields=["created_at", "id"], name="practice_created_idx"),
        ]

    def __str__(self):
        return self.name

    def fill_derived(self):
        self.name_folded = fold(f"{self.name} {self.person_name}")
        self.name_sort = sort_key(self.name)

    def save(self, *args, **kwargs):
        self.fill_derived()
        super().save(*args, **kwargs)


class PracticeEvent(ScopedModel, models.Model):
    """The life-cycle log of a practice: who moved it from which status to which, when and why."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    at = models.DateTimeField(_("time"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from status"), max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to status"), max_length=16, choices=Status.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    objects = ScopedManager(via="practice__organization")

    class Meta:
        verbose_name = _("life-cycle event")
        verbose_name_plural = _("life-cycle events")
        ordering = ["at", "id"]


def attachment_path(instance, filename: str) -> str:
    """Under MEDIA_ROOT/practices/, with an unguessable name (files are served by a scoped view)."""
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"practices/{instance.practice_id}/{uuid.uuid4().hex}{suffix}"


class PracticeAttachment(ScopedModel, models.Model):
    """A photo or document of a practice; downloaded only through the scoped view."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="practice__organization")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
