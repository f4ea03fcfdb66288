"""How organizations are offered in choice lists: current ones first, then those that no longer
exist, each of those marked with the day it ended ("(trước 01/07/2025)"), so that two organizations of
the same name (the Ban of a province before and after the 2025 reorganization) never look alike."""

import datetime

from django.db.models import F
from django.utils.translation import gettext as _


def organization_label(org) -> str:
    """ "Ban Dân vận Tỉnh ủy Lào Cai (trước 01/07/2025)" for an organization that ended on 30/06/2025;
    the name alone for a current one."""
    if org.valid_to:
        ended = org.valid_to + datetime.timedelta(days=1)
        return _("%(name)s (before %(date)s)") % {"name": org.name, "date": ended.strftime("%d/%m/%Y")}
    return org.name


def current_first(queryset):
    """The organizations ordered current first (no end date), then by end date, newest first; by name."""
    return queryset.order_by(F("valid_to").desc(nulls_first=True), "name_sort")


def offer_organizations(field, queryset) -> None:
    """Set a (multiple) choice field's organizations: ``current_first`` and ``organization_label``."""
    field.queryset = current_first(queryset)
    field.label_from_instance = organization_label
