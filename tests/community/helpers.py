"""Builders for the community tests (through the domain actions)."""

import datetime

from danvan.community.domain import prestige

SEL = 2026  # the selection year of the test lists (term 2027–2031)


def make_list(org, area=None, year=SEL, actor=None):
    return prestige.create_list(actor=actor, organization=org, area=area or org.area, selection_year=year)


def nominee(plist, name="Vàng Seo Páo", *, village="Thôn Nậm Lúc", role="elder", actor=None,
            on=datetime.date(SEL, 10, 20), present=40, total=50, **extra):
    values = {"full_name": name, "gender": "male", "birth_year": 1956, "ethnicity": "Mông", **extra}
    return prestige.nominate(actor=actor, prestige_list=plist, village=village, role=role, village_meeting_on=on,
                             households_present=present, households_total=total, **values)


def recognized(plist, name="Vàng Seo Páo", actor=None, **extra):
    entry = nominee(plist, name, actor=actor, **extra)
    prestige.select(actor=actor, entry=entry, on=datetime.date(SEL, 11, 5))
    prestige.propose(actor=actor, entry=entry, on=datetime.date(SEL, 11, 20))
    prestige.recognize(actor=actor, entry=entry, on=datetime.date(SEL, 12, 20), decision_number="125/QĐ-UBND")
    return entry
