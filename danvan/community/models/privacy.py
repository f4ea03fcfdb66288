from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.models import Kind, Role


class Category(models.TextChoices):
    """Kinds of sensitive personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)."""

    ETHNICITY = "ethnicity", _("Ethnicity")
    RELIGION = "religion", _("Religion")
    OPINION = "opinion", _("Political opinions")


class SensitiveGrant(models.Model):
    """Who sees one category of sensitive data unmasked: a role, optionally only in organizations of
    one kind. Data, not code: the defaults come from a migration, an administrator edits them in the
    admin site. A user sees the category when one of their active memberships matches a row."""

    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    organization_kind = models.CharField(_("kind of organization"), max_length=30, choices=Kind.choices, blank=True,
                                         help_text=_("Empty: any kind."))

    class Meta:
        verbose_name = _("access to sensitive data")
        verbose_name_plural = _("access to sensitive data")
        constraints = [models.UniqueConstraint(fields=["category", "role", "organization_kind"],
                                               name="community_grant_unique")]

    def __str__(self):
        return f"{self.get_category_display()}: {self.get_role_display()} {self.get_organization_kind_display()}"
