"""The database cache's table (settings.CACHES without Redis), so that login throttling counts across
every worker process and app server with no extra set-up step."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_english_labels")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False)]
