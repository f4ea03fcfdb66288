"""Petitions (đơn thư), their recorded steps, and the legal clocks as data (derived, never stored)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.scoping import ScopedManager, ScopedModel
from danvan.voice.models.common import CaseKind, Field


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    POST = "post", _("Post")
    BOX = "box", _("Petition box")
    PORTAL = "portal", _("Portal")
    NATIONAL_APP = "national_app", _("National app")
    TRANSFERRED = "transferred", _("Transferred from another body")


class PetitionState(models.TextChoices):
    RECEIVED = "received", _("Received")
    CLASSIFIED = "classified", _("Classified")
    GUIDED = "guided", _("Guided")
    TRANSFERRED = "transferred", _("Transferred")
    RETURNED = "returned", _("Returned")
    FILED = "filed", _("Filed (kept, not handled)")
    ACCEPTED = "accepted", _("Accepted")
    VERIFICATION = "verification", _("Verification")
    DIALOGUE = "dialogue", _("Dialogue")
    DECIDED = "decided", _("Decision or conclusion")
    ENFORCEMENT = "enforcement", _("Enforcement")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# States in which a petition is out of the handler's hands (no clock runs).
FINAL_STATES = {PetitionState.GUIDED, PetitionState.TRANSFERRED, PetitionState.RETURNED, PetitionState.FILED,
                PetitionState.CLOSED, PetitionState.WITHDRAWN}
# States in which the resolution has been given (the resolution clock stops).
RESOLVED_STATES = {PetitionState.DECIDED, PetitionState.ENFORCEMENT, PetitionState.CLOSED}


class Complexity(models.TextChoices):
    NORMAL = "normal", _("Normal")
    COMPLEX = "complex", _("Complex")
    VERY_COMPLEX = "very_complex", _("Very complex")


class ClockStage(models.TextChoices):
    ACCEPT = "accept", _("Acceptance")
    RESOLVE = "resolve", _("Resolution")


class PetitionClock(models.Model):
    """One legal clock as data: for a kind (and instance, for complaints) and a stage, how many days from
    what, by complexity and remote area, and what extends it. An amended law is a new row."""

    kind = models.CharField(_("kind"), max_length=16, choices=CaseKind.choices)
    instance = models.PositiveSmallIntegerField(_("instance"), default=1)
    stage = models.CharField(_("stage"), max_length=8, choices=ClockStage.choices)
    starts_from = models.CharField(_("starts from"), max_length=10,
                                   choices=[("received", _("the date received")), ("accepted", _("acceptance"))])
    days = models.PositiveSmallIntegerField(_("days"))
    complex_days = models.PositiveSmallIntegerField(_("days, complex case"), null=True, blank=True)
    remote_days = models.PositiveSmallIntegerField(_("days, remote area"), null=True, blank=True)
    remote_complex_days = models.PositiveSmallIntegerField(_("days, remote area and complex"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("days of one extension"), default=0)
    extensions_complex = models.PositiveSmallIntegerField(_("extensions allowed, complex"), default=0)
    extensions_very_complex = models.PositiveSmallIntegerField(_("extensions allowed, very complex"), default=0)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("legal clock")
        verbose_name_plural = _("legal clocks")
        ordering = ["kind", "instance", "stage", "-valid_from"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.instance} {self.get_stage_display()}: {self.days}"


class Petition(ScopedModel, models.Model):
    """A petition received by an organization (the handler). Its state is the last recorded step's;
    deadlines, days left and overdue are derived from the clocks (``voice.clocks``). ``due_on`` and
    ``due_stage`` are a cache of that derivation, written by the domain on every step (and by
    ``refresh_deadlines`` when a clock row changes), checked by ``manage.py check_petitions``: the
    overdue list reads one indexed column."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("handling organization"),
                                     on_delete=models.PROTECT, related_name="petitions")
    code = models.CharField(_("tracking code"), max_length=40)
    received_on = models.DateField(_("received on"), db_index=True)
    channel = models.CharField(_("channel"), max_length=14, choices=Channel.choices, default=Channel.IN_PERSON)
    transferred_from = models.CharField(_("transferred from"), max_length=300, blank=True)
    sender_name = models.CharField(_("sender"), max_length=300, blank=True)
    sender_address = models.CharField(_("sender's address"), max_length=300, blank=True)
    signatories = models.PositiveIntegerField(_("number of signatories"), default=1)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    kind = models.CharField(_("kind"), max_length=16, choices=CaseKind.choices, db_index=True)
    subject = models.CharField(_("subject"), max_length=500)
    field = models.CharField(_("field"), max_length=16, choices=Field.choices, default=Field.OTHER)
    area = models.ForeignKey("places.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    within_competence = models.BooleanField(_("within competence"), default=True)
    duplicate_of = models.ForeignKey("self", verbose_name=_("duplicate of"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="duplicates")
    repeat = models.PositiveSmallIntegerField(_("sent for the nth time"), default=1)
    instance = models.PositiveSmallIntegerField(_("instance"), default=1)
    remote = models.BooleanField(_("remote, hard-to-reach area"), default=False)
    complexity = models.CharField(_("complexity"), max_length=14, choices=Complexity.choices,
                                  default=Complexity.NORMAL)
    handler = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("handling officer"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="+")
    dialogue = models.ForeignKey("voice.Dialogue", verbose_name=_("linked dialogue"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="petitions")
    state = models.CharField(_("state"), max_length=14, choices=PetitionState.choices,
                             default=PetitionState.RECEIVED, db_index=True)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    extensions = models.PositiveSmallIntegerField(_("extensions"), default=0)
    due_on = models.DateField(_("due on"), null=True, blank=True, editable=False)
    due_stage = models.CharField(max_length=8, blank=True, editable=False)
    subject_folded = models.CharField(max_length=600, editable=False, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-received_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["organization", "code"], name="petition_code_unique")]
        indexes = [models.Index(fields=["organization", "state", "accepted_on"], name="petition_org_state_acc_idx"),
                   models.Index(fields=["organization", "kind", "state"], name="petition_org_kind_state_idx"),
                   models.Index(fields=["organization", "received_on"], name="petition_org_received_idx"),
                   # covering: the overdue list's ids in order come from the index alone
                   models.Index(fields=["organization", "due_on", "received_on", "id"], name="petition_org_due_idx")]

    def __str__(self):
        return f"{self.code} — {self.subject[:60]}"


class PetitionTally(ScopedModel, models.Model):
    """How many petitions of one handling organization, area, kind and state there are: kept by the
    domain in the same transaction as each intake and step (as reports' roll-up cells), so the counts
    by kind × state of a province read a few hundred rows; ``manage.py check_petitions`` compares them
    with the register and rebuilds them."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="+")
    area = models.ForeignKey("places.Area", on_delete=models.CASCADE, related_name="+", db_index=False)
    kind = models.CharField(max_length=16, choices=CaseKind.choices)
    state = models.CharField(max_length=14, choices=PetitionState.choices)
    n = models.IntegerField(default=0)

    objects = ScopedManager(via="organization")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "area", "kind", "state"],
                                               name="petition_tally_key")]


class PetitionStep(ScopedModel, models.Model):
    """One recorded step of a petition's life: dated, by whom, with a register number where a document is
    issued (a decision of acceptance, an extension, a conclusion)."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("step"), max_length=20)
    on = models.DateField(_("date"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    from_state = models.CharField(max_length=14, choices=PetitionState.choices, blank=True)
    to_state = models.CharField(max_length=14, choices=PetitionState.choices)
    number = models.CharField(_("document number"), max_length=60, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="petition__organization")

    class Meta:
        ordering = ["on", "id"]
