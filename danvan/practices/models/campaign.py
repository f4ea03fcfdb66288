from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.scoping import ScopedManager, ScopedModel

# The seven criteria for recognition (DOMAIN §3); every new campaign starts with them.
DEFAULT_CRITERIA = [
    _("Has a specific name and place"),
    _("Registered with the body that launched the movement"),
    _("Involves many forces"),
    _("Supported and joined by the people"),
    _("Solves a pressing local problem"),
    _("Recognized by the Party committee or the government"),
    _("Sustainable and spreading"),
]


class Campaign(ScopedModel, models.Model):
    """An emulation campaign (đợt phát động) launched by a dân vận commission for a period."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("launching organization"),
                                     on_delete=models.PROTECT, related_name="practice_campaigns")
    name = models.CharField(_("name"), max_length=255)
    start_year = models.PositiveSmallIntegerField(_("from year"))
    end_year = models.PositiveSmallIntegerField(_("to year"))
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-start_year", "name", "id"]

    def __str__(self):
        return self.name


class Criterion(ScopedModel, models.Model):
    """One evaluation criterion in force for a campaign (editable data)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.CharField(_("criterion"), max_length=300)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=10)

    objects = ScopedManager(via="campaign__organization")

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["campaign", "position", "id"]

    def __str__(self):
        return self.text
