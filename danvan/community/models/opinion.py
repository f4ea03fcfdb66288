"""Public opinion (dư luận xã hội): topics the Ban asks about, and opinion reports from collaborators and
organizations. Opinions never name the people quoted; their content is sensitive (category "opinion")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import folded_key
from danvan.orgs.scoping import ScopedManager, ScopedModel


class SocialGroup(models.TextChoices):
    """The social group a collaborator represents, or a current of opinion comes from."""

    WORKERS = "workers", _("Workers")
    FARMERS = "farmers", _("Farmers")
    INTELLECTUALS = "intellectuals", _("Intellectuals")
    YOUTH = "youth", _("Youth")
    WOMEN = "women", _("Women")
    VETERANS = "veterans", _("Veterans")
    BUSINESS = "business", _("Business people")
    ETHNIC = "ethnic", _("Ethnic minorities")
    RELIGIOUS = "religious", _("Religious followers")
    RETIRED = "retired", _("Retired officials")
    OFFICIALS = "officials", _("Officials and public employees")
    OTHER = "other", _("Other")


class CollaboratorLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    COMMUNE = "commune", _("Commune")
    VILLAGE = "village", _("Village or residential group")


class OpinionCollaborator(ScopedModel, models.Model):
    """A collaborator who reports public opinion (cộng tác viên dư luận xã hội), managed by one Ban. A
    confidential one (đơn tuyến) is known by name only to the leaders of the managing Ban: everyone else
    sees ``code``. The identity is kept here, not in the people registry, so that no other page shows it."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("managing organization"),
                                     on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("code"), max_length=20, unique=True, editable=False)
    full_name = models.CharField(_("full name"), max_length=120)
    gender = models.CharField(_("gender"), max_length=10, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    occupation = models.CharField(_("occupation or position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=CollaboratorLevel.choices)
    social_group = models.CharField(_("social group represented"), max_length=16, choices=SocialGroup.choices)
    area = models.ForeignKey("places.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    decision_number = models.CharField(_("appointment decision"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    term_from = models.DateField(_("term from"))
    term_to = models.DateField(_("term until"), null=True, blank=True)
    confidential = models.BooleanField(_("confidential (đơn tuyến)"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("opinion collaborator")
        verbose_name_plural = _("opinion collaborators")
        ordering = ["code"]

    def __str__(self):
        return self.code


class OpinionTopic(ScopedModel, models.Model):
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("asking organization"),
                                     on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("topic"), max_length=200)
    guidance = models.TextField(_("guidance"), blank=True)
    due_date = models.DateField(_("due date"))
    title_folded = models.CharField(max_length=400, editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("opinion topic")
        verbose_name_plural = _("opinion topics")
        ordering = ["-due_date", "id"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title_folded = folded_key(self.title)[:400]
        super().save(*args, **kwargs)


class OpinionReport(ScopedModel, models.Model):
    class Stance(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Against")
        UNDECIDED = "undecided", _("Undecided")

    class Source(models.TextChoices):
        DIRECT = "direct", _("Directly")
        SOCIAL = "social", _("Social networks")
        MEETINGS = "meetings", _("Meetings")
        PRESS = "press", _("Press")

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("reporting organization"),
                                     on_delete=models.PROTECT, related_name="+")
    topic = models.ForeignKey(OpinionTopic, verbose_name=_("topic"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="reports")
    area = models.ForeignKey("places.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("date"))
    collaborator = models.ForeignKey(OpinionCollaborator, verbose_name=_("collaborator"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="reports")
    social_group = models.CharField(_("main social group"), max_length=16, choices=SocialGroup.choices,
                                    default=SocialGroup.OTHER)
    social_groups = models.CharField(_("social groups"), max_length=200)
    statement = models.TextField(_("current of opinion"))
    stance = models.CharField(_("stance"), max_length=10, choices=Stance.choices)
    strength = models.PositiveSmallIntegerField(_("strength (1–5)"))
    spread = models.PositiveSmallIntegerField(_("how widespread (1–5)"))
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    recommendation = models.TextField(_("recommendation"), blank=True)
    urgent = models.BooleanField(_("urgent"), default=False)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("acknowledged by"), null=True,
                                        blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("opinion report")
        verbose_name_plural = _("opinion reports")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["urgent", "acknowledged_at"])]

    def __str__(self):
        return f"{self.social_groups} {self.date:%d/%m/%Y}"
