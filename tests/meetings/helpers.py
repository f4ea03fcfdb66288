"""Small builders for the meetings and awards tests (through the domain actions)."""

import datetime

from django.utils import timezone

from danvan.meetings.domain.meetings import add_conclusion, create_meeting
from danvan.meetings.domain.people import create_person
from danvan.meetings.domain.tasks import create_task


def at(day: datetime.date, hour=8):
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, 0))


def meeting(org, *, title="Hội nghị giao ban công tác dân vận quý I năm 2026", kind="giao_ban",
            day=datetime.date(2026, 3, 30), actor=None, **extra):
    return create_meeting(actor=actor, kind=kind, title=title, organization=org, starts_at=at(day), **extra)


def conclusion(m, text="Tiếp tục nắm chắc tình hình Nhân dân ở cơ sở", actor=None):
    return add_conclusion(actor=actor, meeting=m, text=text)


def task(c, assignees, *, title="Rà soát mô hình dân vận khéo của xã", due=datetime.date(2026, 6, 30), actor=None):
    return create_task(actor=actor, conclusion=c, title=title, assignees=assignees, due_date=due)


def person(org, name="Lò Văn Thắng", title="Trưởng ban", since=None, actor=None, **values):
    return create_person(actor=actor, full_name=name, title=title, organization=org, valid_from=since, **values)


def online_meeting(cast):
    """The provincial commission's online meeting with every commune of Lào Cai as a bridge point (20 expected)."""
    from danvan.meetings.domain.bridge import add_bridge_points

    m = meeting(cast.commission, title="Hội nghị trực tuyến toàn tỉnh", day=datetime.date(2026, 3, 30))
    add_bridge_points(actor=cast.leader, meeting=m, level="commune", parent=cast.geo.laocai, expected=20)
    return m


def point_of(m, area):
    """The bridge point of ``area`` at meeting ``m``, read back without a scope."""
    from danvan.meetings.models import BridgePoint

    return BridgePoint.objects.unscoped("test reads back").get(meeting=m, area=area)
