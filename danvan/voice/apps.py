from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoiceConfig(AppConfig):
    name = "danvan.voice"
    label = "voice"
    verbose_name = _("Citizens' voice")

    def ready(self):
        from danvan.core.navigation import NavItem, register

        register(NavItem("voice", _("Citizens' voice"), "reception_list", icon="megaphone", order=35))
        register(NavItem("receptions", _("Receptions"), "reception_list", icon="person-lines-fill", order=36,
                         parent="voice"))
        register(NavItem("dialogues", _("Dialogues"), "dialogue_list", icon="chat-square-text", order=38,
                         parent="voice"))
        register(NavItem("petitions", _("Petitions"), "petition_list", icon="envelope-paper", order=39,
                         parent="voice"))
        register(NavItem("reception_duties", _("Reception duties"), "reception_duties", icon="calendar-check",
                         order=37, parent="voice"))

        from danvan.voice.domain import figures
        from danvan.voice.interfaces import importer  # noqa: F401 - registers the import job's runner

        figures.register()

        from django.apps import apps

        if apps.is_installed("danvan.democracy"):
            from danvan.democracy.domain.portal import register_notice_source
            from danvan.voice.queries.notices import public_notices

            register_notice_source(public_notices)
