from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "danvan.community"
    label = "community"
    verbose_name = _("People of prestige and community")

    def ready(self):
        from danvan.core.navigation import NavItem, register

        register(NavItem("community", _("People of prestige"), "prestige_list", icon="people", order=45))
