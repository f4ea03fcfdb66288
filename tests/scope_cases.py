"""The scope cases: one entry per (method, route) that takes an object id (read by ``test_scope_matrix``).

``tests/test_scope_matrix.py`` walks the whole URL configuration (the Django patterns and every path
operation of the NinjaAPI) and fails, naming the route, when an id-taking route has no entry here. Each
entry proves, on one world built once per module (``build_world``), NetBox-style
(``test_get_object_with_constrained_permission``) but with content checks:

- ``view(...)``: the owner's GET answers 200 and shows the object (its name or number; an API reply
  carries its id); the other unit's GET answers 404 without the name and writes nothing;
- ``change(...)``: the other unit's POST/PUT/PATCH/DELETE answers 404, leaves the watched rows and
  the row count of every table unchanged, and does not show the name; the owner's same request (the
  positive control) answers the expected status and changes the watched rows;
- ``refuse(...)``: the route answers 405 to that method (nothing to protect), proved by a request;
- ``PUBLIC``: routes whose object is public reference data (areas), with the reason.

A new module adds its objects to ``build_world`` (through its domain actions or the factories) and one
entry per id-taking route and method to ``CASES``; see ARCHITECTURE.md, "Tests".
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, replace
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
REFORM = datetime.date(2025, 7, 1)

World = SimpleNamespace


@dataclass(frozen=True)
class Case:
    method: str
    route: str  # "/hoi-nghi/<int:pk>/" (Django pattern) or "/api/v1/reports/{report_id}" (ninja path)
    url: Callable[[World], str]
    kind: str  # "view", "change" or "refuse"
    owner: str = "commune_a"  # attribute of the world naming the user who may do it
    other: str = "commune_b"  # a user of another unit
    shows: Callable[[World], str] | None = None  # text the owner sees (HTML), hidden from the other
    json_id: Callable[[World], int] | None = None  # the id the owner's API reply carries
    data: Callable[[World], dict] | None = None  # the request body (a form, or JSON for the API)
    files: Callable[[], dict] | None = None  # fresh uploads for each request
    watch: Callable[[World], object] | None = None  # what the owner's request changes, the other's not
    status: int = 200  # the owner's status
    note: str = ""

    @property
    def key(self) -> str:
        return f"{self.method} {self.route}"

    @property
    def is_api(self) -> bool:
        return self.route.startswith("/api/")


def view(route, url, *, shows=None, json_id=None, **kw) -> Case:
    return Case("GET", route, url, "view", shows=shows, json_id=json_id, **kw)


def change(method, route, url, *, data=None, watch, **kw) -> Case:
    return Case(method, route, url, "change", data=data, watch=watch, **kw)


def read_on_post(route, url) -> Case:
    """A read-only page that also answers POST (it renders again, nothing is written): scoped all the same;
    the case is the route's GET case (same users, same content) sent as a POST."""
    return Case("POST", route, url, "read_on_post")


def refuse(method, route, url, note="") -> Case:
    return Case(method, route, url, "refuse", status=405, note=note)


# --- reading rows back (never through the scoped default managers) ---------------------------------

def row(model, pk) -> dict:
    """Every column of one row, read with the model's base manager (outside any scope)."""
    return model._base_manager.filter(pk=pk).values().first()


def count(model, **lookup) -> int:
    return model._base_manager.filter(**lookup).count()


# --- the world ----------------------------------------------------------------------------------------

def build_world() -> World:
    """One object of every kind owned by Ủy ban MTTQ xã Bảo Ái (``commune_a``); ``commune_b`` (Phường Yên
    Bái) is the other unit. Built with the cast of ``tests/conftest.py`` and the apps' domain actions."""
    from danvan.awards.domain.nominations import add_file, create_nomination
    from danvan.awards.models import AwardKind
    from danvan.core.models import Job
    from danvan.documents.domain.register import issue_number
    from danvan.documents.domain.terms import ensure_default_terms
    from danvan.meetings.domain.bridge import add_bridge_point
    from danvan.meetings.domain.meetings import add_document, add_role
    from danvan.meetings.domain.tasks import report_progress
    from danvan.orgs.models import Membership, Organization, Role
    from danvan.practices.domain.attachments import add_attachment
    from danvan.practices.domain.campaigns import create_campaign
    from danvan.reports.domain.default_form import ensure_default_form
    from danvan.reports.domain.periods import get_period
    from danvan.reports.domain.reports import create_report
    from tests.conftest import build_cast, build_geo
    from tests.factories import UserFactory, member
    from tests.meetings.helpers import conclusion, meeting, person, task
    from tests.practices.conftest import make_practice

    w = build_cast(build_geo())
    ensure_default_terms()
    Organization._base_manager.filter(pk__in=[w.commission.pk, w.front.pk, w.front_a.pk, w.front_b.pk,
                                              w.party.pk]).update(valid_from=REFORM)
    for org in (w.commission, w.front, w.front_a, w.front_b, w.party):
        org.refresh_from_db()
    w.root = UserFactory(username="root_matrix", is_superuser=True, is_staff=True)
    # users and roles (quản trị of each commune; a clerk of A whose account and role A's admin manages)
    w.admin_a = member(w.front_a, Role.ADMIN, username="admin_a", full_name="Quản Trị Bảo Ái")
    w.admin_b = member(w.front_b, Role.ADMIN, username="admin_b", full_name="Quản Trị Yên Bái")
    w.clerk = member(w.front_a, Role.OFFICER, username="clerk_a", full_name="Thào Thị Thư Ký")
    w.clerk_membership = Membership._base_manager.get(user=w.clerk)
    # meetings, people, tasks
    w.person = person(w.front_a, name="Giàng Thị Mỷ", title="Trưởng thôn Nậm Lúc")
    w.meeting = meeting(w.front_a, title="Hội nghị dân vận xã Bảo Ái tháng Ba")
    w.point = add_bridge_point(actor=None, meeting=w.meeting, name="Điểm cầu thôn Nậm Lúc", expected=30)
    w.role = add_role(actor=None, meeting=w.meeting, person=w.person, role="chi_dao")
    w.conclusion = conclusion(w.meeting, text="Kết luận về đường thôn Nậm Lúc")
    w.task = task(w.conclusion, [w.front_a], title="Bê tông hóa đường thôn Nậm Lúc")
    # awards
    w.award = AwardKind.objects.create(name="Kỷ niệm chương Vì sự nghiệp dân vận", code="knc-matrix")
    w.nominee = person(w.front_a, name="Lò Thị Hoa", title="Chi hội trưởng")
    w.nomination = create_nomination(
        actor=None, award_kind=w.award, year=2023, nominee_type="individual", person=w.nominee,
        organization=w.front_a, justification="Nhiều năm đóng góp cho công tác dân vận ở thôn.", years_in_work=15)
    # the document register
    w.document = issue_number(organization=w.front_a, doc_type="BC", issued_on=datetime.date(2025, 11, 5),
                              title="Báo cáo công tác dân vận xã Bảo Ái", actor=None)
    # reports
    w.form = ensure_default_form()
    w.report = create_report(actor=w.root, form=w.form, period=get_period("month", 2025, 9), organization=w.front_a)
    # practices (the campaign belongs to the province commission: its owner is ``province``, Huế the other)
    w.campaign = create_campaign(actor=w.province, organization=w.commission, name="Dân vận khéo Lào Cai 2026",
                                 start_year=2026, end_year=2026, registration_deadline=datetime.date(2099, 12, 31),
                                 criteria=["Có tên gọi cụ thể", "Được nhân dân hưởng ứng"])
    w.practice = make_practice(w.front_a, name="Mô hình đường thôn Nậm Lúc", campaign=w.campaign, year=2026)
    w.attachment = add_attachment(practice=w.practice, actor=w.commune_a,
                                  upload=SimpleUploadedFile("hop-dan.png", PNG, content_type="image/png"),
                                  caption="Họp dân thôn Nậm Lúc")
    # a background job of commune_a with its result file
    w.job = Job.objects.create(kind="export", title="Xuất danh sách mô hình xã Bảo Ái", created_by=w.commune_a,
                               status=Job.Status.SUCCEEDED)
    w.job.result_file.save("mo-hinh-bao-ai.xlsx", ContentFile(b"PK matrix"), save=True)
    w.failed_job = Job.objects.create(kind="matrix.import", title="Nhập mô hình xã Bảo Ái", created_by=w.commune_a,
                                      status=Job.Status.FAILED, message="Tệp có lỗi.")
    w.failed_job.input_file.save("nhap-bao-ai.xlsx", ContentFile(b"PK matrix input"), save=True)
    # files kept with the records: a meeting document, a task's evidence, a nomination's dossier
    w.meeting_doc = add_document(actor=None, meeting=w.meeting, title="Biên bản họp thôn Nậm Lúc",
                                 file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 matrix minutes",
                                                         content_type="application/pdf"))
    w.evidence = report_progress(actor=w.commune_a, task=w.task, status="in_progress", progress=10,
                                 note="Khởi công đoạn đầu", on=datetime.date(2026, 4, 1), organization=w.front_a,
                                 evidence=SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 matrix evidence",
                                                             content_type="application/pdf"))
    w.task.refresh_from_db()
    w.dossier = add_file(actor=None, nomination=w.nomination, kind="achievements",
                         file=SimpleUploadedFile("thanh-tich.pdf", b"%PDF-1.4 matrix dossier",
                                                 content_type="application/pdf"))
    for plugin in _plugins():
        plugin.build(w)
    return w


def _plugins():
    """Each module's own scope cases: ``tests/<app>/scope_cases.py`` with ``build(w)`` (adds the module's
    objects, owned by ``w.front_a``, to the world), ``cases()`` (its ``Case`` entries) and optionally
    ``PREPARE`` and ``PUBLIC`` (dicts like the ones below). One file per module, so modules never edit this one."""
    import importlib
    from pathlib import Path

    here = Path(__file__).resolve().parent
    return [importlib.import_module(f"tests.{path.parent.name}.scope_cases")
            for path in sorted(here.glob("*/scope_cases.py"))]


# --- the cases ------------------------------------------------------------------------------------------

def _models():
    from danvan.awards.models import Nomination, NominationFile
    from danvan.core.models import Job, User
    from danvan.documents.models import IssuedDocument
    from danvan.meetings.models import (
        BridgePoint,
        Conclusion,
        Contribution,
        FollowUpTask,
        Meeting,
        MeetingDocument,
        MeetingRole,
        Person,
        Position,
        TaskUpdate,
    )
    from danvan.orgs.models import Membership, Organization, OrganizationSuccession
    from danvan.practices.models import Campaign, Evaluation, Practice, PracticeAttachment
    from danvan.reports.models import Report

    return SimpleNamespace(**{m.__name__: m for m in [
        Nomination, NominationFile, Job, User, IssuedDocument, BridgePoint, Conclusion, Contribution, FollowUpTask,
        Meeting, MeetingDocument, MeetingRole, Person, Position, TaskUpdate, Membership, Organization,
        OrganizationSuccession, Campaign, Evaluation, Practice, PracticeAttachment, Report]})


M = SimpleNamespace()  # filled lazily (the apps are not ready when this module is imported by conftest)


def m():
    if not vars(M):
        vars(M).update(vars(_models()))
    return M


def org_form(w, **extra):
    o = w.front_a
    values = {"name": o.name, "short_name": o.short_name, "kind": o.kind, "area": o.area_id,
              "parent": o.parent_id or "", "valid_from": "01/07/2025", "valid_to": "", "email": "", "phone": "",
              "address": "", "version": o.version}
    return {**values, **extra}


def meeting_form(w):
    return {"kind": "giao_ban", "title": "Hội nghị dân vận xã Bảo Ái (sửa)", "organization": w.front_a.pk,
            "starts_at": "30/03/2026 08:00", "mode": w.meeting.mode, "version": w.meeting.version}


def practice_form(w):
    p = w.practice
    return {"name": "Mô hình đường thôn Nậm Lúc (sửa)", "organization": w.front_a.pk, "area": p.area_id,
            "field": p.field, "kind": p.kind, "year": p.year, "situation": p.situation, "goals": p.goals, "content": p.content,
            "holder": "collective", "version": p.version, "campaign": w.campaign.pk}


def campaign_form(w):
    return {"organization": w.commission.pk, "name": "Dân vận khéo Lào Cai 2026 (sửa)", "start_year": 2026,
            "end_year": 2026, "registration_deadline": "31/12/2099",
            "criteria": "Có tên gọi cụ thể\nĐược nhân dân hưởng ứng", "version": w.campaign.version}


def nomination_form(w):
    n = w.nomination
    return {"award_kind": w.award.pk, "year": 2024, "nominee_type": "individual", "person": w.nominee.pk,
            "organization": w.front_a.pk, "justification": n.justification, "years_in_work": 16,
            "version": n.version}


def evaluation_form(w):
    criteria = list(w.campaign.criteria.all())
    return {**{f"score_{c.id}": 8 for c in criteria}, "comment": "Tốt"}


def upload(name="bien-ban.pdf", content=b"%PDF-1.4 matrix", kind="application/pdf"):
    return lambda: {"file": SimpleUploadedFile(name, content, content_type=kind)}


MEETING = "/hoi-nghi/<int:pk>/"


def _cases() -> list[Case]:
    def meeting_url(suffix=""):
        return lambda w: f"/hoi-nghi/{w.meeting.pk}/{suffix}"

    def meeting_row(w):
        return row(m().Meeting, w.meeting.pk)

    cases = [
        # core: background jobs belong to the user who started them
        view("/cong-viec/<int:pk>/", lambda w: f"/cong-viec/{w.job.pk}/", shows=lambda w: w.job.title),
        read_on_post("/cong-viec/<int:pk>/", lambda w: f"/cong-viec/{w.job.pk}/"),
        view("/cong-viec/<int:pk>/tai-ve/", lambda w: f"/cong-viec/{w.job.pk}/tai-ve/",
             shows=lambda w: "PK matrix"),
        read_on_post("/cong-viec/<int:pk>/tai-ve/", lambda w: f"/cong-viec/{w.job.pk}/tai-ve/"),
        view("/cong-viec/<int:pk>/tep-dau-vao/", lambda w: f"/cong-viec/{w.failed_job.pk}/tep-dau-vao/",
             shows=lambda w: "PK matrix input"),
        read_on_post("/cong-viec/<int:pk>/tep-dau-vao/", lambda w: f"/cong-viec/{w.failed_job.pk}/tep-dau-vao/"),
        change("POST", "/cong-viec/<int:pk>/chay-lai/", lambda w: f"/cong-viec/{w.failed_job.pk}/chay-lai/",
               watch=lambda w: row(m().Job, w.failed_job.pk)["status"], status=302),
        refuse("GET", "/cong-viec/<int:pk>/chay-lai/", lambda w: f"/cong-viec/{w.failed_job.pk}/chay-lai/"),
        # orgs
        view("/to-chuc/<int:pk>/", lambda w: f"/to-chuc/{w.front_a.pk}/", shows=lambda w: w.front_a.name),
        read_on_post("/to-chuc/<int:pk>/", lambda w: f"/to-chuc/{w.front_a.pk}/"),
        view("/to-chuc/<int:pk>/sua/", lambda w: f"/to-chuc/{w.front_a.pk}/sua/", shows=lambda w: w.front_a.name),
        change("POST", "/to-chuc/<int:pk>/sua/", lambda w: f"/to-chuc/{w.front_a.pk}/sua/", owner="province",
               data=lambda w: org_form(w, name="Ủy ban MTTQ Việt Nam xã Bảo Ái (đổi tên)"),
               watch=lambda w: row(m().Organization, w.front_a.pk), status=302),
        view("/to-chuc/<int:pk>/ke-thua/", lambda w: f"/to-chuc/{w.front_a.pk}/ke-thua/",
             shows=lambda w: w.front_a.name),
        change("POST", "/to-chuc/<int:pk>/ke-thua/", lambda w: f"/to-chuc/{w.front_a.pk}/ke-thua/",
               owner="province", other="hue",
               data=lambda w: {"predecessors": [w.old_commission.pk], "kind": "merge", "effective": "01/07/2025",
                               "note": "Hợp nhất"},
               watch=lambda w: count(m().OrganizationSuccession, successor=w.front_a), status=302),
        view("/to-chuc/nguoi-dung/<int:pk>/", lambda w: f"/to-chuc/nguoi-dung/{w.clerk.pk}/", owner="admin_a",
             other="admin_b", shows=lambda w: w.clerk.full_name),
        change("POST", "/to-chuc/nguoi-dung/<int:pk>/", lambda w: f"/to-chuc/nguoi-dung/{w.clerk.pk}/",
               owner="admin_a", other="admin_b",
               data=lambda w: {"organization": w.front_a.pk, "role": "officer", "position": "Thư ký hội nghị"},
               watch=lambda w: list(m().Membership._base_manager.filter(user=w.clerk).values(
                   "role", "is_active", "position")),
               status=302),
        change("POST", "/to-chuc/nguoi-dung/<int:pk>/trang-thai/",
               lambda w: f"/to-chuc/nguoi-dung/{w.clerk.pk}/trang-thai/", owner="admin_a", other="admin_b",
               data=lambda w: {"active": "0"}, watch=lambda w: row(m().User, w.clerk.pk)["is_active"], status=302),
        refuse("GET", "/to-chuc/nguoi-dung/<int:pk>/trang-thai/",
               lambda w: f"/to-chuc/nguoi-dung/{w.clerk.pk}/trang-thai/"),
        change("POST", "/to-chuc/vai-tro/<int:pk>/ket-thuc/",
               lambda w: f"/to-chuc/vai-tro/{w.clerk_membership.pk}/ket-thuc/", owner="admin_a", other="admin_b",
               watch=lambda w: row(m().Membership, w.clerk_membership.pk), status=302),
        refuse("GET", "/to-chuc/vai-tro/<int:pk>/ket-thuc/",
               lambda w: f"/to-chuc/vai-tro/{w.clerk_membership.pk}/ket-thuc/"),
        # meetings
        view(MEETING, meeting_url(), shows=lambda w: w.meeting.title),
        read_on_post(MEETING, meeting_url()),
        view("/hoi-nghi/<int:pk>/sua/", meeting_url("sua/"), shows=lambda w: w.meeting.title),
        change("POST", "/hoi-nghi/<int:pk>/sua/", meeting_url("sua/"), data=meeting_form, watch=meeting_row,
               status=302),
        change("POST", "/hoi-nghi/<int:pk>/nguoi/", meeting_url("nguoi/"),
               data=lambda w: {"person": w.nominee.pk, "role": "dai_bieu"},
               watch=lambda w: count(m().MeetingRole, meeting=w.meeting), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/nguoi/", meeting_url("nguoi/")),
        change("POST", "/hoi-nghi/<int:pk>/nguoi/<int:role_id>/xoa/",
               lambda w: f"/hoi-nghi/{w.meeting.pk}/nguoi/{w.role.pk}/xoa/",
               watch=lambda w: count(m().MeetingRole, meeting=w.meeting), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/nguoi/<int:role_id>/xoa/",
               lambda w: f"/hoi-nghi/{w.meeting.pk}/nguoi/{w.role.pk}/xoa/"),
        change("POST", "/hoi-nghi/<int:pk>/ket-luan/", meeting_url("ket-luan/"),
               data=lambda w: {"text": "Rà soát hộ nghèo thôn Nậm Lúc"},
               watch=lambda w: count(m().Conclusion, meeting=w.meeting), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/ket-luan/", meeting_url("ket-luan/")),
        change("POST", "/hoi-nghi/<int:pk>/ket-luan/<int:conclusion_id>/nhiem-vu/",
               lambda w: f"/hoi-nghi/{w.meeting.pk}/ket-luan/{w.conclusion.pk}/nhiem-vu/",
               data=lambda w: {"title": "Vận động hiến đất làm đường", "assignees": [w.front_a.pk],
                               "due_date": "30/06/2026"},
               watch=lambda w: count(m().FollowUpTask, conclusion=w.conclusion), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/ket-luan/<int:conclusion_id>/nhiem-vu/",
               lambda w: f"/hoi-nghi/{w.meeting.pk}/ket-luan/{w.conclusion.pk}/nhiem-vu/"),
        change("POST", "/hoi-nghi/<int:pk>/y-kien/", meeting_url("y-kien/"),
               data=lambda w: {"summary": "Đề nghị hỗ trợ xi măng", "speaker": "Ông Lò Văn Pọm"},
               watch=lambda w: count(m().Contribution, meeting=w.meeting), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/y-kien/", meeting_url("y-kien/")),
        change("POST", "/hoi-nghi/<int:pk>/tai-lieu/", meeting_url("tai-lieu/"),
               data=lambda w: {"title": "Biên bản họp thôn"}, files=upload(),
               watch=lambda w: count(m().MeetingDocument, meeting=w.meeting), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/tai-lieu/", meeting_url("tai-lieu/")),
        view("/hoi-nghi/<int:pk>/van-ban/<str:kind>.<str:fmt>", meeting_url("van-ban/invitation.docx"),
             shows=lambda w: "PK\x03\x04"),  # a DOCX (a zip file: its signature, never in a page) for the owner
        read_on_post("/hoi-nghi/<int:pk>/van-ban/<str:kind>.<str:fmt>", meeting_url("van-ban/invitation.docx")),
        change("POST", "/hoi-nghi/<int:pk>/van-ban/<str:kind>/cap-so/", meeting_url("van-ban/invitation/cap-so/"),
               watch=lambda w: count(m().IssuedDocument, organization=w.front_a), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/van-ban/<str:kind>/cap-so/", meeting_url("van-ban/invitation/cap-so/")),
        change("POST", "/hoi-nghi/<int:pk>/diem-cau/them-hang-loat/", meeting_url("diem-cau/them-hang-loat/"),
               owner="province", other="hue",
               data=lambda w: {"level": "commune", "parent": w.geo.laocai.pk, "expected": 20},
               watch=lambda w: count(m().BridgePoint, meeting=w.meeting), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/diem-cau/them-hang-loat/", meeting_url("diem-cau/them-hang-loat/")),
        change("POST", "/hoi-nghi/<int:pk>/diem-cau/them/", meeting_url("diem-cau/them/"),
               data=lambda w: {"name": "Điểm cầu thôn Khe Mạ", "expected": 25},
               watch=lambda w: count(m().BridgePoint, meeting=w.meeting), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/diem-cau/them/", meeting_url("diem-cau/them/")),
        view("/hoi-nghi/<int:pk>/diem-cau/diem-danh/", meeting_url("diem-cau/diem-danh/"),
             shows=lambda w: w.point.name),
        change("POST", "/hoi-nghi/<int:pk>/diem-cau/diem-danh/", meeting_url("diem-cau/diem-danh/"),
               data=lambda w: {f"present_{w.point.pk}": "27"},
               watch=lambda w: row(m().BridgePoint, w.point.pk), status=302),
        view("/hoi-nghi/<int:pk>/diem-cau/<int:point_id>/",
             lambda w: f"/hoi-nghi/{w.meeting.pk}/diem-cau/{w.point.pk}/", shows=lambda w: w.point.name),
        change("POST", "/hoi-nghi/<int:pk>/diem-cau/<int:point_id>/",
               lambda w: f"/hoi-nghi/{w.meeting.pk}/diem-cau/{w.point.pk}/",
               data=lambda w: {"present": "28", "expected": "30"},
               watch=lambda w: row(m().BridgePoint, w.point.pk)),
        change("POST", "/hoi-nghi/<int:pk>/diem-cau/<int:point_id>/xoa/",
               lambda w: f"/hoi-nghi/{w.meeting.pk}/diem-cau/{w.point.pk}/xoa/",
               watch=lambda w: count(m().BridgePoint, meeting=w.meeting), status=302),
        refuse("GET", "/hoi-nghi/<int:pk>/diem-cau/<int:point_id>/xoa/",
               lambda w: f"/hoi-nghi/{w.meeting.pk}/diem-cau/{w.point.pk}/xoa/"),
        view("/hoi-nghi/tai-lieu/<int:pk>/tai-ve/", lambda w: f"/hoi-nghi/tai-lieu/{w.meeting_doc.pk}/tai-ve/",
             shows=lambda w: "matrix minutes"),
        read_on_post("/hoi-nghi/tai-lieu/<int:pk>/tai-ve/",
                     lambda w: f"/hoi-nghi/tai-lieu/{w.meeting_doc.pk}/tai-ve/"),
        view("/hoi-nghi/nhiem-vu/minh-chung/<int:pk>/", lambda w: f"/hoi-nghi/nhiem-vu/minh-chung/{w.evidence.pk}/",
             shows=lambda w: "matrix evidence"),
        read_on_post("/hoi-nghi/nhiem-vu/minh-chung/<int:pk>/",
                     lambda w: f"/hoi-nghi/nhiem-vu/minh-chung/{w.evidence.pk}/"),
        view("/hoi-nghi/nhiem-vu/<int:pk>/", lambda w: f"/hoi-nghi/nhiem-vu/{w.task.pk}/",
             shows=lambda w: w.task.title),
        read_on_post("/hoi-nghi/nhiem-vu/<int:pk>/", lambda w: f"/hoi-nghi/nhiem-vu/{w.task.pk}/"),
        change("POST", "/hoi-nghi/nhiem-vu/<int:pk>/cap-nhat/", lambda w: f"/hoi-nghi/nhiem-vu/{w.task.pk}/cap-nhat/",
               data=lambda w: {"status": "in_progress", "progress": 40, "note": "Đã đổ 200 m bê tông",
                               "on": "15/04/2026", "version": w.task.version},
               watch=lambda w: count(m().TaskUpdate, task=w.task), status=302),
        refuse("GET", "/hoi-nghi/nhiem-vu/<int:pk>/cap-nhat/", lambda w: f"/hoi-nghi/nhiem-vu/{w.task.pk}/cap-nhat/"),
        view("/hoi-nghi/nguoi/<int:pk>/", lambda w: f"/hoi-nghi/nguoi/{w.person.pk}/",
             shows=lambda w: w.person.full_name),
        read_on_post("/hoi-nghi/nguoi/<int:pk>/", lambda w: f"/hoi-nghi/nguoi/{w.person.pk}/"),
        change("POST", "/hoi-nghi/nguoi/<int:pk>/chuc-vu/", lambda w: f"/hoi-nghi/nguoi/{w.person.pk}/chuc-vu/",
               data=lambda w: {"title": "Bí thư chi bộ", "organization": w.front_a.pk, "valid_from": "01/01/2026"},
               watch=lambda w: count(m().Position, person=w.person), status=302),
        view("/hoi-nghi/nguoi/<int:pk>/chuc-vu/", lambda w: f"/hoi-nghi/nguoi/{w.person.pk}/chuc-vu/",
             status=302, note="a GET only redirects to the person's page"),
        # awards
        view("/khen-thuong/<int:pk>/", lambda w: f"/khen-thuong/{w.nomination.pk}/",
             shows=lambda w: w.nomination.nominee_name),
        read_on_post("/khen-thuong/<int:pk>/", lambda w: f"/khen-thuong/{w.nomination.pk}/"),
        view("/khen-thuong/<int:pk>/sua/", lambda w: f"/khen-thuong/{w.nomination.pk}/sua/",
             shows=lambda w: w.nomination.justification),
        change("POST", "/khen-thuong/<int:pk>/sua/", lambda w: f"/khen-thuong/{w.nomination.pk}/sua/",
               data=nomination_form, watch=lambda w: row(m().Nomination, w.nomination.pk), status=302),
        change("POST", "/khen-thuong/<int:pk>/buoc/", lambda w: f"/khen-thuong/{w.nomination.pk}/buoc/",
               data=lambda w: {"action": "submit"}, watch=lambda w: row(m().Nomination, w.nomination.pk),
               status=302),
        refuse("GET", "/khen-thuong/<int:pk>/buoc/", lambda w: f"/khen-thuong/{w.nomination.pk}/buoc/"),
        change("POST", "/khen-thuong/<int:pk>/ho-so/", lambda w: f"/khen-thuong/{w.nomination.pk}/ho-so/",
               data=lambda w: {"kind": "achievements"}, files=upload("thanh-tich.pdf"),
               watch=lambda w: count(m().NominationFile, nomination=w.nomination), status=302),
        refuse("GET", "/khen-thuong/<int:pk>/ho-so/", lambda w: f"/khen-thuong/{w.nomination.pk}/ho-so/"),
        view("/khen-thuong/ho-so/<int:pk>/tai-ve/", lambda w: f"/khen-thuong/ho-so/{w.dossier.pk}/tai-ve/",
             shows=lambda w: "matrix dossier"),
        read_on_post("/khen-thuong/ho-so/<int:pk>/tai-ve/", lambda w: f"/khen-thuong/ho-so/{w.dossier.pk}/tai-ve/"),
        # the document register
        view("/so-van-ban/<int:pk>/", lambda w: f"/so-van-ban/{w.document.pk}/", shows=lambda w: w.document.symbol),
        read_on_post("/so-van-ban/<int:pk>/", lambda w: f"/so-van-ban/{w.document.pk}/"),
        # reports
        view("/bao-cao/<int:pk>/", lambda w: f"/bao-cao/{w.report.pk}/", shows=lambda w: w.front_a.name),
        read_on_post("/bao-cao/<int:pk>/", lambda w: f"/bao-cao/{w.report.pk}/"),
        view("/bao-cao/<int:pk>/sua/", lambda w: f"/bao-cao/{w.report.pk}/sua/", shows=lambda w: w.front_a.name),
        change("POST", "/bao-cao/<int:pk>/sua/", lambda w: f"/bao-cao/{w.report.pk}/sua/",
               data=lambda w: {"version": w.report.version, "v_DV_DON_NHAN": "5",
                               "r_DV_DON_NHAN": "Đơn nhận qua hộp thư chưa vào sổ"},
               watch=lambda w: row(m().Report, w.report.pk), status=302),
        change("POST", "/bao-cao/<int:pk>/chuyen/<str:action>/", lambda w: f"/bao-cao/{w.report.pk}/chuyen/submit/",
               watch=lambda w: row(m().Report, w.report.pk), status=302),
        refuse("GET", "/bao-cao/<int:pk>/chuyen/<str:action>/", lambda w: f"/bao-cao/{w.report.pk}/chuyen/submit/"),
        change("POST", "/bao-cao/<int:pk>/cap-so/", lambda w: f"/bao-cao/{w.report.pk}/cap-so/",
               data=lambda w: {"issued_on": "05/11/2025"},
               watch=lambda w: row(m().Report, w.report.pk), status=302),
        refuse("GET", "/bao-cao/<int:pk>/cap-so/", lambda w: f"/bao-cao/{w.report.pk}/cap-so/"),
        view("/bao-cao/<int:pk>/xuat/<str:fmt>/", lambda w: f"/bao-cao/{w.report.pk}/xuat/xlsx/",
             shows=lambda w: "PK\x03\x04"),
        read_on_post("/bao-cao/<int:pk>/xuat/<str:fmt>/", lambda w: f"/bao-cao/{w.report.pk}/xuat/xlsx/"),
        # practices
        view("/mo-hinh/dot-phat-dong/<int:pk>/", lambda w: f"/mo-hinh/dot-phat-dong/{w.campaign.pk}/",
             owner="province", other="hue", shows=lambda w: w.campaign.name),
        read_on_post("/mo-hinh/dot-phat-dong/<int:pk>/", lambda w: f"/mo-hinh/dot-phat-dong/{w.campaign.pk}/"),
        view("/mo-hinh/dot-phat-dong/<int:pk>/sua/", lambda w: f"/mo-hinh/dot-phat-dong/{w.campaign.pk}/sua/",
             owner="province", other="hue", shows=lambda w: w.campaign.name),
        change("POST", "/mo-hinh/dot-phat-dong/<int:pk>/sua/", lambda w: f"/mo-hinh/dot-phat-dong/{w.campaign.pk}/sua/",
               owner="province", other="hue", data=campaign_form, watch=lambda w: row(m().Campaign, w.campaign.pk),
               status=302),
        view("/mo-hinh/<int:pk>/", lambda w: f"/mo-hinh/{w.practice.pk}/", shows=lambda w: w.practice.name),
        read_on_post("/mo-hinh/<int:pk>/", lambda w: f"/mo-hinh/{w.practice.pk}/"),
        view("/mo-hinh/<int:pk>/sua/", lambda w: f"/mo-hinh/{w.practice.pk}/sua/", shows=lambda w: w.practice.name),
        change("POST", "/mo-hinh/<int:pk>/sua/", lambda w: f"/mo-hinh/{w.practice.pk}/sua/", data=practice_form,
               watch=lambda w: row(m().Practice, w.practice.pk), status=302),
        change("POST", "/mo-hinh/<int:pk>/thao-tac/<slug:action>/",
               lambda w: f"/mo-hinh/{w.practice.pk}/thao-tac/register/",
               watch=lambda w: row(m().Practice, w.practice.pk), status=302),
        refuse("GET", "/mo-hinh/<int:pk>/thao-tac/<slug:action>/",
               lambda w: f"/mo-hinh/{w.practice.pk}/thao-tac/register/"),
        change("POST", "/mo-hinh/<int:pk>/danh-gia/", lambda w: f"/mo-hinh/{w.practice.pk}/danh-gia/",
               owner="province", other="hue", data=evaluation_form,
               watch=lambda w: count(m().Evaluation, practice=w.practice), status=302),
        refuse("GET", "/mo-hinh/<int:pk>/danh-gia/", lambda w: f"/mo-hinh/{w.practice.pk}/danh-gia/"),
        change("POST", "/mo-hinh/<int:pk>/tep/", lambda w: f"/mo-hinh/{w.practice.pk}/tep/",
               data=lambda w: {"caption": "Con đường mới"}, files=upload("duong.png", PNG, "image/png"),
               watch=lambda w: count(m().PracticeAttachment, practice=w.practice), status=302),
        refuse("GET", "/mo-hinh/<int:pk>/tep/", lambda w: f"/mo-hinh/{w.practice.pk}/tep/"),
        view("/mo-hinh/tep/<int:pk>/", lambda w: f"/mo-hinh/tep/{w.attachment.pk}/", shows=lambda w: "PNG"),
        read_on_post("/mo-hinh/tep/<int:pk>/", lambda w: f"/mo-hinh/tep/{w.attachment.pk}/"),
        change("POST", "/mo-hinh/tep/<int:pk>/xoa/", lambda w: f"/mo-hinh/tep/{w.attachment.pk}/xoa/",
               watch=lambda w: count(m().PracticeAttachment, practice=w.practice), status=302),
        refuse("GET", "/mo-hinh/tep/<int:pk>/xoa/", lambda w: f"/mo-hinh/tep/{w.attachment.pk}/xoa/"),
        # the API
        view("/api/v1/organizations/{org_id}", lambda w: f"/api/v1/organizations/{w.front_a.pk}",
             json_id=lambda w: w.front_a.pk),
        view("/api/v1/documents/{doc_id}", lambda w: f"/api/v1/documents/{w.document.pk}",
             json_id=lambda w: w.document.pk),
        view("/api/v1/reports/{report_id}", lambda w: f"/api/v1/reports/{w.report.pk}",
             json_id=lambda w: w.report.pk),
        change("PUT", "/api/v1/reports/{report_id}/values", lambda w: f"/api/v1/reports/{w.report.pk}/values",
               data=lambda w: {"version": w.report.version, "values": {"DV_DON_NHAN": 7}},
               watch=lambda w: row(m().Report, w.report.pk)),
        change("POST", "/api/v1/reports/{report_id}/submit", lambda w: f"/api/v1/reports/{w.report.pk}/submit",
               watch=lambda w: row(m().Report, w.report.pk)),
        change("POST", "/api/v1/reports/{report_id}/return", lambda w: f"/api/v1/reports/{w.report.pk}/return",
               owner="leader", other="hue", data=lambda w: {"reason": "Thiếu số liệu"},
               watch=lambda w: row(m().Report, w.report.pk), note="the report is submitted first (prepare)"),
        change("POST", "/api/v1/reports/{report_id}/approve", lambda w: f"/api/v1/reports/{w.report.pk}/approve",
               owner="leader", other="hue", watch=lambda w: row(m().Report, w.report.pk),
               note="the report is submitted first (prepare)"),
        change("POST", "/api/v1/reports/{report_id}/reopen", lambda w: f"/api/v1/reports/{w.report.pk}/reopen",
               owner="leader", other="hue", data=lambda w: {"reason": "Sửa số liệu"},
               watch=lambda w: row(m().Report, w.report.pk), note="the report is approved first (prepare)"),
        view("/api/v1/practices/{practice_id}", lambda w: f"/api/v1/practices/{w.practice.pk}",
             json_id=lambda w: w.practice.pk),
        change("PATCH", "/api/v1/practices/{practice_id}", lambda w: f"/api/v1/practices/{w.practice.pk}",
               data=lambda w: {"name": "Mô hình đường thôn Nậm Lúc (API)", "version": w.practice.version},
               watch=lambda w: row(m().Practice, w.practice.pk)),
        change("POST", "/api/v1/practices/{practice_id}/{action}",
               lambda w: f"/api/v1/practices/{w.practice.pk}/register", data=lambda w: {},
               watch=lambda w: row(m().Practice, w.practice.pk)),
        view("/api/v1/meetings/{meeting_id}", lambda w: f"/api/v1/meetings/{w.meeting.pk}",
             json_id=lambda w: w.meeting.pk),
        view("/api/v1/tasks/{task_id}", lambda w: f"/api/v1/tasks/{w.task.pk}", json_id=lambda w: w.task.pk),
        change("POST", "/api/v1/tasks/{task_id}/progress", lambda w: f"/api/v1/tasks/{w.task.pk}/progress",
               data=lambda w: {"status": "in_progress", "progress": 40, "note": "Đã đổ bê tông 200 m",
                               "on": "2026-04-15", "version": w.task.version},
               watch=lambda w: count(m().TaskUpdate, task=w.task)),
        change("PUT", "/api/v1/meetings/{meeting_id}/bridge-points/{point_id}/attendance",
               lambda w: f"/api/v1/meetings/{w.meeting.pk}/bridge-points/{w.point.pk}/attendance",
               data=lambda w: {"present": 28, "expected": 30}, watch=lambda w: row(m().BridgePoint, w.point.pk)),
        view("/api/v1/nominations/{nomination_id}", lambda w: f"/api/v1/nominations/{w.nomination.pk}",
             json_id=lambda w: w.nomination.pk),
    ]
    return cases


def _index(cases: list[Case]) -> dict[str, Case]:
    by_key = {c.key: c for c in cases}
    for key, case in by_key.items():
        if case.kind == "read_on_post":
            by_key[key] = replace(by_key[f"GET {case.route}"], method="POST")
    return by_key


CASES: dict[str, Case] = _index(_cases() + [case for plugin in _plugins() for case in plugin.cases()])

# Routes that take an id but whose object is public reference data: anyone signed in may read it.
PUBLIC: dict[str, str] = {
    "GET /dia-ban/<int:pk>/": "areas are the public administrative map (ARCHITECTURE.md, scoping)",
    "POST /dia-ban/<int:pk>/": "areas are the public administrative map; the page only reads",
    "GET /dia-ban/<int:pk>/con/": "the children of an area: public administrative map",
    "POST /dia-ban/<int:pk>/con/": "the children of an area: public administrative map; the fragment only reads",
    "GET /api/v1/areas/{area_id}": "areas are the public administrative map",
    "GET /api/v1/reports/forms/{form_id}": "report forms are reference data, the same for every organization",
}

# Whole URL prefixes outside the matrix, with the reason.
EXEMPT_PREFIXES: dict[str, str] = {
    "/quan-tri-he-thong/": "Django's admin site: staff superusers only (is_staff), who see everything by design",
}

# What some cases need beyond the world (run as the world's superuser, inside the test's transaction).
PREPARE: dict[str, Callable[[World], None]] = {}


def _filled(w):
    from danvan.reports.domain.reports import save_report

    save_report(w.report, actor=w.root, expected_version=w.report.version, values={"DV_DON_NHAN": 3, "DV_DON_GQ": 2, "DV_MH_DK": 1})


def _submitted(w):
    from danvan.reports.domain.reports import submit_report

    _filled(w)
    submit_report(w.report, actor=w.root)


def _approved(w):
    from danvan.reports.domain.reports import approve_report

    _submitted(w)
    approve_report(w.report, actor=w.root)


PREPARE["POST /api/v1/reports/{report_id}/return"] = _submitted
PREPARE["POST /api/v1/reports/{report_id}/approve"] = _submitted
PREPARE["POST /api/v1/reports/{report_id}/reopen"] = _approved
PREPARE["POST /bao-cao/<int:pk>/cap-so/"] = _approved
PREPARE["POST /bao-cao/<int:pk>/chuyen/<str:action>/"] = _filled
PREPARE["POST /api/v1/reports/{report_id}/submit"] = _filled


def _started(w):
    from danvan.practices.domain.lifecycle import register_practice, start_practice

    register_practice(practice=w.practice, actor=w.root, today=datetime.date(2026, 3, 1))
    start_practice(practice=w.practice, actor=w.root)


PREPARE["POST /mo-hinh/<int:pk>/danh-gia/"] = _started

for _plugin in _plugins():
    PREPARE.update(getattr(_plugin, "PREPARE", {}))
    PUBLIC.update(getattr(_plugin, "PUBLIC", {}))  # e.g. the public portal's pages, with the reason
