from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danvan.core"
    label = "core"
    verbose_name = _("System")

    def ready(self):
        from django.db.models import fields

        from danvan.core.forms import CHOOSE

        # Django 6.1's blank choice "- Select an option -" has no Vietnamese translation: ours is "— chọn —".
        fields.BLANK_CHOICE_LABEL = CHOOSE
        from django.contrib.auth.signals import user_logged_in

        from danvan.core.middleware import remember_sign_in

        user_logged_in.connect(remember_sign_in, dispatch_uid="danvan.remember_sign_in")
        from danvan.core import lists  # noqa: F401 - registers the list export job runner
        from danvan.core.navigation import NavItem, register

        register(NavItem("dashboard", _("Overview"), "dashboard", icon="speedometer2", order=0))
        from danvan.core import dashboard

        dashboard.register("core.my_work", dashboard.my_work_panel)
