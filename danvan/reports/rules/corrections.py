"""Figures calculated from the records and the officer's corrections of them, as shown on the pages
(the form page, the report's page, the review queue, the list of corrections). Pure: writes nothing."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from danvan.core.templatetags.dv import num


@dataclass(frozen=True)
class Correction:
    """A reported figure that differs from the one calculated from the records."""

    derived: Decimal | None
    value: Decimal | None
    note: str
    decimals: int = 0

    @property
    def difference(self) -> Decimal | None:
        if self.value is None or self.derived is None:
            return None
        return self.value - self.derived

    def difference_text(self) -> str:
        """"+2", "-1.000", "0" (Vietnamese digits)."""
        diff = self.difference
        if diff is None:
            return "—"
        sign = "+" if diff > 0 else "-" if diff < 0 else ""
        return f"{sign}{num(abs(diff), self.decimals)}"

    def line(self) -> str:
        """"Số liệu từ hồ sơ: 3; đã điều chỉnh: 5 (chênh lệch +2) — lý do: …"."""
        return _("From the records: %(derived)s; corrected: %(value)s (difference %(diff)s) — reason: "
                 "%(note)s") % {"derived": num(self.derived, self.decimals), "value": num(self.value, self.decimals),
                                "diff": self.difference_text(), "note": self.note}


def correction_of(row, indicator=None) -> Correction | None:
    """The ``Correction`` of a stored ``ReportValue`` (``None`` when its value follows the records or is
    typed in)."""
    if row is None or not row.correction_note:
        return None
    indicator = indicator or row.indicator
    return Correction(derived=row.derived, value=row.value, note=row.correction_note,
                      decimals=indicator.decimals)
