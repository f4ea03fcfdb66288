"""Public opinion (dư luận xã hội): topics the Ban asks about, and opinion reports from collaborators and
organizations. Opinions never name the people quoted; their content is sensitive (category "opinion")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.scoping import ScopedManager, ScopedModel


class OpinionTopic(ScopedModel, models.Model):
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("asking organization"),
                                     on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("topic"), max_length=200)
    guidance = models.TextField(_("guidance"), blank=True)
    due_date = models.DateField(_("due date"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("opinion topic")
        verbose_name_plural = _("opinion topics")
        ordering = ["-due_date", "id"]

    def __str__(self):
        return self.title


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
