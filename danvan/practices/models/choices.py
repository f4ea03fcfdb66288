"""The fixed vocabularies of the "Dân vận khéo" movement (DOMAIN §3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeField(models.TextChoices):
    ECONOMY = "economy", _("Economy")
    CULTURE_SOCIETY = "culture_society", _("Culture and society")
    DEFENSE_SECURITY = "defense_security", _("Defence and security")
    POLITICAL_SYSTEM = "political_system", _("Party building and the political system")


class PracticeKind(models.TextChoices):
    MODEL = "model", _("Model")
    EXEMPLAR = "exemplar", _("Exemplar")


class Holder(models.TextChoices):
    COLLECTIVE = "collective", _("Collective")
    INDIVIDUAL = "individual", _("Individual")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REGISTERED = "registered", _("Registered")
    IN_PROGRESS = "in_progress", _("In progress")
    EVALUATED = "evaluated", _("Evaluated")
    RECOGNIZED = "recognized", _("Recognized")
    NOT_RECOGNIZED = "not_recognized", _("Not recognized")


class RecognitionLevel(models.TextChoices):
    COMMUNE = "commune", _("Grassroots level")
    DISTRICT = "district", _("District level")
    PROVINCE = "province", _("Provincial level")
    CENTRAL = "central", _("Central level")


# Statuses a practice has passed through once it is "carried out" (đang/đã thực hiện).
CARRIED_OUT = frozenset({Status.IN_PROGRESS, Status.EVALUATED, Status.RECOGNIZED, Status.NOT_RECOGNIZED})
FINAL = frozenset({Status.RECOGNIZED, Status.NOT_RECOGNIZED})
