"""Hot spots (điểm nóng, vụ việc phức tạp): a place where land, environment, religion, ethnicity, labour,
free migration or security trouble is watched, with its state, risk, review date and dated updates.
Nothing of it is ever public."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import folded_key
from danvan.orgs.scoping import ScopedManager, ScopedModel


class HotSpotField(models.Model):
    """The fields of hot spots: an editable list (data), seeded with land, environment, religion,
    ethnicity, labour, free migration, security, other."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("field of hot spots")
        verbose_name_plural = _("fields of hot spots")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class HotSpotState(models.TextChoices):
    DETECTED = "detected", _("Detected")
    WATCHED = "watched", _("Watched")
    HANDLING = "handling", _("Being handled")
    STABLE = "stable", _("Stable")
    CLOSED = "closed", _("Closed")


class Risk(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    VERY_HIGH = "very_high", _("Very high")


class HotSpot(ScopedModel, models.Model):
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("responsible organization"),
                                     on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    field = models.ForeignKey(HotSpotField, verbose_name=_("field"), on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("places.Area", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+")
    village = models.CharField(_("village"), max_length=120, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    people_involved = models.PositiveIntegerField(_("people involved"), default=0)
    risk = models.CharField(_("risk level"), max_length=10, choices=Risk.choices, default=Risk.MEDIUM)
    state = models.CharField(_("state"), max_length=10, choices=HotSpotState.choices, default=HotSpotState.DETECTED)
    description = models.TextField(_("description"), blank=True)
    review_date = models.DateField(_("next review"))
    other_organizations = models.ManyToManyField("orgs.Organization", verbose_name=_("also responsible"),
                                                 blank=True, related_name="+")
    tasks = models.ManyToManyField("meetings.FollowUpTask", verbose_name=_("linked tasks"), blank=True,
                                   related_name="+")
    meetings = models.ManyToManyField("meetings.Meeting", verbose_name=_("linked dialogues and meetings"),
                                      blank=True, related_name="+")
    petitions = models.ManyToManyField("voice.Petition", verbose_name=_("linked petitions"), blank=True,
                                       related_name="+")
    search_folded = models.CharField(max_length=400, editable=False, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via=("organization", "other_organizations"))

    class Meta:
        verbose_name = _("hot spot")
        verbose_name_plural = _("hot spots")
        ordering = ["review_date", "id"]
        indexes = [models.Index(fields=["state", "review_date"]), models.Index(fields=["area", "state"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # the search key: the title's words, then the village's (``core.text.folded_key``)
        self.search_folded = folded_key(self.title, self.village)[:400]
        super().save(*args, **kwargs)


class HotSpotUpdate(ScopedModel, models.Model):
    """A dated update of a hot spot (what happened, what was done), with the state change it made."""

    hot_spot = models.ForeignKey(HotSpot, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField(_("date"))
    text = models.TextField(_("update"))
    state_from = models.CharField(max_length=10, choices=HotSpotState.choices, blank=True)
    state_to = models.CharField(max_length=10, choices=HotSpotState.choices, blank=True)
    actor = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = ScopedManager(via=("hot_spot__organization", "hot_spot__other_organizations"))

    class Meta:
        verbose_name = _("hot spot update")
        verbose_name_plural = _("hot spot updates")
        ordering = ["-on", "-id"]
