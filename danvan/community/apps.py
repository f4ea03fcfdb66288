from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "danvan.community"
    label = "community"
    verbose_name = _("People of prestige and community")

    def ready(self):
        from danvan.community.domain import figures
        from danvan.community.domain.privacy import is_administrator
        from danvan.community.views.opinion import urgent_panel
        from danvan.core import dashboard
        from danvan.core.navigation import NavItem, register

        register(NavItem("community", _("People of prestige"), "prestige_list", icon="people", order=45))
        register(NavItem("religion", _("Religious registry"), "religion_registry", icon="bank", order=46,
                         parent="community"))
        register(NavItem("support", _("Visits and gifts"), "support_list", icon="gift", order=47, parent="community"))
        register(NavItem("hot_spots", _("Hot spots"), "hot_spot_list", icon="geo-alt", order=48, parent="community"))
        register(NavItem("opinion", _("Public opinion"), "opinion_list", icon="chat-square-text", order=49,
                         parent="community"))
        register(NavItem("community_reads", _("Reads of sensitive data"), "community_reads", icon="eye", order=50,
                         parent="community", visible=is_administrator))
        dashboard.register("community.urgent_opinion", urgent_panel)
        figures.register()
