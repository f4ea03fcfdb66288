import datetime
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from danvan.core.models import AuditEvent
from danvan.documents.domain.register import documents_for, issue_number
from danvan.documents.domain.terms import ensure_default_terms
from danvan.documents.models import IssuedDocument, NumberCounter, PartyTerm

DAY = datetime.date(2025, 11, 5)
ROOT = Path(__file__).resolve().parents[2]


def issue(org, doc_type="BC", day=DAY, actor=None, title="Kết quả công tác dân vận", **kw):
    return issue_number(organization=org, doc_type=doc_type, issued_on=day, title=title, actor=actor, **kw)


def test_numbers_run_from_one_per_organization_type_and_term(cast, terms):
    first, second = issue(cast.commission), issue(cast.commission)
    plan = issue(cast.commission, "KH")
    other_org = issue(cast.front)
    assert [first.number, second.number, plan.number, other_org.number] == [1, 2, 1, 1]
    assert first.symbol == "01-BC/BTGDVTU"
    assert second.number_line == "Số 02-BC/BTGDVTU"
    assert plan.symbol == "01-KH/BTGDVTU"
    assert other_org.symbol == "01-BC/UBMTTQVN"
    assert first.term.name == "2025–2030"


def test_new_term_restarts_at_one(cast, terms):
    old = [issue(cast.commission, day=datetime.date(2025, 9, d)) for d in (1, 29, 30)]
    new = issue(cast.commission, day=datetime.date(2025, 10, 1))
    assert [d.number for d in old] == [1, 2, 3]
    assert {d.term.name for d in old} == {"2020–2025"}
    assert (new.number, new.term.name) == (1, "2025–2030")


def test_two_digit_number_and_beyond(cast, terms):
    docs = [issue(cast.commission) for _ in range(24)]
    assert docs[4].symbol == "05-BC/BTGDVTU"
    assert docs[-1].symbol == "24-BC/BTGDVTU"


def test_issue_records_link_and_audit(cast, terms):
    doc = issue(cast.commission, actor=cast.leader, target=cast.front_a)
    assert (doc.target, doc.created_by) == (cast.front_a, cast.leader)
    assert list(documents_for(cast.front_a)) == [doc]
    event = AuditEvent.objects.get(object_id=str(doc.pk), action="create", content_type__model="issueddocument")
    assert event.actor == cast.leader
    assert "01-BC/BTGDVTU" in event.message


def test_no_term_for_date_is_refused_in_vietnamese(cast, terms):
    with pytest.raises(ValidationError) as exc:
        issue(cast.commission, day=datetime.date(2019, 5, 1))
    assert exc.value.message_dict["issued_on"] == [
        "Không có nhiệm kỳ nào bao gồm ngày 01/05/2019. Hãy đề nghị quản trị hệ thống thêm nhiệm kỳ."
    ]
    assert IssuedDocument.objects.unscoped("test reads back").count() == 0
    assert NumberCounter.objects.count() == 0


@pytest.mark.parametrize(("field", "kwargs"), [("doc_type", {"doc_type": "XX"}), ("title", {"title": "  "})])
def test_bad_input_changes_nothing(cast, terms, field, kwargs):
    with pytest.raises(ValidationError) as exc:
        issue(cast.commission, **kwargs)
    assert field in exc.value.message_dict
    assert IssuedDocument.objects.unscoped("test reads back").count() == 0


def test_counter_continues_after_numbers_already_in_register(cast, terms):
    term = PartyTerm.objects.get(name="2025–2030")
    IssuedDocument.objects.create(organization=cast.commission, doc_type="BC", term=term, number=7,
                                  symbol="07-BC/BTGDVTU", title="Nhập từ sổ giấy", issued_on=DAY)
    assert issue(cast.commission).number == 8


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_have_no_gaps_or_duplicates(cast):
    """Threads on PostgreSQL (row lock on the counter)."""
    if connection.vendor == "sqlite":
        pytest.skip("in-memory SQLite cannot be shared between connections: see the file-based test below")
    ensure_default_terms()
    threads, per_thread, errors = 6, 8, []

    def work():
        try:
            for _ in range(per_thread):
                issue(cast.commission)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    numbers = sorted(IssuedDocument.objects.unscoped("test reads back").filter(organization=cast.commission).values_list("number", flat=True))
    assert numbers == list(range(1, threads * per_thread + 1))


def test_concurrent_processes_on_sqlite_file_have_no_gaps_or_duplicates(tmp_path):
    """Six processes reserving eight numbers each in a file-based SQLite database (as deployed)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "danvan.settings"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "tests.documents.concurrency_probe", str(tmp_path / "probe.sqlite3")],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == list(range(1, 49))
