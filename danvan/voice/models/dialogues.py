"""Dialogues (a meeting of kind đối thoại, reused from meetings) and the citizens' opinions raised at a
dialogue or a reception, with their outcomes; a commitment becomes a follow-up task of meetings."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.scoping import ScopedManager, ScopedModel
from danvan.voice.models.common import Field

NOTICE_DAYS_BEFORE = 7  # Luật Tổ chức chính quyền địa phương 2025: announced at least 7 days before
RESULT_DAYS_AFTER = 10  # results announced and posted within 10 days after


class DialogueRule(models.TextChoices):
    QD11 = "qd11", _("Quy định 11-QĐi/TW (Party secretary)")
    COMMUNE_YEARLY = "commune_yearly", _("Commune's yearly dialogue (local-government law 2025)")
    VOTERS_ASKED = "voters_asked", _("At least ten percent of the voters asked")
    PROVINCIAL = "provincial", _("Provincial rule")


class Dialogue(ScopedModel, models.Model):
    """What a dialogue adds to its meeting: the rule, the notice before, the Front's gathered opinions
    and the result notice after. Late notices are derived from the dates, never stored."""

    meeting = models.OneToOneField("meetings.Meeting", on_delete=models.CASCADE, related_name="dialogue")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+",
                                     editable=False)
    rule = models.CharField(_("rule"), max_length=16, choices=DialogueRule.choices,
                            default=DialogueRule.COMMUNE_YEARLY)
    held_on = models.DateField(_("held on"), db_index=True)
    notice_published_on = models.DateField(_("notice published on"), null=True, blank=True)
    notice_late_reason = models.CharField(_("reason the notice was late"), max_length=500, blank=True)
    front_opinions = models.TextField(_("opinions gathered by the Front beforehand"), blank=True)
    result_notice_on = models.DateField(_("result notice issued on"), null=True, blank=True)
    result_posted_on = models.DateField(_("posted at the commune office on"), null=True, blank=True)
    result_sent_on = models.DateField(_("sent to the village heads on"), null=True, blank=True)
    result_document = models.ForeignKey("documents.IssuedDocument", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    public = models.BooleanField(_("published on the public portal"), default=False,
                                 help_text=_("The calendar entry, and the result notice with the promises and "
                                             "their state; never a citizen's name."))
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["organization", "held_on"], name="dialogue_org_day_idx")]

    def __str__(self):
        return str(self.meeting)

    @property
    def notice_due(self) -> datetime.date:
        return self.held_on - datetime.timedelta(days=NOTICE_DAYS_BEFORE)

    @property
    def notice_late(self) -> bool:
        return self.notice_published_on is None or self.notice_published_on > self.notice_due

    @property
    def result_due(self) -> datetime.date:
        return self.held_on + datetime.timedelta(days=RESULT_DAYS_AFTER)

    def result_late(self, today: datetime.date) -> bool:
        if self.result_notice_on is None:
            return today > self.result_due
        return self.result_notice_on > self.result_due


class Outcome(models.TextChoices):
    PENDING = "pending", _("Not answered yet")
    ANSWERED = "answered", _("Answered on the spot")
    COMMITMENT = "commitment", _("Commitment with a due date")
    TRANSFERRED = "transferred", _("Transferred to a competent body")
    NOT_COMPETENT = "not_competent", _("Not within competence")


class Opinion(ScopedModel, models.Model):
    """A citizen's opinion (ý kiến, kiến nghị) raised at a dialogue or a reception, and its outcome. A
    commitment is kept as a follow-up task (``meetings.FollowUpTask``) with owner, due date and evidence."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+",
                                     editable=False)
    dialogue = models.ForeignKey(Dialogue, null=True, blank=True, on_delete=models.CASCADE, related_name="opinions")
    session = models.ForeignKey("voice.ReceptionSession", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="opinions")
    text = models.TextField(_("opinion"))
    field = models.CharField(_("field"), max_length=16, choices=Field.choices, default=Field.OTHER)
    addressed_to = models.ForeignKey("orgs.Organization", verbose_name=_("addressed to"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    citizen_name = models.CharField(_("citizen (only if given)"), max_length=200, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.PENDING,
                               db_index=True)
    answer = models.TextField(_("answer"), blank=True)
    leader = models.ForeignKey("meetings.Person", verbose_name=_("leader who answered or promised"), null=True,
                               blank=True, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField(_("promised by"), null=True, blank=True)
    task = models.OneToOneField("meetings.FollowUpTask", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="opinion")
    supervision_note = models.TextField(_("the Front's supervision note"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("opinion")
        verbose_name_plural = _("opinions")
        ordering = ["id"]
        indexes = [models.Index(fields=["organization", "outcome", "due_date"], name="opinion_org_outcome_idx")]

    def __str__(self):
        return self.text[:80]
