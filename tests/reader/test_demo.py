"""The reader's demo: two articles read for the demo organizations, idempotent."""

from io import StringIO

from danvan.reader import demo
from danvan.reader.models import Article
from tests.factories import OrganizationFactory


def test_demo_reads_its_articles_once(geo):
    geo.old_yenbai.source_key = "legacy:p10"
    geo.old_yenbai.save()
    geo.laocai.source_key = "2025:p15"
    geo.laocai.save()
    OrganizationFactory(name="Ban Dân vận Tỉnh ủy Lào Cai", area=geo.old_yenbai)
    OrganizationFactory(name="Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai", area=geo.laocai)
    out = StringIO()
    demo.load(out)
    demo.load(out)
    articles = {a.title: a for a in Article._base_manager.all()}
    assert len(articles) == 2 and "demo articles: 0 read (2 in all)" in out.getvalue()
    briefing = articles["Giao ban công tác dân vận quý III năm 2021"].reading
    assert (briefing["event_date"], briefing["report_period"], briefing["bridge_points"]) == ("2021-10-08", "Q3-2021", 9)
    assert briefing["chairs"] == ["Nguyễn Thị Thu Hà"] and briefing["dvk_models"] == 1020
    review = articles["Tổng kết công tác tuyên giáo và dân vận năm 2025"].reading
    assert (review["event_date"], review["medal_individuals"], review["commended_collectives"]) == ("2026-01-09", 18, 7)
