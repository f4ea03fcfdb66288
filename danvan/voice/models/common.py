"""Choices shared by the aggregates of the voice module."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Field(models.TextChoices):
    LAND = "land", _("Land and compensation")
    ADMINISTRATION = "administration", _("Administrative procedures")
    SOCIAL = "social", _("Social policy")
    ENVIRONMENT = "environment", _("Environment")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    JUSTICE = "justice", _("Justice and order")
    OFFICIALS = "officials", _("Conduct of officials")
    OTHER = "other", _("Other")


class CaseKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint (khiếu nại)")
    DENUNCIATION = "denunciation", _("Denunciation (tố cáo)")
    RECOMMENDATION = "recommendation", _("Recommendation (kiến nghị)")
    REFLECTION = "reflection", _("Report (phản ánh)")
    MIXED = "mixed", _("Mixed")


MASK = "***"
