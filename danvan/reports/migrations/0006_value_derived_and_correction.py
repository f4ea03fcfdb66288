"""ReportValue keeps the figure derived from the records (``derived``) beside the one reported (``value``)
and the reason of a correction (``correction_note``, empty when the value follows the records). Both
are new columns; ``correction_note`` has a database default so that bulk loads naming only the old
columns (the benchmark's COPY) still work. Existing rows keep ``derived`` empty (not recorded): the
next save or submission fills it."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0005_notifications_to_core'),
    ]

    operations = [
        migrations.AddField(
            model_name='reportvalue',
            name='correction_note',
            field=models.TextField(blank=True, db_default='', default='', verbose_name='reason for the correction'),
        ),
        migrations.AddField(
            model_name='reportvalue',
            name='derived',
            field=models.DecimalField(blank=True, decimal_places=4, max_digits=20, null=True, verbose_name='figure from the records'),
        ),
    ]
