from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "danvan.reports"
    label = "reports"
    verbose_name = _("Periodic reports")

    def ready(self):
        from danvan.core import dashboard
        from danvan.core.navigation import NavItem, register
        from danvan.reports.domain import notifications  # noqa: F401 - registers the reminder job's runner
        from danvan.reports.views.panel import dashboard_panel, my_work

        register(NavItem("reports", _("Reports"), "report_list", icon="file-earmark-text", order=20))
        register(NavItem("report_rollup", _("Roll-up"), "report_rollup", icon="bar-chart", order=21, parent="reports"))
        register(NavItem("report_completeness", _("Completeness"), "report_completeness", icon="check2-square",
                         order=22, parent="reports"))
        dashboard.register("reports", dashboard_panel)
        dashboard.register_work("reports", my_work)

        from danvan.orgs.domain.organizations import MOVE_HANDLERS
        from danvan.reports.domain.rollups import move_organization

        if move_organization not in MOVE_HANDLERS:
            MOVE_HANDLERS.append(move_organization)
