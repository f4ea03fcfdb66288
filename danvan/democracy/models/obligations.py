"""What a commune must make public for a period (or for a document), and what it did."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.files import RandomName
from danvan.democracy.models.items import Channel
from danvan.orgs.scoping import ScopedManager, ScopedModel


class Obligation(ScopedModel, models.Model):
    """One item a commune must make public for one period (``period_key`` "2026", "2026-H1", "2026-Q3")
    or for one document (``period_key`` "vb:<number>:<yyyy-mm-dd>"). ``due_on`` is derived from the item's
    deadline and ``basis_date`` (the period's end or the document's date) when the obligation is made,
    and again whenever an administrator changes the item's deadline. Its state is never stored: see
    ``danvan.democracy.rules.state``."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("responsible organization"),
                                     on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("places.Area", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey("democracy.DisclosureItem", verbose_name=_("item"), on_delete=models.PROTECT,
                             related_name="obligations")
    year = models.PositiveSmallIntegerField(_("year"))
    period_key = models.CharField(_("period"), max_length=120)
    basis_date = models.DateField(_("issued on / period ends on"))
    due_on = models.DateField(_("due on"), db_index=True)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    document_title = models.CharField(_("document"), max_length=300, blank=True)
    document_issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    not_applicable = models.BooleanField(_("not applicable"), default=False)
    not_applicable_reason = models.CharField(_("reason"), max_length=500, blank=True)
    job = models.ForeignKey("core.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                            editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        ordering = ["area_id", "year", "period_key", "item__number"]
        constraints = [models.UniqueConstraint(fields=["area", "item", "period_key"], name="democracy_obligation_once")]
        indexes = [models.Index(fields=["year", "area"], name="democracy_obl_year_area"),
                   models.Index(fields=["organization", "year"], name="democracy_obl_org_year")]
        verbose_name = _("disclosure obligation")

    def __str__(self):
        return f"{self.item.number}. {self.item.name} — {self.period_label}"

    @property
    def period_label(self) -> str:
        from danvan.democracy.rules.periods import period_label

        return period_label(self.period_key)


class DisclosureRecord(ScopedModel, models.Model):
    """How an obligation was made public on one channel: the source document, the dates, the radio days,
    the village heads informed, a link; evidence files hang from it."""

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="records")
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    source_number = models.CharField(_("document number"), max_length=60, blank=True)
    source_date = models.DateField(_("document date"), null=True, blank=True)
    source_issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    posted_on = models.DateField(_("made public on"))
    taken_down_on = models.DateField(_("taken down on"), null=True, blank=True)
    radio_days = models.PositiveSmallIntegerField(_("radio broadcast days"), null=True, blank=True)
    village_heads_informed = models.PositiveSmallIntegerField(_("village heads informed"), null=True, blank=True)
    village_heads_total = models.PositiveSmallIntegerField(_("of village heads"), null=True, blank=True)
    link = models.URLField(_("link"), blank=True, max_length=500)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="obligation__organization")

    class Meta:
        ordering = ["posted_on", "id"]
        verbose_name = _("disclosure record")

    def __str__(self):
        return f"{self.get_channel_display()} {self.posted_on:%d/%m/%Y}"


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", _("dated photo of the board")
    SCREENSHOT = "screenshot", _("screenshot")
    RADIO_LOG = "radio_log", _("radio log")
    RECEIPTS = "receipts", _("signed receipts")
    OTHER = "other", _("other")


class Evidence(ScopedModel, models.Model):
    record = models.ForeignKey(DisclosureRecord, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind of evidence"), max_length=12, choices=EvidenceKind.choices)
    taken_on = models.DateField(_("dated"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=RandomName("democracy"), max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="record__obligation__organization")

    class Meta:
        ordering = ["id"]
        verbose_name = _("evidence")
