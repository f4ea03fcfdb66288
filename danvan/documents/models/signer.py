from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.scoping import ScopedManager, ScopedModel


class Authority(models.TextChoices):
    """How the signer signs (Hướng dẫn 36-HD/VPTW): in their own right, or on behalf of, in place of,
    by order of, or by delegation of the collective or the head named in ``on_behalf_of``."""

    OWN = "", _("In own right")
    ON_BEHALF = "T/M", _("T/M (on behalf of)")
    IN_PLACE = "K/T", _("K/T (signing in place of)")
    BY_ORDER = "TL", _("TL (by order of)")
    DELEGATED = "TUQ", _("TUQ (by delegation of)")


class SignerDefault(ScopedModel, models.Model):
    """Who signs an organization's documents of one type unless the officer who issues a document
    chooses otherwise (``doc_type`` blank: every type without a row of its own). Data, kept by the
    organization's officers on the register's "Người ký" page or through the API."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("issuing organization"),
                                     on_delete=models.CASCADE, related_name="signer_defaults")
    doc_type = models.CharField(_("document type"), max_length=4, blank=True)
    authority = models.CharField(_("authority"), max_length=4, blank=True, choices=Authority.choices)
    on_behalf_of = models.CharField(_("on behalf of"), max_length=150, blank=True)
    title = models.CharField(_("signer's title"), max_length=150)
    name = models.CharField(_("signer"), max_length=150)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("default signer")
        verbose_name_plural = _("default signers")
        ordering = ["organization_id", "doc_type"]
        constraints = [models.UniqueConstraint(fields=["organization", "doc_type"], name="documents_signer_unique")]

    def __str__(self):
        return f"{self.organization} {self.doc_type or '*'}: {self.title} {self.name}"
