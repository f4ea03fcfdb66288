"""The people discuss and decide, comment on drafts, and supervise (Luật 10/2022, Chương II mục 2–4)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.files import RandomName
from danvan.orgs.scoping import ScopedManager, ScopedModel


class Matter(models.TextChoices):
    PUBLIC_WORKS = "public_works", _("public works and contributions")
    FUNDS = "funds", _("funds raised from the people")
    VILLAGE_RULES = "village_rules", _("village rules (hương ước, quy ước)")
    VILLAGE_HEAD = "village_head", _("electing the village head")
    INSPECTION_BOARD = "inspection_board", _("electing the people's inspection board")
    INVESTMENT_BOARD = "investment_board", _("electing the community investment supervision board")
    OTHER = "other", _("other")


class DecisionForm(models.TextChoices):
    SHOW_OF_HANDS = "show_of_hands", _("meeting, show of hands")
    SECRET_BALLOT = "secret_ballot", _("meeting, secret ballot")
    QUESTIONNAIRE = "questionnaire", _("household questionnaire")


class DecisionRule(models.Model):
    """The ratio rule for a matter, as data: approved when ``votes_for`` is more than ``threshold_percent``
    of the base (every household of the village or commune, or those present / questionnaires returned),
    provided at least ``quorum_percent`` of households took part. Reference data (admin site)."""

    class Base(models.TextChoices):
        TOTAL = "total", _("all households")
        PARTICIPATING = "participating", _("households present or questionnaires returned")

    matter = models.CharField(_("matter"), max_length=20, choices=Matter.choices, unique=True)
    base = models.CharField(_("counted against"), max_length=14, choices=Base.choices, default=Base.TOTAL)
    threshold_percent = models.DecimalField(_("more than (%)"), max_digits=5, decimal_places=2, default=50)
    quorum_percent = models.DecimalField(_("participation at least (%)"), max_digits=5, decimal_places=2, default=50)
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    unconfirmed = models.BooleanField(_("values unconfirmed"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("ratio rule")

    def __str__(self):
        return f"{self.get_matter_display()}: > {self.threshold_percent}%"


class CommunityDecision(ScopedModel, models.Model):
    """A matter the people of a village (or the whole commune) decided on. Whether it was approved and
    whether the minutes reached the commune late are derived (``domain.decisions``), never stored."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("recording organization"),
                                     on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("places.Area", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+")
    village = models.CharField(_("village (empty: the whole commune)"), max_length=120, blank=True)
    matter = models.CharField(_("matter"), max_length=20, choices=Matter.choices)
    subject = models.CharField(_("subject"), max_length=300)
    form = models.CharField(_("form"), max_length=14, choices=DecisionForm.choices)
    households_total = models.PositiveIntegerField(_("households in total"))
    participating = models.PositiveIntegerField(_("households present / questionnaires returned"))
    issued = models.PositiveIntegerField(_("questionnaires issued"), null=True, blank=True)
    votes_for = models.PositiveIntegerField(_("for"))
    votes_against = models.PositiveIntegerField(_("against"))
    votes_blank = models.PositiveIntegerField(_("blank or invalid"), default=0)
    decided_on = models.DateField(_("decided on"))
    sent_on = models.DateField(_("minutes sent to the commune on"), null=True, blank=True)
    recognized_on = models.DateField(_("recognized on"), null=True, blank=True)
    recognition_decision = models.CharField(_("recognition decision"), max_length=100, blank=True)
    minutes = models.FileField(_("minutes"), upload_to=RandomName("democracy"), max_length=200, blank=True)
    minutes_name = models.CharField(max_length=200, blank=True)
    subject_folded = models.CharField(max_length=400, editable=False, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("community decision")

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        from danvan.core.text import folded_key

        self.subject_folded = folded_key(self.subject)[:400]
        super().save(*args, **kwargs)


class Consultation(ScopedModel, models.Model):
    """A draft the commune put to the people before deciding (Luật 10/2022, Điều 25–31): the draft, the
    period, the channels, the opinions received and how they were taken in. Its result is itself an item
    to make public (item 11): recording the result creates that obligation (``obligation``)."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organization consulting"),
                                     on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("places.Area", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+")
    draft = models.CharField(_("draft"), max_length=300)
    summary = models.TextField(_("what the draft proposes"), blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    channels = models.JSONField(_("channels"), default=list)
    opinions_received = models.PositiveIntegerField(_("opinions received"), default=0)
    opinions_taken_in = models.PositiveIntegerField(_("opinions taken in"), default=0)
    how_taken_in = models.TextField(_("how the opinions were taken in"), blank=True)
    result_number = models.CharField(_("result document number"), max_length=60, blank=True)
    result_date = models.DateField(_("result dated"), null=True, blank=True)
    obligation = models.ForeignKey("democracy.Obligation", verbose_name=_("obligation to make the result public"),
                                   null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    draft_folded = models.CharField(max_length=400, editable=False, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        ordering = ["-opens_on", "-id"]
        verbose_name = _("consultation")

    def __str__(self):
        return self.draft

    def save(self, *args, **kwargs):
        from danvan.core.text import folded_key

        self.draft_folded = folded_key(self.draft)[:400]
        super().save(*args, **kwargs)

    @property
    def has_result(self) -> bool:
        return bool(self.result_number)


class BoardKind(models.TextChoices):
    INSPECTION = "inspection", _("people's inspection board")
    INVESTMENT = "investment", _("community investment supervision board")


class OversightBoard(ScopedModel, models.Model):
    """A Ban Thanh tra nhân dân (at least 5 members) or a Ban Giám sát đầu tư của cộng đồng (one per project)."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organization (the commune's Front)"),
                                     on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=BoardKind.choices)
    project = models.CharField(_("project (investment boards)"), max_length=300, blank=True)
    term_start = models.DateField(_("term from"))
    term_end = models.DateField(_("term to"), null=True, blank=True)
    members = models.JSONField(_("members"), default=list, help_text=_("[{\"name\": ..., \"role\": ...}]"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        ordering = ["kind", "-term_start"]
        verbose_name = _("oversight board")

    def __str__(self):
        return f"{self.get_kind_display()} {self.project}".strip()


class OversightFinding(ScopedModel, models.Model):
    """A finding and recommendation of a board, or of the commune's Front supervising a disclosure record
    (which it cannot edit). Addressed to an organization that must answer by ``answer_due``; late when
    unanswered after it (derived)."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("recorded by"), on_delete=models.PROTECT,
                                     related_name="+")
    board = models.ForeignKey(OversightBoard, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="findings")
    record = models.ForeignKey("democracy.DisclosureRecord", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="findings")
    addressed_to = models.ForeignKey("orgs.Organization", verbose_name=_("addressed to"), on_delete=models.PROTECT,
                                     related_name="+")
    found_on = models.DateField(_("found on"))
    finding = models.TextField(_("finding"))
    recommendation = models.TextField(_("recommendation"), blank=True)
    answer_due = models.DateField(_("answer due"), db_index=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via=("organization", "addressed_to"))

    class Meta:
        ordering = ["-found_on", "-id"]
        verbose_name = _("oversight finding")

    def __str__(self):
        return self.finding[:80]
