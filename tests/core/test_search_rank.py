"""Search ranks what the user meant first (issue 10 §6): the whole name, then the phrase, then accents
as typed, then the rest; provinces before communes, then the Vietnamese order. Plain lookups
(``core.text.search_order``), so SQLite and PostgreSQL answer the same."""

from danvan.places.queries.areas import filter_areas
from danvan.practices.queries.practices import filter_practices
from tests.conftest import make_area
from tests.practices.conftest import make_practice


def names(areas):
    return [f"{a.kind_name} {a.name}" for a in areas]


def test_yen_bai_lists_the_province_before_the_commune(cast):
    make_area("Yên Bài", "Xã", "commune", "04500", cast.geo.laocai)
    make_area("Yên Bái Hạ", "Xã", "commune", "04501", cast.geo.laocai)
    assert names(filter_areas(q="yen bai")) == ["Tỉnh Yên Bái", "Xã Yên Bài", "Phường Yên Bái", "Xã Yên Bái Hạ"]
    # typed with accents: the accents decide within the rank, before the level
    assert names(filter_areas(q="Yên Bài")) == ["Xã Yên Bài", "Tỉnh Yên Bái", "Phường Yên Bái", "Xã Yên Bái Hạ"]
    assert names(filter_areas(q="Yên Bái")) == ["Tỉnh Yên Bái", "Phường Yên Bái", "Xã Yên Bài", "Xã Yên Bái Hạ"]


def test_bao_ai_lists_the_commune_models_first(cast):
    nhai = make_area("Bảo Nhai", "Xã", "commune", "04600", cast.geo.laocai)
    make_practice(cast.front_b, cast.geo.commune_b, name="Vận động đồng bào vùng cao tại các thôn")
    make_practice(cast.commission, nhai, name="Mô hình “Ai cũng là tuyên truyền viên” ở xã Bảo Nhai")
    make_practice(cast.front_a, cast.geo.commune_a, name="Mô hình “Chi hội phụ nữ không sinh con thứ ba”")
    make_practice(cast.front_a, cast.geo.commune_a, name="Mô hình “Dân vận khéo” ở thôn Nậm Khắt")
    found = [p.name for p in filter_practices(cast.province, q="bao ai")]
    assert found == ["Mô hình “Chi hội phụ nữ không sinh con thứ ba”", "Mô hình “Dân vận khéo” ở thôn Nậm Khắt",
                     "Mô hình “Ai cũng là tuyên truyền viên” ở xã Bảo Nhai", "Vận động đồng bào vùng cao tại các thôn"]
    # an explicit sort of the list is kept
    by_name = list(filter_practices(cast.province, q="bao ai", sort="-name"))
    assert [p.name_sort for p in by_name] == sorted((p.name_sort for p in by_name), reverse=True)
    assert len(by_name) == 4
