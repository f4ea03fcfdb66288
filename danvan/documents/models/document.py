from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import folded_key
from danvan.orgs.scoping import ScopedManager, ScopedModel


class DocType(models.TextChoices):
    """Document types of a Party body with their abbreviations (Hướng dẫn 36-HD/VPTW)."""

    RESOLUTION = "NQ", _("Resolution")
    DECISION = "QĐ", _("Decision")
    CONCLUSION = "KL", _("Conclusion")
    REGULATION = "QC", _("Regulation")
    NOTICE = "TB", _("Notice")
    REPORT = "BC", _("Report")
    PLAN = "KH", _("Plan")
    PROGRAMME = "CTr", _("Programme")
    SUBMISSION = "TTr", _("Submission")
    OFFICIAL_LETTER = "CV", _("Official letter")
    MINUTES = "BB", _("Minutes")
    PROJECT = "ĐA", _("Project")
    SCHEME = "PA", _("Scheme")
    GUIDANCE = "HD", _("Guidance")
    INVITATION = "GM", _("Invitation")


class IssuedDocument(ScopedModel, models.Model):
    """One entry of the document register (sổ văn bản): a number reserved by an issuing organization
    for a document of one type in one Party term, e.g. "24-BC/BTGDVTU"."""

    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("issuing organization"), on_delete=models.PROTECT,
        related_name="issued_documents",
    )
    doc_type = models.CharField(_("document type"), max_length=4, choices=DocType.choices)
    term = models.ForeignKey("documents.PartyTerm", verbose_name=_("term"), on_delete=models.PROTECT,
                             related_name="documents")
    number = models.PositiveIntegerField(_("number"))
    symbol = models.CharField(_("number and symbol"), max_length=80, db_index=True)
    title = models.CharField(_("summary"), max_length=500)
    title_folded = models.CharField(max_length=500, editable=False, db_index=True)
    issued_on = models.DateField(_("date issued"), db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    signer_authority = models.CharField(_("authority line"), max_length=200, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True)
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("numbered by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "doc_type", "term", "number"], name="documents_number_unique"),
        ]
        indexes = [
            models.Index(fields=["organization", "-issued_on"], name="documents_org_date_idx"),
            models.Index(fields=["content_type", "object_id"], name="documents_target_idx"),
        ]

    def __str__(self):
        return self.symbol

    @property
    def number_line(self) -> str:
        """ "Số 24-BC/BTGDVTU" (no colon after "Số"; the format is a layout value)."""
        from danvan.documents.layout import format_number_line

        return format_number_line(self.symbol)

    def save(self, *args, **kwargs):
        self.title_folded = folded_key(self.title)
        super().save(*args, **kwargs)


class NumberCounter(models.Model):
    """The last number issued per (organization, document type, term): the row that numbering locks,
    so that two users never get the same number and no number is skipped."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="+")
    doc_type = models.CharField(max_length=4, choices=DocType.choices)
    term = models.ForeignKey("documents.PartyTerm", on_delete=models.CASCADE, related_name="+")
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "doc_type", "term"], name="documents_counter_unique"),
        ]
