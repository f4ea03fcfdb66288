from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "danvan.awards"
    label = "awards"
    verbose_name = _("Awards")

    def ready(self):
        from danvan.awards.views.panel import dashboard_panel, my_work
        from danvan.core import dashboard
        from danvan.core.navigation import NavItem, register

        register(NavItem("awards", _("Awards"), "nomination_list", icon="trophy", order=45))
        dashboard.register("awards", dashboard_panel)
        dashboard.register_work("awards", my_work)
