from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from danvan.core.files import RandomName
from danvan.core.text import folded_key
from danvan.orgs.scoping import ScopedManager, ScopedModel


class MeetingKind(models.TextChoices):
    ANNUAL_REVIEW = "tong_ket", _("Annual review (tổng kết)")
    INTERIM_REVIEW = "so_ket", _("Interim review (sơ kết)")
    BRIEFING = "giao_ban", _("Briefing (giao ban)")
    THEMATIC = "chuyen_de", _("Thematic meeting (chuyên đề)")
    DIALOGUE = "doi_thoai", _("Dialogue with citizens (đối thoại)")
    OTHER = "khac", _("Other")


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class Meeting(ScopedModel, models.Model):
    """A hội nghị organized by an organization (others may co-organize), reviewing a period.

    ``period`` links the reporting period (``reports.Period``); when it is set, ``period_label/start/end``
    are copied from it by the domain actions, otherwise the label is free text."""

    kind = models.CharField(pgettext_lazy("meeting", "kind"), max_length=10, choices=MeetingKind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organizing organization"),
                                     on_delete=models.PROTECT, related_name="meetings")
    co_organizers = models.ManyToManyField("orgs.Organization", verbose_name=_("co-organizers"), blank=True,
                                           related_name="co_organized_meetings")
    period = models.ForeignKey("reports.Period", verbose_name=_("reporting period"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="meetings")
    period_label = models.CharField(_("period reviewed"), max_length=100, blank=True)
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    agenda = models.TextField(_("agenda"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    title_folded = models.CharField(max_length=400, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via=("organization", "co_organizers"))

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["organization", "-starts_at"], name="meeting_org_date_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title_folded = folded_key(self.title, self.venue, self.period_label)
        super().save(*args, **kwargs)


class Role(models.TextChoices):
    PRESIDING = "chu_tri", _("Presiding (chủ trì)")
    CO_PRESIDING = "dong_chu_tri", _("Co-presiding (đồng chủ trì)")
    DIRECTING = "chi_dao", _("Attending and directing (dự và phát biểu chỉ đạo)")
    REPORTER = "bao_cao", _("Reporter (báo cáo viên)")
    DELEGATE = "dai_bieu", _("Delegate (đại biểu)")


class MeetingRole(ScopedModel, models.Model):
    """A person in a role at a meeting, with the position and organization they held then (a snapshot)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="roles")
    person = models.ForeignKey("meetings.Person", verbose_name=_("person"), on_delete=models.PROTECT,
                               related_name="meeting_roles")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    position_text = models.CharField(_("position at that time"), max_length=300, blank=True)
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organization at that time"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    organization_name = models.CharField(max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = ScopedManager(via=("meeting__organization", "meeting__co_organizers"))

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}"


class BridgePoint(ScopedModel, models.Model):
    """A điểm cầu of an online meeting: an area and/or an organization, its host, expected and present delegates."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="bridge_points")
    area = models.ForeignKey("places.Area", verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organization"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("bridge point"), max_length=300)
    host_name = models.CharField(_("host"), max_length=200, blank=True)
    expected = models.PositiveIntegerField(_("expected delegates"), default=0)
    present = models.PositiveIntegerField(_("present delegates"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager(via=("meeting__organization", "meeting__co_organizers"))

    class Meta:
        verbose_name = _("bridge point")
        verbose_name_plural = _("bridge points")
        ordering = ["order", "id"]
        indexes = [models.Index(fields=["meeting", "order"], name="bridge_meeting_order_idx")]

    def __str__(self):
        return self.name


class Contribution(ScopedModel, models.Model):
    """A contribution (tham luận, ý kiến) by an organization's speaker."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="contributions")
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organization"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    summary = models.TextField(_("summary"))

    objects = ScopedManager(via=("meeting__organization", "meeting__co_organizers"))

    class Meta:
        ordering = ["id"]


class MeetingDocument(ScopedModel, models.Model):
    """A file of the meeting, or a link (e.g. to a report of the period)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=RandomName("meetings"), max_length=200, blank=True)
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    link = models.URLField(_("link"), blank=True)
    register_entry_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via=("meeting__organization", "meeting__co_organizers"))

    class Meta:
        ordering = ["id"]


class Conclusion(ScopedModel, models.Model):
    """A numbered item of the meeting's conclusions (kết luận)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="conclusions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("conclusion"))

    objects = ScopedManager(via=("meeting__organization", "meeting__co_organizers"))

    class Meta:
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")
        ordering = ["number", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="conclusion_number_unique")]

    def __str__(self):
        return f"{self.number}. {self.text[:80]}"
