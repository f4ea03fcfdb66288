"""Demo of the voice module for Lào Cai and Huế (names invented): the provincial and commune Party
secretaries with their reception duties and 2026's receptions (some months missed), one dialogue per
commune with notices and result notices (some late), opinions with commitments (some kept, some
overdue), and a few hundred petitions across kinds (some overdue), among them an extended denunciation
and a reopened complaint. Idempotent: nothing is added when the demo petitions exist."""

import datetime
import random

from django.db import transaction

from danvan.meetings.domain.people import create_person
from danvan.meetings.domain.tasks import report_progress
from danvan.orgs.models import Organization
from danvan.places.models import Area
from danvan.voice.domain import actions
from danvan.voice.domain.dialogues import add_opinion, answer_opinion, create_dialogue, record_result_notice
from danvan.voice.domain.petitions import receive_petition
from danvan.voice.domain.receptions import add_case, create_duty, create_session
from danvan.voice.domain.reference import ensure_reference
from danvan.voice.models import Petition

D = datetime.date
YEAR = 2026
FIRST_NAMES = ["Sùng A", "Lò Văn", "Giàng Thị", "Hoàng Văn", "Nguyễn Thị", "Trần Văn", "Lê Thị", "Vàng A", "Phạm Văn"]
LAST_NAMES = ["Páo", "Dũng", "Mai", "Hùng", "Lan", "Sơn", "Hoa", "Chớ", "Minh", "Tuấn", "Hương"]
SUBJECTS = ["thu hồi đất làm đường", "bồi thường giải phóng mặt bằng", "cấp giấy chứng nhận quyền sử dụng đất",
            "chế độ hộ nghèo", "ô nhiễm từ cơ sở chế biến", "tác phong cán bộ địa chính", "đường thôn xuống cấp",
            "tranh chấp ranh giới đất", "hỗ trợ nhà ở", "trật tự xây dựng"]
KINDS = ["complaint"] * 4 + ["denunciation"] * 2 + ["recommendation"] * 3 + ["reflection"] * 2 + ["mixed"]
FIELDS = ["land", "land", "social", "environment", "officials", "infrastructure", "administration", "other"]


def _name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _province(rng, area: Area, committee: str, stats: dict, today: datetime.date):
    party = Organization.objects.filter(name=f"{committee} {area.name}", area=area).first()
    if party is None:
        return
    secretary = create_person(actor=None, full_name=_name(rng), title=f"Bí thư {committee} {area.name}",
                              organization=party, valid_from=D(2025, 7, 1))
    create_duty(actor=None, person=secretary, organization=party, position="prov_secretary", valid_from=D(2025, 7, 1))
    for month in range(1, 13):
        day = D(YEAR, month, 15)
        if day > today or month in (4, 9):  # two months missed
            continue
        s = create_session(actor=None, organization=party, receiver=secretary, held_on=day,
                           place=f"Trụ sở Tiếp công dân {area.name}")
        add_case(actor=None, session=s, subject=f"Kiến nghị về {rng.choice(SUBJECTS)}", citizen_name=_name(rng),
                 people=rng.choice([1, 1, 2, 12]), kind="recommendation", field=rng.choice(FIELDS))
        stats["receptions"] += 1
    communes = list(area.children.current().order_by("name_sort")[:6])
    for i, commune in enumerate(communes):
        _commune(rng, i, commune, stats, today)


def _commune(rng, i, commune: Area, stats: dict, today: datetime.date):
    unit = f"{commune.kind_name.lower()} {commune.name}"
    party = Organization.objects.filter(name=f"Đảng ủy {unit}", area=commune).first()
    building = Organization.objects.filter(name=f"Ban Xây dựng Đảng Đảng ủy {unit}", area=commune).first()
    front = Organization.objects.filter(name=f"Ủy ban MTTQ Việt Nam {unit}", area=commune).first()
    if party is None or building is None:
        return
    secretary = create_person(actor=None, full_name=_name(rng), title=f"Bí thư Đảng ủy {unit}", organization=party,
                              valid_from=D(2025, 7, 1))
    create_duty(actor=None, person=secretary, organization=party, position="commune_secretary",
                valid_from=D(2025, 7, 1))
    for month in range(1, 13):
        days = [D(YEAR, month, 6), D(YEAR, month, 20)]
        if (i + month) % 5 == 0:
            days = days[:1]  # a month short
        for day in days:
            if day > today:
                continue
            s = create_session(actor=None, organization=party, receiver=secretary, held_on=day,
                               place=f"Trụ sở Đảng ủy {unit}")
            add_case(actor=None, session=s, subject=f"Phản ánh {rng.choice(SUBJECTS)}", citizen_name=_name(rng),
                     kind="reflection", field=rng.choice(FIELDS))
            stats["receptions"] += 1
    held = D(YEAR, 3 + i % 6, 10 + i)
    notice = held - datetime.timedelta(days=10 if i % 3 else 4)
    dialogue = create_dialogue(actor=None, organization=party, title=f"Hội nghị đối thoại giữa Bí thư Đảng ủy và "
                               f"Nhân dân {unit} năm {YEAR}", held_on=held, venue=f"Hội trường {unit}",
                               notice_published_on=notice, notice_late_reason="" if i % 3 else "Lùi lịch do mưa lũ",
                               co_organizers=[front] if front else ())
    record_result_notice(actor=None, dialogue=dialogue, issued_on=held + datetime.timedelta(days=7 if i % 2 else 14),
                         posted_on=held + datetime.timedelta(days=8 if i % 2 else 15))
    stats["dialogues"] += 1
    for k in range(4):
        o = add_opinion(actor=None, dialogue=dialogue, text=f"Đề nghị giải quyết {rng.choice(SUBJECTS)} (ý kiến {k + 1})",
                        field=rng.choice(FIELDS), addressed_to=party, citizen_name=_name(rng) if k % 2 else "")
        if k == 0:
            answer_opinion(actor=None, opinion=o, outcome="answered", answer="Đã trả lời tại hội nghị",
                           leader=secretary)
            continue
        due = held + datetime.timedelta(days=30 * k)
        answer_opinion(actor=None, opinion=o, outcome="commitment", due_date=due, leader=secretary,
                       answer="Đảng ủy chỉ đạo giải quyết")
        stats["commitments"] += 1
        if k == 1 and due + datetime.timedelta(days=5) <= today:
            report_progress(actor=None, task=o.task, status="done", progress=100, note="Đã hoàn thành",
                            on=due + datetime.timedelta(days=(i % 2) * 5))
    _petitions(rng, i, commune, building, stats, today)


def _petitions(rng, i, commune, building, stats, today):
    for n in range(25):
        received = D(YEAR, 1, 5) + datetime.timedelta(days=rng.randrange(0, (today - D(YEAR, 1, 5)).days))
        kind = rng.choice(KINDS)
        complexity = "very_complex" if kind == "denunciation" and n % 7 == 0 else rng.choice(["normal"] * 3 + ["complex"])
        p = receive_petition(actor=None, organization=building, code=f"DEMO-{commune.pk}-{n + 1:03d}",
                             received_on=received, kind=kind, subject=f"Đơn về {rng.choice(SUBJECTS)}", area=commune,
                             sender_name="" if n % 11 == 0 else _name(rng), anonymous=n % 11 == 0,
                             field=rng.choice(FIELDS), complexity=complexity, remote=i % 3 == 0,
                             signatories=rng.choice([1, 1, 1, 5, 14]),
                             channel=rng.choice(["in_person", "post", "box", "portal", "national_app"]))
        stats["petitions"] += 1
        accept_on = received + datetime.timedelta(days=rng.choice([3, 6, 9, 14]))
        if accept_on > today or n % 6 == 5:
            continue  # still waiting (some past the 10 days: overdue)
        if n % 9 == 4:
            actions.perform(p, "transfer", actor=None, on=accept_on, note="Chuyển cơ quan có thẩm quyền")
            continue
        actions.perform(p, "accept", actor=None, on=accept_on, number=f"{n + 1}/QĐ-TL")
        decide_on = accept_on + datetime.timedelta(days=rng.choice([20, 28, 40, 75]))
        if kind == "denunciation" and complexity == "very_complex" and accept_on + datetime.timedelta(days=25) <= today:
            actions.perform(p, "extend", actor=None, on=accept_on + datetime.timedelta(days=25), number=f"{n + 1}/QĐ-GH")
            stats["extended"] += 1
        if decide_on > today or n % 4 == 3:
            continue  # still being handled (some overdue)
        actions.perform(p, "decide", actor=None, on=decide_on, number=f"{n + 1}/QĐ-GQ")
        if decide_on + datetime.timedelta(days=10) <= today:
            actions.perform(p, "close", actor=None, on=decide_on + datetime.timedelta(days=10))
            if kind == "complaint" and n % 10 == 0 and decide_on + datetime.timedelta(days=30) <= today:
                actions.perform(p, "reopen", actor=None, on=decide_on + datetime.timedelta(days=30),
                                number=f"{n + 1}/QĐ-GQL")
                stats["reopened"] += 1


@transaction.atomic
def load(stdout) -> None:
    ensure_reference()
    if Petition.objects.unscoped("demo").filter(code__startswith="DEMO-").exists():
        stdout.write("demo voice: already loaded")
        return
    from django.utils import timezone

    today = min(timezone.localdate(), D(YEAR, 12, 31))
    rng = random.Random(11)
    stats = {"receptions": 0, "dialogues": 0, "commitments": 0, "petitions": 0, "extended": 0, "reopened": 0}
    for key, committee in (("2025:p15", "Tỉnh ủy"), ("2025:p46", "Thành ủy")):
        area = Area.objects.filter(source_key=key).first()
        if area is not None:
            _province(rng, area, committee, stats, today)
    stdout.write("demo voice: " + ", ".join(f"{k} {v}" for k, v in stats.items()))
