"""Demo award kinds with example eligibility rules (the real criteria are unconfirmed: an
administrator edits them in the admin) and the 13 (invented) recipients of the Kỷ niệm chương
"Vì sự nghiệp dân vận" presented at the 2023 annual review of Lào Cai. Idempotent."""

import datetime

from django.db import transaction

from danvan.awards.domain import nominations as flow
from danvan.awards.models import AwardKind, EligibilityRule, Nomination, RuleCheck
from danvan.core.models import User
from danvan.meetings.demo import REVIEW_2023
from danvan.meetings.domain.people import create_person
from danvan.meetings.models import Meeting, Person
from danvan.orgs.models import Organization
from danvan.places.models import Area

KINDS = [
    ("knc-dan-van", "Kỷ niệm chương “Vì sự nghiệp dân vận”", True, False, "Ban Tuyên giáo và Dân vận Trung ương",
     [(RuleCheck.MIN_YEARS_IN_WORK, 10), (RuleCheck.NO_DISCIPLINE_YEARS, 5), (RuleCheck.NOT_ALREADY_AWARDED, 0)]),
    ("bang-khen", "Bằng khen", True, True, "Ban Thường vụ Tỉnh ủy",
     [(RuleCheck.NO_DISCIPLINE_YEARS, 3), (RuleCheck.JUSTIFICATION_LENGTH, 50), (RuleCheck.MIN_AGE_YEARS, 3)]),
    ("giay-khen", "Giấy khen", True, True, "Ban Tuyên giáo và Dân vận Tỉnh ủy",
     [(RuleCheck.JUSTIFICATION_LENGTH, 20)]),
]
RECIPIENTS = [
    "Vàng Thị Mỷ", "Sần Văn Chải", "Lý Seo Dìn", "Hoàng Văn Thắm", "Trần Thị Kim Oanh", "Giàng Seo Vư",
    "Nguyễn Đức Thịnh", "Phàn Thị Xuân", "Lò Văn Dũng", "Đỗ Thị Hương Giang", "Ma Văn Quý", "Tẩn Thị Sao",
    "Bùi Quang Huy",
]


def award_kinds() -> dict:
    kinds = {}
    for code, name, ind, coll, by, rules in KINDS:
        kind, created = AwardKind.objects.get_or_create(code=code, defaults={
            "name": name, "for_individuals": ind, "for_collectives": coll, "granted_by": by})
        if created:
            EligibilityRule.objects.bulk_create([EligibilityRule(award_kind=kind, kind=k, value=v) for k, v in rules])
        kinds[code] = kind
    return kinds


@transaction.atomic
def load(stdout) -> None:
    kinds = award_kinds()
    old_laocai = Area.objects.get(source_key="legacy:p10")
    org = Organization.objects.get(name="Ban Dân vận Tỉnh ủy Lào Cai", area=old_laocai)
    meeting = Meeting.objects.unscoped("demo").filter(title=REVIEW_2023, organization=org).first()
    officer = User.objects.filter(username="laocai.chuyenvien").first()
    leader = User.objects.filter(username="laocai.lanhdao").first()
    districts = list(Organization.objects.filter(name__startswith="Ban Dân vận", area__parent=old_laocai)
                     .order_by("name_sort"))
    made = 0
    medal = kinds["knc-dan-van"]
    for i, name in enumerate(RECIPIENTS):
        unit = districts[i % len(districts)]
        person = Person.objects.unscoped("demo").filter(full_name=name).first() or create_person(
            actor=None, full_name=name, title="Trưởng Ban Dân vận" if i % 3 == 0 else "Phó Trưởng Ban Dân vận",
            organization=unit, valid_from=datetime.date(2010 + i % 5, 1, 1), mobilization_since=2003 + i % 6)
        if Nomination.objects.unscoped("demo").filter(person=person, award_kind=medal).exists():
            continue
        n = flow.create_nomination(
            actor=officer, award_kind=medal, year=2023, nominee_type="individual", person=person,
            nominee_position=f"{person.positions.first().title}, {unit.name}", organization=org,
            justification="Có thời gian công tác liên tục trong hệ thống dân vận, hoàn thành tốt nhiệm vụ được giao.",
            meeting=meeting)
        flow.submit(actor=officer, nomination=n)
        flow.appraise(actor=leader, nomination=n, reason="Đủ điều kiện theo quy định")
        flow.decide(actor=leader, nomination=n, decision_number="1286-QĐ/BDVTW",
                    decision_date=datetime.date(2023, 12, 18))
        made += 1
    stdout.write(f"demo awards: {len(kinds)} award kinds, {made} nominations decided "
                 f"({Nomination.objects.unscoped("demo").count()} in all)")
