"""Scope cases of the community module (people of prestige): one entry per id-taking route and method."""

import datetime

from tests.scope_cases import change, read_on_post, refuse, row, view


def build(w):
    from tests.community.helpers import make_list, nominee

    w.prestige_list = make_list(w.front_a)
    w.prestige = nominee(w.prestige_list, "Vàng Seo Páo", village="Thôn Nậm Lúc")
    w.prestige_next = nominee(w.prestige_list, "Lù Thị Mai", village="Bản Phố")


def _entry(w):
    from danvan.community.models import PrestigeEntry
    return row(PrestigeEntry, w.prestige.pk)


def _list(w):
    from danvan.community.models import PrestigeList
    return row(PrestigeList, w.prestige_list.pk)


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
        view("/cong-dong/danh-sach/<int:pk>/van-ban.docx", lambda w: plist(w) + "van-ban.docx", shows=lambda w: "PK"),
        read_on_post("/cong-dong/danh-sach/<int:pk>/van-ban.docx", lambda w: plist(w) + "van-ban.docx"),
        view("/api/v1/prestige-people/{entry_id}", lambda w: f"/api/v1/prestige-people/{w.prestige.pk}",
             json_id=lambda w: w.prestige.pk),
        change("POST", "/api/v1/prestige-people/{entry_id}/actions/{action}",
               lambda w: f"/api/v1/prestige-people/{w.prestige.pk}/actions/select",
               data=lambda w: {"on": str(datetime.date(2026, 11, 2))}, watch=_entry),
    ]
