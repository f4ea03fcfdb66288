"""Issue 10 §6: every Bootstrap table scrolls inside its own box at 390 px.

A ``<table class="table …">`` with no ``.table-responsive`` ancestor makes the whole page wider than a
phone. Two checks keep it fixed:

* the static one parses every page template of the project (``danvan/**/templates/**/*.html``) and
  fails on such a table, unless the template is on ``ALLOWED`` (with the reason);
* the rendered one (``test_rendered_pages_wrap_every_table``) reads the HTML of the main list and
  detail pages of each module as a user gets them, so a table that comes from an include, a template
  tag or a list's column is checked too.
"""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import login

ROOT = Path(__file__).resolve().parents[2] / "danvan"

# Templates that are not pages of the app, so not walked: printed documents and e-mails.
NOT_PAGES = {
    # WeasyPrint's A4 document (documents.rendering.pdf); its tables are the document's own layout.
    "documents/templates/documents/party_document.html": "printed document (PDF), not a page of the app",
}

# Partials whose Bootstrap table has no scrolling box of its own because every page that includes them
# wraps the include in one (template -> reason). Keep it short: wrapping in the partial is better.
ALLOWED: dict[str, str] = {}

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
DJANGO_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)


class TableFinder(HTMLParser):
    """Walks HTML with a stack of open elements; notes each ``table``-classed table with no scrolling ancestor.

    ``unwrapped`` holds (line, class attribute) of every offending table.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, scrolls)
        self.tables = 0
        self.unwrapped = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and "table" in classes:
            self.tables += 1
            if not any(scrolls for _, scrolls in self.stack):
                self.unwrapped.append((self.getpos()[0], " ".join(classes)))
        if tag not in VOID:
            scrolls = any(c == "table-responsive" or c.startswith("table-responsive-") for c in classes)
            self.stack.append((tag, scrolls))

    def handle_startendtag(self, tag, attrs):
        if tag != "table":
            return
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return


def unwrapped_tables(html: str) -> tuple[int, list]:
    finder = TableFinder()
    finder.feed(html)
    finder.close()
    return finder.tables, finder.unwrapped


def page_templates():
    for path in sorted(ROOT.glob("**/templates/**/*.html")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in NOT_PAGES or "/email/" in rel or "/emails/" in rel or "mail" in path.name:
            continue  # read on paper or in a mail client, not in the app's layout
        yield rel, path


def template_offenders():
    offenders = []
    for rel, path in page_templates():
        if rel in ALLOWED:
            continue
        # Django tags become spaces so that a tag inside an attribute or between elements cannot confuse the parser
        text = DJANGO_TAG.sub(lambda m: "\n" * m.group(0).count("\n") or " ", path.read_text(encoding="utf-8"))
        _, bad = unwrapped_tables(text)
        offenders += [f"{rel}:{line} <table class=\"{css}\">" for line, css in bad]
    return offenders


def test_finder_sees_a_bare_table_and_accepts_a_wrapped_one():
    assert unwrapped_tables('<div class="card"><table class="table table-sm"><tr><td>1</td></tr></table></div>') == (
        1, [(1, "table table-sm")],
    )
    assert unwrapped_tables('<div class="table-responsive"><table class="table"></table></div>') == (1, [])
    assert unwrapped_tables('<div class="table-responsive-md"><p>x</p><table class="table"></table></div>') == (1, [])
    # a closed wrapper does not cover the next table
    assert unwrapped_tables('<div class="table-responsive"></div><table class="table"></table>')[1] == [(1, "table")]
    # a table without Bootstrap's class (layout of a printed page) is not this test's business
    assert unwrapped_tables("<table><tr><td>x</td></tr></table>") == (0, [])


def test_allowed_and_skipped_templates_exist_and_still_need_it():
    for rel in [*ALLOWED, *NOT_PAGES]:
        path = ROOT / rel
        assert path.exists(), f"{rel} is on the allow-list but is gone: take it off"
        assert "<table" in path.read_text(encoding="utf-8"), f"{rel} has no table any more: take it off the allow-list"


def test_every_template_table_scrolls_in_its_own_box():
    assert len(list(page_templates())) > 100  # the walk finds the project's templates
    offenders = template_offenders()
    assert not offenders, (
        f"{len(offenders)} table(s) without a <div class=\"table-responsive\"> around them "
        "(wider than a 390 px phone):\n" + "\n".join(offenders)
    )


# --- rendered pages ---------------------------------------------------------------------------------------

# The list and overview pages of every module (URL names without arguments; exports, forms and the public
# portal, which has no Bootstrap tables, are left out).
LIST_PAGES = [
    "dashboard", "job_list", "notifications", "area_browser", "org_list", "user_list",
    "meeting_list", "meeting_calendar", "task_list", "task_overview", "person_list",
    "nomination_list",
    "reception_list", "reception_duties", "dialogue_list", "promise_ledger", "petition_list",
    "document_list", "document_signers",
    "report_list", "report_rollup", "report_completeness", "report_review_queue",
    "practice_list", "practice_stats", "campaign_list",
    "prestige_list", "prestige_stats", "religion_registry", "support_list", "hot_spot_list", "opinion_list",
    "opinion_topic_list", "opinion_summary", "collaborator_list", "community_reads",
    "democracy_table", "democracy_review", "obligation_list", "democracy_overdue", "decision_list",
    "democracy_publishing", "democracy_submissions", "consultation_list", "finding_list",
    "reader_articles", "reader_quality",
]


def detail_pages(cast):
    """(name, url) of detail pages with a table, over a few records made here."""
    from danvan.core.models import Job
    from danvan.voice.domain.dialogues import create_dialogue
    from danvan.voice.domain.petitions import receive_petition
    from tests.meetings.helpers import person
    from tests.practices.conftest import make_practice
    from tests.voice.conftest import case, session

    practice = make_practice(cast.commission)
    receiver = person(cast.party, name="Trịnh Văn Tỉnh", title="Bí thư Tỉnh ủy")
    reception = session(cast.party, receiver, datetime.date(2025, 9, 15))
    case(reception)
    dialogue = create_dialogue(actor=None, organization=cast.party, title="Đối thoại với nhân dân tỉnh",
                               held_on=datetime.date(2025, 10, 2))
    petition = receive_petition(actor=None, organization=cast.party, code="ĐT-01/2025",
                                received_on=datetime.date(2025, 10, 3), kind="complaint",
                                subject="Khiếu nại về bồi thường đất", area=cast.geo.commune_a)
    job = Job.objects.create(kind="import", title="Nhập danh sách", created_by=cast.admin, status="failed",
                             errors=[{"row": 3, "column": "B", "message": "Ngày không hợp lệ"}])
    pages = [
        ("org_detail", reverse("org_detail", args=[cast.commission.pk])),
        ("user_detail", reverse("user_detail", args=[cast.province.pk])),
        ("area_detail", reverse("area_detail", args=[cast.geo.laocai.pk])),
        ("practice_detail", reverse("practice_detail", args=[practice.pk])),
        ("reception_detail", reverse("reception_detail", args=[reception.pk])),
        ("dialogue_detail", reverse("dialogue_detail", args=[dialogue.pk])),
        ("petition_detail", reverse("petition_detail", args=[petition.pk])),
        ("person_detail", reverse("person_detail", args=[receiver.pk])),
        ("job_detail", reverse("job_detail", args=[job.pk])),
    ]
    return pages


@pytest.mark.django_db
def test_rendered_pages_wrap_every_table(cast):
    client = login(cast.admin)
    pages = [(name, reverse(name)) for name in LIST_PAGES] + detail_pages(cast)
    seen, problems, status = 0, [], []
    for name, url in pages:
        response = client.get(url)
        if response.status_code != 200:
            status.append(f"{name} {url}: {response.status_code}")
            continue
        tables, bad = unwrapped_tables(response.content.decode())
        seen += tables
        problems += [f"{name} {url} line {line}: <table class=\"{css}\">" for line, css in bad]
    assert not status, "pages that did not render:\n" + "\n".join(status)
    assert not problems, "tables without a .table-responsive box:\n" + "\n".join(problems)
    print(f"{seen} tables on {len(pages)} pages")
    assert seen >= 20  # the pages above do show tables (the check is not vacuous)
