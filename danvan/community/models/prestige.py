"""People of prestige (người có uy tín trong đồng bào dân tộc thiểu số): the list of a commune for one
five-year term, recognized by a decision, and each entry's life on it (QĐ 12/2018/QĐ-TTg, amended by
QĐ 28/2023/QĐ-TTg)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.scoping import ScopedManager, ScopedModel


class LegalBasis(models.TextChoices):
    QD_12_2018 = "qd12_2018", _("Decision 12/2018/QĐ-TTg")
    QD_28_2023 = "qd28_2023", _("Decision 12/2018/QĐ-TTg as amended by Decision 28/2023/QĐ-TTg")
    DECREE = "decree", _("The decree replacing them")


class CommunityRole(models.TextChoices):
    """What the person is in the community."""

    ELDER = "elder", _("Village elder")
    VILLAGE_HEAD = "village_head", _("Village head")
    CELL_SECRETARY = "cell_secretary", _("Party cell secretary")
    CLAN_HEAD = "clan_head", _("Clan head")
    DIGNITARY = "dignitary", _("Religious dignitary")
    RITUAL_MASTER = "ritual_master", _("Ritual master")
    PRODUCER = "producer", _("Good producer or business person")
    ARTISAN = "artisan", _("Artisan or intellectual")
    RETIRED = "retired", _("Retired official")
    OTHER = "other", _("Other")


class EntryStatus(models.TextChoices):
    NOMINATED = "nominated", _("Nominated by the village")
    SELECTED = "selected", _("Selected at the joint meeting")
    PROPOSED = "proposed", _("Proposed by the commune")
    RECOGNIZED = "recognized", _("Recognized")
    REMOVED = "removed", _("Removed from the list")
    REPLACED = "replaced", _("Replaced")


class EntryKind(models.TextChoices):
    SELECTION = "selection", _("Five-yearly selection")
    ADDITION = "addition", _("Added or replaced during the term")


class EndReason(models.TextChoices):
    DEATH = "death", _("Death")
    MOVED = "moved", _("Moved away")
    VIOLATION = "violation", _("Violation of the law or of the criteria")
    HEALTH = "health", _("Health")
    RESIGNED = "resigned", _("Own request")
    OTHER = "other", _("Other")


class PrestigeList(ScopedModel, models.Model):
    """The list of people of prestige of one commune for one five-year term (selected in the fourth
    quarter of ``selection_year``, serving the five following years), with its recognition decision.
    The commune is kept as recorded (a legacy commune stays the legacy one; counts follow the reform)."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("keeping organization"),
                                     on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("places.Area", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+")
    selection_year = models.PositiveSmallIntegerField(_("selection year"))
    term_start = models.PositiveSmallIntegerField(_("first year of the term"))
    term_end = models.PositiveSmallIntegerField(_("last year of the term"))
    legal_basis = models.CharField(_("legal basis"), max_length=12, choices=LegalBasis.choices,
                                   default=LegalBasis.QD_28_2023)
    decision_number = models.CharField(_("recognition decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("recognition decision date"), null=True, blank=True)
    authority = models.CharField(_("recognizing authority"), max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("list of people of prestige")
        verbose_name_plural = _("lists of people of prestige")
        ordering = ["-selection_year", "id"]
        indexes = [models.Index(fields=["area", "selection_year"])]

    def __str__(self):
        return _("People of prestige of %(area)s, %(a)s–%(b)s") % {
            "area": f"{self.area.kind_name} {self.area.name}", "a": self.term_start, "b": self.term_end}


class PrestigeEntry(ScopedModel, models.Model):
    """One person on a list, with the steps of their life on it: nominated at a village meeting (with
    the households present of the total), selected at the joint meeting, proposed by the commune,
    recognized; removed or replaced during the term with the reason and the decision."""

    prestige_list = models.ForeignKey(PrestigeList, verbose_name=_("list"), on_delete=models.CASCADE,
                                      related_name="entries")
    person = models.ForeignKey("meetings.Person", verbose_name=_("person"), on_delete=models.PROTECT,
                               related_name="prestige_entries")
    area = models.ForeignKey("places.Area", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+")
    village = models.CharField(_("village"), max_length=120)
    role = models.CharField(_("role in the community"), max_length=20, choices=CommunityRole.choices)
    religion = models.CharField(_("religion"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=EntryKind.choices, default=EntryKind.SELECTION)
    status = models.CharField(_("status"), max_length=12, choices=EntryStatus.choices, default=EntryStatus.NOMINATED)
    village_meeting_on = models.DateField(_("village meeting date"))
    households_present = models.PositiveIntegerField(_("households present"))
    households_total = models.PositiveIntegerField(_("households in the village"))
    selected_on = models.DateField(_("selected on"), null=True, blank=True)
    proposed_on = models.DateField(_("proposed on"), null=True, blank=True)
    recognized_on = models.DateField(_("recognized on"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    ended_on = models.DateField(_("left the list on"), null=True, blank=True)
    end_reason = models.CharField(_("reason for leaving"), max_length=10, choices=EndReason.choices, blank=True)
    end_note = models.CharField(_("details"), max_length=300, blank=True)
    end_decision = models.CharField(_("decision removing or replacing"), max_length=60, blank=True)
    replaces = models.ForeignKey("self", verbose_name=_("replaces"), null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="replaced_by")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="prestige_list__organization")

    class Meta:
        verbose_name = _("person of prestige")
        verbose_name_plural = _("people of prestige")
        ordering = ["village", "id"]
        indexes = [models.Index(fields=["status", "recognized_on"]), models.Index(fields=["area", "status"])]

    def __str__(self):
        return f"{self.person.full_name} ({self.village})"
