from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "danvan.orgs"
    label = "orgs"
    verbose_name = _("Organizations")

    def ready(self):
        from danvan.core.navigation import NavItem, register
        from danvan.orgs.interfaces import choices

        choices.register()  # every form's organization and unit choices: current first, the dissolved marked
        from danvan.orgs.views.users import can_manage_users

        register(NavItem("orgs", _("Organizations"), "org_list", icon="diagram-3", order=80))
        register(NavItem("users", _("Users"), "user_list", icon="people", order=95, visible=can_manage_users,
                         parent="orgs"))
