from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import fold


class User(AbstractUser):
    """A person who signs in: a Ban officer or leader, an MTTQ or association staff member.

    What the user may see and change comes from their memberships (``orgs.Membership``).
    """

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    name_folded = models.CharField(max_length=300, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def save(self, *args, **kwargs):
        self.name_folded = fold(f"{self.full_name} {self.username} {self.email}")
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.full_name or self.username

    def __str__(self):
        return self.get_full_name()
