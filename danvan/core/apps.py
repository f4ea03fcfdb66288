from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danvan.core"
    label = "core"
    verbose_name = _("System")

    def ready(self):
        from danvan.core.navigation import NavItem, register

        register(NavItem("dashboard", _("Overview"), "dashboard", icon="speedometer2", order=0))
