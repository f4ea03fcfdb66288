"""The report figure this module supplies (``reports.domain.sources``): collectives commended at the
meetings an organization held in the period, as the confirmed articles reported them.

Only a flow that belongs to the meetings themselves is supplied: the commendations handed out at them
(``DV_KT_TT``, "Tập thể được khen thưởng trong phong trào Dân vận khéo"), summed over the organization's
own meetings of the period, so that the roll-up can add the organizations up. The "Dân vận khéo" totals
an article reports are the whole area's stock (a province's review counts its districts' models too): as
a source of ``DV_MH_DK`` they would be counted twice in the roll-up, so they stay figures reported at the
meeting (``ReportedFigure``, shown on the meeting) and are not report values. The medals "Vì sự nghiệp
dân vận" are a distinction of the Ban, not a commendation in the movement: not supplied either.

A period without such a confirmed figure gives ``None``: the indicator stays typed in."""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

INDICATOR_OF = {"commended_collectives": "DV_KT_TT"}


def _reported(code: str, organization, period):
    from danvan.reader.models import ReportedFigure

    own = ReportedFigure.objects.unscoped("report figure of the report's own organization").filter(
        code=code, meeting__organization_id=organization.pk,
        meeting__starts_at__date__range=(period.start, period.end))
    if not own.exists():
        return None
    return own.aggregate(total=Sum("value"))["total"]


def commended_collectives(organization, period):
    return _reported("commended_collectives", organization, period)


def register():
    from danvan.reports.domain.sources import register_source

    register_source("DV_KT_TT", commended_collectives, label=_("the commendations reported at its meetings"),
                    url=lambda organization, period: "/hoi-nghi/doc-bai/?status=confirmed")
