"""Django's own messages whose Vietnamese translation reads wrong (a space before the full stop:
"… bằng với 100 ."), translated again in the foundation's catalogue (``locale/``), which
``LOCALE_PATHS`` puts before Django's. Listed here so that ``manage.py catalogues`` keeps them."""

from django.utils.translation import gettext_noop

RETRANSLATED = (
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Please correct the duplicate data for %(field)s."),
)
