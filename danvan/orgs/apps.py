from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "danvan.orgs"
    label = "orgs"
    verbose_name = _("Organizations")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from danvan.core.navigation import NavItem, register
        from danvan.orgs.interfaces import choices
        from danvan.orgs.models import Membership, Organization, OrganizationReach
        from danvan.orgs.scope import scope_changed
        from danvan.orgs.views.users import can_manage_users

        choices.register()  # every form's organization and unit choices: current first, the dissolved marked

        register(NavItem("orgs", _("Organizations"), "org_list", icon="diagram-3", order=80))
        register(NavItem("users", _("Users"), "user_list", icon="people", order=95, visible=can_manage_users,
                         parent="orgs"))
        # A write to what makes a scope ends the request's scope snapshot (danvan.orgs.scope.scope_ids).
        for model in (Organization, Membership, OrganizationReach):
            post_save.connect(scope_changed, sender=model, dispatch_uid=f"scope_changed_save_{model.__name__}")
            post_delete.connect(scope_changed, sender=model, dispatch_uid=f"scope_changed_delete_{model.__name__}")
