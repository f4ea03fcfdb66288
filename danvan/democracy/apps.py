from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemocracyConfig(AppConfig):
    name = "danvan.democracy"
    label = "democracy"
    verbose_name = _("Grassroots democracy")

    def ready(self):
        from danvan.core.navigation import NavItem, register
        from danvan.democracy.interfaces import reminders  # noqa: F401 - registers the reminder job's runner

        register(NavItem("democracy", _("Grassroots democracy"), "democracy_table", icon="megaphone", order=60))
        register(NavItem("democracy_overdue", _("Overdue disclosures"), "democracy_overdue", icon="alarm",
                         order=61, parent="democracy"))
        register(NavItem("democracy_decisions", _("Community decisions"), "decision_list", icon="people",
                         order=62, parent="democracy"))
        register(NavItem("democracy_consultations", _("Consultations on drafts"), "consultation_list",
                         icon="chat-square-text", order=63, parent="democracy"))
        register(NavItem("democracy_findings", _("Oversight findings"), "finding_list", icon="eye",
                         order=64, parent="democracy"))
