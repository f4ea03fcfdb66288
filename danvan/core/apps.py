from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danvan.core"
    label = "core"
    verbose_name = _("Hệ thống")

    def ready(self):
        from danvan.core.navigation import NavItem, register

        register(NavItem("dashboard", _("Tổng quan"), "dashboard", icon="speedometer2", order=0))
