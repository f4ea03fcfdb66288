"""Indicator sources: a module supplies the figure of a report indicator from its own records instead
of a typed-in total.

A module registers, once (in its ``AppConfig.ready``)::

    from danvan.reports.domain.sources import register_source
    register_source("DV_DON_NHAN", petitions_received, label=_("the petition register"),
                    url=lambda organization, period: f"/don-thu/?to={period.end:%d/%m/%Y}")

``fn(organization, period)`` returns the figure (an ``int`` or ``Decimal``) counted from the module's
records of that organization for that period, or ``None`` when the organization does not keep these
records in the module (then the indicator stays typed in, as before the module existed). Count only the
organization's own records: the roll-up adds the organizations up.

For an indicator with a source, the reports module:
  - pre-fills the field with the derived figure on the form page, with "tính từ <label>" and a link
    (``url``); the officer may correct it, giving a reason;
  - keeps both figures on the ``ReportValue``: ``derived`` (from the records, at the last save or
    submission) and ``value`` (the figure reported, which the roll-up, the documents and the API read),
    and the reason in ``correction_note``;
  - a figure not corrected follows the records: ``save_report`` stores the derived figure and
    ``submit_report`` recomputes it at the moment of sending; a corrected figure is kept at submission,
    its ``derived`` refreshed (so the difference shown is the one on that day). The audit trail records
    every correction made, changed or removed (who, when, from, to, reason), and those kept at submission.
A compiled report (``is_compiled``) takes no source: its figures are the roll-up of the units below.

Nothing in ``reports`` imports the modules; a module without records registers nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

_SOURCES: dict[str, "Source"] = {}


@dataclass(frozen=True)
class Source:
    code: str
    fn: Callable
    label: str
    url: Callable | None = None

    def value(self, organization, period):
        figure = self.fn(organization, period)
        return None if figure is None else Decimal(figure)

    def link(self, organization, period) -> str:
        return self.url(organization, period) if self.url else ""


def register_source(code: str, fn: Callable, *, label, url: Callable | None = None) -> Source:
    """Make ``fn(organization, period)`` the source of the indicator ``code`` (the latest registration of
    a code wins, so re-running ``ready`` is harmless). Returns the ``Source``."""
    source = Source(code=code, fn=fn, label=label, url=url)
    _SOURCES[code] = source
    return source


def unregister_source(code: str) -> None:
    """Remove the source of ``code`` (tests)."""
    _SOURCES.pop(code, None)


def source_for(code: str) -> Source | None:
    return _SOURCES.get(code)


def derived_for(report, indicators) -> dict:
    """``derived_values`` for ``report`` ({} for a compiled report: its figures are rolled up)."""
    if report.is_compiled:
        return {}
    return derived_values(indicators, report.organization, report.period)


def derived_values(indicators, organization, period) -> dict:
    """{code: (figure, Source)} for the given indicators that have a source and a figure for this
    organization and period (a source answering ``None`` is left out: the value stays typed in)."""
    result = {}
    for ind in indicators:
        source = _SOURCES.get(ind.code)
        if source is None or not ind.is_numeric:
            continue
        figure = source.value(organization, period)
        if figure is not None:
            result[ind.code] = (figure, source)
    return result
