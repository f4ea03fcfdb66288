from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Officer")
    LEADER = "leader", _("Leader")
    ADMIN = "admin", _("Administrator")


# What each role may do inside its scope.
ROLE_ACTIONS = {
    Role.OFFICER: frozenset({"view", "change"}),
    Role.LEADER: frozenset({"view", "change", "approve"}),
    Role.ADMIN: frozenset({"view", "manage"}),
}
ACTIONS = frozenset({"view", "change", "approve", "manage"})


class Membership(models.Model):
    """A user works in an organization with a role: chuyên viên enters data, lãnh đạo approves and
    signs, quản trị manages the users of its organization and those below."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("organization"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.OFFICER)
    position = models.CharField(_("position"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("membership")
        constraints = [models.UniqueConstraint(fields=["user", "organization"], name="membership_unique")]
        ordering = ["organization__name_sort", "id"]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}, {self.organization}"

    @property
    def actions(self) -> frozenset:
        return ROLE_ACTIONS.get(self.role, frozenset())
