from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderConfig(AppConfig):
    name = "danvan.reader"
    label = "reader"
    verbose_name = _("Article reader")

    def ready(self):
        from danvan.core.navigation import NavItem, register
        from danvan.meetings.views import sections
        from danvan.reader.domain import (
            articles,  # noqa: F401 - registers the background job's runner
            figures,
        )
        from danvan.reader.views.panels import source_section

        sections.register("reader.sources", source_section)
        figures.register()

        register(NavItem("reader", _("Read articles"), "reader_articles", icon="newspaper", order=42, parent="meetings"))
