from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.auth.password_validation import validate_password
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import folded_key


class DanvanUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        """Like Django's, but the password always passes the validators: ``createsuperuser --noinput``
        with ``DJANGO_SUPERUSER_PASSWORD`` (and the interactive "bypass validation" answer) would
        otherwise accept "12345678". Raises ``ValidationError`` (in Vietnamese)."""
        if password is not None:
            validate_password(password, self.model(username=username, email=email or "", **extra_fields))
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in: a Ban officer or leader, an MTTQ or association staff member.

    What the user may see and change comes from their memberships (``orgs.Membership``).
    """

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    name_folded = models.CharField(max_length=300, blank=True, db_index=True, editable=False)

    objects = DanvanUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("user")

    def save(self, *args, **kwargs):
        self.name_folded = folded_key(self.full_name, self.username, self.email)
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.full_name or self.username

    def __str__(self):
        return self.get_full_name()
