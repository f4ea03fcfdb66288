"""The kinds of item a commune must make public (Luật 10/2022/QH15, Điều 11–13), kept as editable data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Recurrence(models.TextChoices):
    ON_ISSUE = "on_issue", _("each time a document is issued")
    QUARTERLY = "quarterly", _("quarterly")
    HALF_YEARLY = "half_yearly", _("half-yearly")
    YEARLY = "yearly", _("yearly")
    PER_PROJECT = "per_project", _("per project")


# Recurrences for which obligations are generated per period; the others are triggered by a document.
PERIODIC_RECURRENCES = (Recurrence.QUARTERLY, Recurrence.HALF_YEARLY, Recurrence.YEARLY)


class Channel(models.TextChoices):
    """Điều 12: the ways a commune makes an item public."""
    OFFICE = "office", _("posted at the commune office")
    PORTAL = "portal", _("the commune's web portal")
    RADIO = "radio", _("the commune radio")
    VILLAGE_HEADS = "village_heads", _("through the village heads")
    LETTER = "letter", _("letters to citizens")
    CONFERENCE = "conference", _("dialogue conference")
    RECEPTION = "reception", _("receptions and voter meetings")
    MASS_ORGS = "mass_orgs", _("through the mass organizations")
    SOCIAL = "social", _("lawful social networks")


# Channels on which an item stays posted for a period (a start and an end).
POSTING_CHANNELS = frozenset({Channel.OFFICE, Channel.PORTAL})


class DisclosureItem(models.Model):
    """One of the 14 kinds of item (Điều 11). Reference data, not owned by an organization: an
    administrator edits it in the admin site. ``unconfirmed`` marks values taken as defaults whose legal
    wording or figure has not been checked; ``note`` says which."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    recurrence = models.CharField(_("recurrence"), max_length=12, choices=Recurrence.choices)
    channels = models.JSONField(_("required channels"), default=list,
                                help_text=_("Codes of the channels every disclosure of this item must use."))
    deadline_days = models.PositiveSmallIntegerField(
        _("deadline after issuance (days)"), default=30,
        help_text=_("Days after the document is issued (or the period ends) by which it must be made public."))
    min_posting_days = models.PositiveSmallIntegerField(_("minimum posting period (days)"), default=30)
    min_radio_days = models.PositiveSmallIntegerField(_("minimum radio broadcast (consecutive days)"), default=0)
    unconfirmed = models.BooleanField(_("values unconfirmed"), default=True)
    note = models.TextField(_("note"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("kind of item to make public")
        verbose_name_plural = _("kinds of item to make public")

    def __str__(self):
        return f"{self.number}. {self.name}"

    def channel_labels(self) -> list[str]:
        return [str(Channel(c).label) for c in self.channels if c in Channel.values]
