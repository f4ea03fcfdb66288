from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "danvan.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from danvan.core.navigation import NavItem, register

        register(NavItem("documents", _("Document register"), "document_list", icon="journal-text", order=70))
