"""Check the roll-up aggregates against the raw values, and repair them (docs/reports.md)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.reports.domain import rollups
from danvan.reports.models import Form, Period
from danvan.reports.rules.periods import months_of, period_for


def _period(text: str) -> list[Period]:
    """"month:2026:3", "quarter:2026:1", "year:2025", "rolling_12:2026:6" → the period (if stored) and
    the months in it."""
    parts = text.split(":")
    try:
        kind, year, index = parts[0], int(parts[1]), int(parts[2]) if len(parts) > 2 else 1
        period = period_for(kind, year, index)
    except (IndexError, ValueError) as exc:
        raise CommandError(_("--period: write KIND:YEAR[:NUMBER], e.g. month:2026:3, quarter:2026:1, year:2025.")) \
            from exc
    return ([period] if period.pk else []) + [p for p in months_of(period) if p.pk != period.pk]


class Command(BaseCommand):
    help = _("Compare the roll-up aggregates with the raw values of the reports and list what differs; "
             "--repair rebuilds them.")

    def add_arguments(self, parser):
        parser.add_argument("--form", help=_("form code (default: every form)"))
        parser.add_argument("--period", help=_("KIND:YEAR[:NUMBER], e.g. month:2026:3 or year:2025 (default: all)"))
        parser.add_argument("--repair", action="store_true", help=_("rebuild the aggregates that differ"))
        parser.add_argument("--show", type=int, default=20, help=_("differences listed per form"))

    def handle(self, *args, **options):
        with translation.override("vi"):
            self._handle(**options)

    def _handle(self, *, form=None, period=None, repair=False, show=20, **options):
        forms = Form.objects.order_by("code")
        if form:
            forms = forms.filter(code=form)
            if not forms.exists():
                raise CommandError(_("--form: no form has the code %(code)s.") % {"code": form})
        periods = _period(period) if period else None
        total = 0
        for item in forms:
            started = time.perf_counter()
            result = rollups.check(item, periods)
            total += len(result.differences)
            self.stdout.write(_("%(form)s: %(rows)s aggregate rows expected, %(n)s differences (%(ms)s ms)") % {
                "form": item.code, "rows": result.rows, "n": len(result.differences),
                "ms": round((time.perf_counter() - started) * 1000)})
            for diff in result.differences[:show]:
                self.stdout.write("  " + _("%(table)s %(key)s: stored %(stored)s, from the reports %(expected)s") % {
                    "table": diff.table, "key": diff.key, "stored": diff.stored, "expected": diff.expected})
            if repair and result.differences:
                started = time.perf_counter()
                cells = rollups.repair(item, periods)
                self.stdout.write(_("%(form)s: rebuilt, %(cells)s cells (%(ms)s ms)") % {
                    "form": item.code, "cells": cells, "ms": round((time.perf_counter() - started) * 1000)})
        if total and not repair:
            raise CommandError(_("%(n)s differences: run again with --repair to rebuild.") % {"n": total})
