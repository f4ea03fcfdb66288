"""Visits, gifts and support with their ceilings: support policies as data (QĐ 28/2023/QĐ-TTg's amounts
as the default rows, a province's council resolution as more rows), support events checked against
them, and campaigns ("Tết visits 2027 for every person of prestige and dignitary")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import folded_key
from danvan.orgs.scoping import ScopedManager, ScopedModel


class SupportKind(models.TextChoices):
    GIFT = "gift", _("Tết or festival gift")
    ILLNESS = "illness", _("Visit when ill")
    HARDSHIP = "hardship", _("Household hardship")
    DEATH = "death", _("Condolence visit")
    INFORMATION = "information", _("Information activities")


class HospitalLevel(models.TextChoices):
    CENTRAL = "central", _("Central hospital")
    PROVINCE = "province", _("Provincial hospital")
    DISTRICT = "district", _("District hospital")
    COMMUNE = "commune", _("Commune health station")


class BeneficiaryKind(models.TextChoices):
    PRESTIGE = "prestige", _("Person of prestige")
    DIGNITARY = "dignitary", _("Religious dignitary")
    RELIGIOUS_ORG = "religious_org", _("Religious organization")
    POLICY_FAMILY = "policy_family", _("Policy family")
    POOR_HOUSEHOLD = "poor_household", _("Poor household")


class Occasion(models.TextChoices):
    TET = "tet", _("Lunar New Year (Tết)")
    FEAST = "feast", _("Religious feast")
    FESTIVAL = "festival", _("Traditional festival")
    ILLNESS = "illness", _("Illness")
    DISASTER = "disaster", _("Natural disaster")
    DEATH = "death", _("Death")
    OTHER = "other", _("Other")


class SupportPolicy(models.Model):
    """One ceiling of one kind of support, valid for a time: national (no area) or a province's (its
    council resolution; it replaces the national row for the events in that province)."""

    name = models.CharField(_("name"), max_length=200)
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    kind = models.CharField(_("kind of support"), max_length=12, choices=SupportKind.choices)
    beneficiary_kind = models.CharField(_("beneficiaries"), max_length=16, choices=BeneficiaryKind.choices, blank=True,
                                        help_text=_("Empty: any."))
    hospital_level = models.CharField(_("hospital level"), max_length=10, choices=HospitalLevel.choices, blank=True)
    area = models.ForeignKey("places.Area", verbose_name=_("province"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+", help_text=_("Empty: the whole country."))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    ceiling_per_time = models.PositiveBigIntegerField(_("ceiling per time (đ)"))
    times_per_year = models.PositiveSmallIntegerField(_("times per year"), null=True, blank=True)
    ceiling_per_year = models.PositiveBigIntegerField(_("ceiling per year (đ)"), null=True, blank=True)
    payer = models.CharField(_("who pays"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("support policy")
        verbose_name_plural = _("support policies")
        ordering = ["kind", "hospital_level", "-valid_from", "id"]
        indexes = [models.Index(fields=["kind", "valid_from"])]

    def __str__(self):
        return f"{self.name} ({self.legal_basis})"


class SupportCampaign(ScopedModel, models.Model):
    """A campaign of visits: the list of beneficiaries generated from the registries of an area, each
    assigned to an organization, followed per commune."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("launching organization"),
                                     on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    area = models.ForeignKey("places.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    occasion = models.CharField(_("occasion"), max_length=10, choices=Occasion.choices, default=Occasion.TET)
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("visit campaign")
        verbose_name_plural = _("visit campaigns")
        ordering = ["-date_from", "id"]

    def __str__(self):
        return self.name


class SupportEvent(ScopedModel, models.Model):
    """One visit, gift or support to one beneficiary, checked against the policy in force that day."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("giving organization"),
                                     on_delete=models.PROTECT, related_name="+")
    beneficiary_kind = models.CharField(_("beneficiary"), max_length=16, choices=BeneficiaryKind.choices)
    prestige_entry = models.ForeignKey("community.PrestigeEntry", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="support_events", verbose_name=_("person of prestige"))
    dignitary = models.ForeignKey("community.Dignitary", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="support_events", verbose_name=_("dignitary"))
    religious_organization = models.ForeignKey("community.ReligiousOrganization", null=True, blank=True,
                                               on_delete=models.PROTECT, related_name="support_events",
                                               verbose_name=_("religious organization"))
    beneficiary_name = models.CharField(_("beneficiary's name"), max_length=200)
    beneficiary_key = models.CharField(max_length=120, editable=False)
    beneficiary_folded = models.CharField(max_length=400, editable=False, blank=True)
    area = models.ForeignKey("places.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("date"))
    occasion = models.CharField(_("occasion"), max_length=10, choices=Occasion.choices)
    kind = models.CharField(_("kind of support"), max_length=12, choices=SupportKind.choices)
    hospital_level = models.CharField(_("hospital level"), max_length=10, choices=HospitalLevel.choices, blank=True)
    policy = models.ForeignKey(SupportPolicy, verbose_name=_("policy applied"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    leader = models.CharField(_("leader who visited"), max_length=200, blank=True)
    cash = models.PositiveBigIntegerField(_("cash (đ)"), default=0)
    in_kind = models.PositiveBigIntegerField(_("value in kind (đ)"), default=0)
    funds_source = models.CharField(_("source of funds"), max_length=200, blank=True)
    certificate = models.CharField(_("certificate"), max_length=300, blank=True,
                                   help_text=_("The hospital's paper, the commune's confirmation…"))
    campaign = models.ForeignKey(SupportCampaign, verbose_name=_("campaign"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="events")
    is_exception = models.BooleanField(_("exception to the policy"), default=False)
    exception_reason = models.CharField(_("reason for the exception"), max_length=300, blank=True)
    exception_approver = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True,
                                           blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("support event")
        verbose_name_plural = _("support events")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["beneficiary_key", "kind", "date"]), models.Index(fields=["area", "date"])]

    def __str__(self):
        return f"{self.beneficiary_name} {self.date:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        # the name's search key (``core.text.folded_key``); the name is shown to whoever sees the event
        self.beneficiary_folded = folded_key(self.beneficiary_name)[:400]
        super().save(*args, **kwargs)

    @property
    def value(self) -> int:
        return self.cash + self.in_kind
