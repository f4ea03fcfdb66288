from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "danvan.practices"
    label = "practices"
    verbose_name = _("\"Skilful mobilization\" models")

    def ready(self):
        from danvan.core import dashboard
        from danvan.core.navigation import NavItem, register
        from danvan.practices.interfaces import exporter, importer  # noqa: F401 - registers the job runners
        from danvan.practices.views.stats import dashboard_panel

        register(NavItem("practices", _("\"Dân vận khéo\" models"), "practice_list", icon="award", order=30))
        dashboard.register("practices", dashboard_panel)
