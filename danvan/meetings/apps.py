from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "danvan.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from danvan.core import dashboard
        from danvan.core.navigation import NavItem, register
        from danvan.meetings.views.panels import my_work, task_panel

        register(NavItem("meetings", _("Meetings"), "meeting_list", icon="easel", order=40))
        register(NavItem("tasks", _("Follow-up tasks"), "task_list", icon="list-check", order=41, parent="meetings"))
        dashboard.register("meetings.tasks", task_panel)
        dashboard.register_work("meetings.tasks", my_work)
