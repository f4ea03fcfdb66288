"""Scope cases of the community module (people of prestige): one entry per id-taking route and method."""

import datetime

from tests.scope_cases import change, read_on_post, refuse, row, view


def build(w):
    from tests.community.helpers import make_list, nominee

    w.prestige_list = make_list(w.front_a)
    w.prestige = nominee(w.prestige_list, "Vàng Seo Páo", village="Thôn Nậm Lúc")
    w.prestige_next = nominee(w.prestige_list, "Lù Thị Mai", village="Bản Phố")
    from danvan.community.domain.religion import appoint
    from danvan.community.models import Religion
    w.dignitary = appoint(actor=None, organization=w.front_a, kind="post", title="Trưởng điểm nhóm",
                          religion=Religion.objects.get(name="Tin Lành"), full_name="Thào A Dình",
                          since=datetime.date(2019, 5, 1))
    from danvan.community.domain.support import create_campaign, record_event
    w.support_event = record_event(actor=None, organization=w.front_a, beneficiary_kind="poor_household",
                                   beneficiary_name="Hộ bà Giàng Thị Sua", area=w.geo.commune_a,
                                   date=datetime.date(2027, 1, 25), occasion="tet", kind="gift", cash=300_000)
    from danvan.community.domain.hotspots import create_hot_spot
    from danvan.community.models import HotSpotField
    w.hot_spot = create_hot_spot(actor=None, organization=w.front_a, title="Tranh chấp đất rừng thôn Nậm Lúc",
                                 field=HotSpotField.objects.first(), area=w.geo.commune_a,
                                 review_date=datetime.date(2027, 1, 10))
    from danvan.community.domain.opinion import file_report
    w.opinion_report = file_report(actor=None, organization=w.front_a, area=w.geo.commune_a,
                                   date=datetime.date(2026, 11, 20), social_groups="Nông dân thôn Nậm Lúc",
                                   statement="Lo ngại mức bồi thường", stance="against", strength=4, spread=3,
                                   source="direct", urgent=True)
    from danvan.community.domain.opinion import appoint_collaborator, create_topic
    w.collaborator = appoint_collaborator(actor=None, organization=w.front_a, full_name="Lò Văn Cộng",
                                          level="commune", social_group="farmers", area=w.geo.commune_a,
                                          term_from=datetime.date(2026, 1, 1))
    w.opinion_topic = create_topic(actor=None, organization=w.front_a, title="Dư luận về bồi thường đất rừng Nậm Lúc",
                                   due_date=datetime.date(2026, 11, 30))
    w.support_campaign = create_campaign(actor=None, organization=w.commission, name="Thăm, tặng quà Tết 2027",
                                         area=w.geo.laocai, occasion="tet", date_from=datetime.date(2027, 1, 15),
                                         date_to=datetime.date(2027, 2, 10))


def _entry(w):
    from danvan.community.models import PrestigeEntry
    return row(PrestigeEntry, w.prestige.pk)


def _list(w):
    from danvan.community.models import PrestigeList
    return row(PrestigeList, w.prestige_list.pk)


def _dignitary(w):
    from danvan.community.models import Dignitary
    return row(Dignitary, w.dignitary.pk)


def _hot_spot(w):
    from danvan.community.models import HotSpot
    return row(HotSpot, w.hot_spot.pk)


def _opinion(w):
    from danvan.community.models import OpinionReport
    return row(OpinionReport, w.opinion_report.pk)


def _collaborator(w):
    from danvan.community.models import OpinionCollaborator
    return row(OpinionCollaborator, w.collaborator.pk)


def _count(w):
    from danvan.community.models import PrestigeEntry
    return PrestigeEntry._base_manager.filter(prestige_list=w.prestige_list).count()


ENTRY = "/cong-dong/uy-tin/<int:pk>/"
LIST = "/cong-dong/danh-sach/<int:pk>/"


def cases():
    entry = lambda w: f"/cong-dong/uy-tin/{w.prestige.pk}/"  # noqa: E731
    plist = lambda w: f"/cong-dong/danh-sach/{w.prestige_list.pk}/"  # noqa: E731
    name = lambda w: "Vàng Seo Páo"  # noqa: E731
    return [
        view(ENTRY, entry, shows=name),
        read_on_post(ENTRY, entry),
        change("POST", ENTRY + "<str:action>/", lambda w: entry(w) + "select/",
               data=lambda w: {"on": "2026-11-02"}, watch=_entry, status=302),
        refuse("GET", ENTRY + "<str:action>/", lambda w: entry(w) + "select/"),
        view(LIST, plist, shows=name),
        read_on_post(LIST, plist),
        change("POST", LIST + "de-cu/", lambda w: plist(w) + "de-cu/", data=lambda w: {
            "full_name": "Giàng A Lử", "village": "Bản Phố", "role": "elder", "village_meeting_on": "2026-10-12",
            "households_present": "30", "households_total": "40", "kind": "selection"}, watch=_count, status=302),
        refuse("GET", LIST + "de-cu/", lambda w: plist(w) + "de-cu/"),
        change("POST", LIST + "quyet-dinh/", lambda w: plist(w) + "quyet-dinh/", data=lambda w: {
            "decision_number": "125/QĐ-UBND", "decision_date": "2026-12-20", "authority": "UBND xã Bảo Ái"},
            watch=_list, status=302),
        refuse("GET", LIST + "quyet-dinh/", lambda w: plist(w) + "quyet-dinh/"),
        view("/cong-dong/danh-sach/<int:pk>/van-ban.docx", lambda w: plist(w) + "van-ban.docx", shows=lambda w: "PK\x03\x04"),
        read_on_post("/cong-dong/danh-sach/<int:pk>/van-ban.docx", lambda w: plist(w) + "van-ban.docx"),
        view("/api/v1/prestige-people/{entry_id}", lambda w: f"/api/v1/prestige-people/{w.prestige.pk}",
             json_id=lambda w: w.prestige.pk),
        change("POST", "/api/v1/prestige-people/{entry_id}/actions/{action}",
               lambda w: f"/api/v1/prestige-people/{w.prestige.pk}/actions/select",
               data=lambda w: {"on": str(datetime.date(2026, 11, 2))}, watch=_entry),
        view("/cong-dong/chuc-sac/<int:pk>/", lambda w: f"/cong-dong/chuc-sac/{w.dignitary.pk}/",
             shows=lambda w: "Thào A Dình"),
        read_on_post("/cong-dong/chuc-sac/<int:pk>/", lambda w: f"/cong-dong/chuc-sac/{w.dignitary.pk}/"),
        change("POST", "/cong-dong/chuc-sac/<int:pk>/ket-thuc/", lambda w: f"/cong-dong/chuc-sac/{w.dignitary.pk}/ket-thuc/",
               data=lambda w: {"until": "2024-03-31"}, watch=_dignitary, status=302),
        refuse("GET", "/cong-dong/chuc-sac/<int:pk>/ket-thuc/", lambda w: f"/cong-dong/chuc-sac/{w.dignitary.pk}/ket-thuc/"),
        view("/cong-dong/tham-hoi/<int:pk>/", lambda w: f"/cong-dong/tham-hoi/{w.support_event.pk}/",
             shows=lambda w: "Hộ bà Giàng Thị Sua"),
        read_on_post("/cong-dong/tham-hoi/<int:pk>/", lambda w: f"/cong-dong/tham-hoi/{w.support_event.pk}/"),
        view("/cong-dong/tham-hoi/chien-dich/<int:pk>/", lambda w: f"/cong-dong/tham-hoi/chien-dich/{w.support_campaign.pk}/",
             shows=lambda w: "Thăm, tặng quà Tết 2027", owner="province", other="hue"),
        read_on_post("/cong-dong/tham-hoi/chien-dich/<int:pk>/",
                     lambda w: f"/cong-dong/tham-hoi/chien-dich/{w.support_campaign.pk}/"),
        view("/cong-dong/tham-hoi/chien-dich/<int:pk>/bao-cao.docx",
             lambda w: f"/cong-dong/tham-hoi/chien-dich/{w.support_campaign.pk}/bao-cao.docx", shows=lambda w: "PK\x03\x04",
             owner="province", other="hue"),
        read_on_post("/cong-dong/tham-hoi/chien-dich/<int:pk>/bao-cao.docx",
                     lambda w: f"/cong-dong/tham-hoi/chien-dich/{w.support_campaign.pk}/bao-cao.docx"),
        view("/api/v1/support-events/{event_id}", lambda w: f"/api/v1/support-events/{w.support_event.pk}",
             json_id=lambda w: w.support_event.pk),
        view("/cong-dong/diem-nong/<int:pk>/", lambda w: f"/cong-dong/diem-nong/{w.hot_spot.pk}/",
             shows=lambda w: "Tranh chấp đất rừng thôn Nậm Lúc"),
        read_on_post("/cong-dong/diem-nong/<int:pk>/", lambda w: f"/cong-dong/diem-nong/{w.hot_spot.pk}/"),
        change("POST", "/cong-dong/diem-nong/<int:pk>/<str:action>/", lambda w: f"/cong-dong/diem-nong/{w.hot_spot.pk}/watch/",
               data=lambda w: {"on": "2026-11-05", "text": "Theo dõi"}, watch=_hot_spot, status=302),
        refuse("GET", "/cong-dong/diem-nong/<int:pk>/<str:action>/",
               lambda w: f"/cong-dong/diem-nong/{w.hot_spot.pk}/watch/"),
        view("/api/v1/hot-spots/{hot_spot_id}", lambda w: f"/api/v1/hot-spots/{w.hot_spot.pk}",
             json_id=lambda w: w.hot_spot.pk),
        change("POST", "/cong-dong/du-luan/<int:pk>/da-nhan/",
               lambda w: f"/cong-dong/du-luan/{w.opinion_report.pk}/da-nhan/", watch=_opinion, status=302,
               owner="leader", other="hue"),
        refuse("GET", "/cong-dong/du-luan/<int:pk>/da-nhan/", lambda w: f"/cong-dong/du-luan/{w.opinion_report.pk}/da-nhan/"),
        view("/api/v1/opinion-reports/{report_id}", lambda w: f"/api/v1/opinion-reports/{w.opinion_report.pk}",
             json_id=lambda w: w.opinion_report.pk),
        view("/cong-dong/du-luan/<int:pk>/", lambda w: f"/cong-dong/du-luan/{w.opinion_report.pk}/",
             shows=lambda w: "Nông dân thôn Nậm Lúc"),
        read_on_post("/cong-dong/du-luan/<int:pk>/", lambda w: f"/cong-dong/du-luan/{w.opinion_report.pk}/"),
        view("/cong-dong/du-luan/chu-de/<int:pk>/", lambda w: f"/cong-dong/du-luan/chu-de/{w.opinion_topic.pk}/",
             shows=lambda w: "Dư luận về bồi thường đất rừng Nậm Lúc"),
        read_on_post("/cong-dong/du-luan/chu-de/<int:pk>/",
                     lambda w: f"/cong-dong/du-luan/chu-de/{w.opinion_topic.pk}/"),
        view("/cong-dong/cong-tac-vien/<int:pk>/", lambda w: f"/cong-dong/cong-tac-vien/{w.collaborator.pk}/",
             shows=lambda w: "Lò Văn Cộng"),
        read_on_post("/cong-dong/cong-tac-vien/<int:pk>/",
                     lambda w: f"/cong-dong/cong-tac-vien/{w.collaborator.pk}/"),
        change("POST", "/cong-dong/cong-tac-vien/<int:pk>/sua/",
               lambda w: f"/cong-dong/cong-tac-vien/{w.collaborator.pk}/sua/", data=lambda w: {
                   "full_name": "Lò Văn Cộng", "level": "village", "social_group": "farmers",
                   "area": str(w.geo.commune_a.pk), "term_from": "2026-01-01", "version": "1"},
               watch=_collaborator, status=302),
        refuse("GET", "/cong-dong/cong-tac-vien/<int:pk>/sua/",
               lambda w: f"/cong-dong/cong-tac-vien/{w.collaborator.pk}/sua/"),
        view("/api/v1/opinion-collaborators/{collaborator_id}",
             lambda w: f"/api/v1/opinion-collaborators/{w.collaborator.pk}", json_id=lambda w: w.collaborator.pk),
        change("POST", "/api/v1/hot-spots/{hot_spot_id}/actions/{action}",
               lambda w: f"/api/v1/hot-spots/{w.hot_spot.pk}/actions/watch",
               data=lambda w: {"on": "2026-11-05", "text": "Theo dõi sát"}, watch=_hot_spot),
        view("/api/v1/dignitaries/{dignitary_id}", lambda w: f"/api/v1/dignitaries/{w.dignitary.pk}",
             json_id=lambda w: w.dignitary.pk),
    ]
