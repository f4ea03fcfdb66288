from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "danvan.places"
    label = "places"
    verbose_name = _("Areas")

    def ready(self):
        from danvan.core.navigation import NavItem, register

        register(NavItem("areas", _("Areas"), "area_browser", icon="geo-alt", order=90))
