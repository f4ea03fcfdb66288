"""Receptions of citizens (tiếp dân): the obligations as data, who holds them, the sessions held and
the citizens and cases received."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.scoping import ScopedManager, ScopedModel
from danvan.voice.models.common import CaseKind, Field


class Rule(models.TextChoices):
    QD11 = "qd11", _("Quy định 11-QĐi/TW as amended by Kết luận 215-KL/TW")
    CITIZEN_RECEPTION_LAW = "law_2013", _("Luật Tiếp công dân 2013")
    FRONT = "front", _("Rule of the Fatherland Front")


class HolderPosition(models.TextChoices):
    PROVINCIAL_SECRETARY = "prov_secretary", _("Provincial Party secretary")
    COMMUNE_SECRETARY = "commune_secretary", _("Commune Party secretary")
    PROVINCIAL_CHAIRMAN = "prov_chairman", _("Provincial People's Committee chairman")
    COMMUNE_CHAIRMAN = "commune_chairman", _("Commune People's Committee chairman")
    FRONT_CHAIRMAN = "front_chairman", _("Fatherland Front chairman")


class Per(models.TextChoices):
    MONTH = "month", _("a month")
    WEEK = "week", _("a week")


class ReceptionObligation(models.Model):
    """How many reception days a position owes under a rule (reference data: an amended rule or a new
    amount is a new row with its own validity, never code)."""

    rule = models.CharField(_("rule"), max_length=12, choices=Rule.choices)
    position = models.CharField(_("position"), max_length=20, choices=HolderPosition.choices)
    days = models.PositiveSmallIntegerField(_("days"))
    per = models.CharField(_("per"), max_length=6, choices=Per.choices, default=Per.MONTH)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("reception obligation")
        verbose_name_plural = _("reception obligations")
        ordering = ["position", "-valid_from"]

    def __str__(self):
        return f"{self.get_position_display()}: {self.days} {self.get_per_display()}"

    def required_in(self, year: int, month: int) -> int:
        """Days owed in a month: per month as is; per week, once for every Monday of the month."""
        if self.per == Per.MONTH:
            return self.days
        day = datetime.date(year, month, 1)
        mondays = 0
        while day.month == month:
            mondays += day.weekday() == 0
            day += datetime.timedelta(days=1)
        return self.days * mondays


class ReceptionDuty(ScopedModel, models.Model):
    """A person (people registry) holding a position that owes receptions, in an organization, for a time."""

    person = models.ForeignKey("meetings.Person", verbose_name=_("person"), on_delete=models.PROTECT,
                               related_name="reception_duties")
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="reception_duties")
    position = models.CharField(_("position"), max_length=20, choices=HolderPosition.choices)
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("to"), null=True, blank=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("reception duty")
        verbose_name_plural = _("reception duties")
        ordering = ["organization_id", "position", "id"]

    def __str__(self):
        return f"{self.person} — {self.get_position_display()}"


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular")
    AD_HOC = "ad_hoc", _("Ad hoc")


class ReceptionSession(ScopedModel, models.Model):
    """One day of reception: who received (with the position held then), for which organization, under
    which rule, where; the citizens and cases received hang under it."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="reception_sessions")
    receiver = models.ForeignKey("meetings.Person", verbose_name=_("received by"), on_delete=models.PROTECT,
                                 related_name="reception_sessions")
    position = models.CharField(_("position"), max_length=20, choices=HolderPosition.choices, blank=True)
    position_text = models.CharField(_("position at that time"), max_length=300, blank=True)
    rule = models.CharField(_("rule"), max_length=12, choices=Rule.choices, default=Rule.QD11)
    kind = models.CharField(_("kind"), max_length=8, choices=SessionKind.choices, default=SessionKind.REGULAR)
    held_on = models.DateField(_("held on"), db_index=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    search_folded = models.CharField(max_length=600, editable=False, blank=True)
    meeting = models.OneToOneField("meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="reception", editable=False,
                                   help_text="the record its commitments hang on (conclusions and tasks)")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("reception session")
        verbose_name_plural = _("reception sessions")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["organization", "held_on"], name="reception_org_day_idx"),
                   models.Index(fields=["receiver", "held_on"], name="reception_receiver_day_idx")]

    def __str__(self):
        return f"{self.receiver} — {self.held_on:%d/%m/%Y}"


class CitizenCase(ScopedModel, models.Model):
    """A citizen or a group received at a session, and the case they brought (personal data: the name)."""

    session = models.ForeignKey(ReceptionSession, on_delete=models.CASCADE, related_name="cases")
    citizen_name = models.CharField(_("citizen"), max_length=200, blank=True)
    people = models.PositiveIntegerField(_("number of people"), default=1)
    kind = models.CharField(_("kind"), max_length=16, choices=CaseKind.choices, default=CaseKind.RECOMMENDATION)
    field = models.CharField(_("field"), max_length=16, choices=Field.choices, default=Field.OTHER)
    subject = models.CharField(_("subject"), max_length=500)
    outcome = models.TextField(_("answer or direction"), blank=True)

    objects = ScopedManager(via="session__organization")

    GROUP_SIZE = 5  # "đoàn đông người": five people or more (Luật Tiếp công dân, Điều 28; as data below)

    class Meta:
        verbose_name = _("citizen case")
        verbose_name_plural = _("citizen cases")
        ordering = ["id"]

    def __str__(self):
        return self.subject[:80]

    @property
    def is_group(self) -> bool:
        return self.people >= self.GROUP_SIZE
