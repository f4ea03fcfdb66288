"""The API keeps its OpenAPI contract (issue 16): schemathesis reads the document the server serves and
sends generated requests, valid and invalid, to EVERY operation, as a commune officer, a province
leader and the superuser, over demo-like data, with every check schemathesis has (no server error,
documented status, content type and body schema, invalid data refused, ...). Deterministic (a fixed
seed through ``derandomize``) and bounded (``EXAMPLES`` per operation and mode).

The requests go in-process to Django's WSGI application, inside the test's transaction."""

import os
import time

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode

from danvan.awards.domain import nominations as flow
from danvan.awards.models import AwardKind
from danvan.core.models.tokens import ApiToken, hash_token
from tests.meetings.helpers import conclusion, meeting, person, task
from tests.practices.conftest import make_practice
from tests.reports.conftest import rep  # noqa: F401  (fixture)

CONFIG = schemathesis.Config.from_dict({
    # Schema-valid data may still break a business rule (a year outside the campaign, an id outside
    # the caller's scope named as a field): that is a documented 422 naming the field.
    "checks": {"positive_data_acceptance": {"expected-statuses": [200, 201, 401, 403, 404, 409, 422]}},
})
EXAMPLES = int(os.environ.get("DANVAN_API_EXAMPLES", "4"))


@pytest.fixture
def wsgi_app():
    """Django's WSGI application that keeps the test's database connection (as the test client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(rep):  # noqa: F811
    """Demo-like data in every module: reports in each state, practices, a meeting with a task, a
    nomination, plus the cast's areas and organizations."""
    cast = rep.cast
    make_practice(cast.front_a, name="Dân vận khéo ở thôn Bản Mạ")
    make_practice(cast.commission, name="Mô hình của Ban", status="recognized", year=2024)
    m = meeting(cast.commission, actor=cast.province)
    task(conclusion(m, actor=cast.province), [cast.front_a], actor=cast.province)
    kind = AwardKind.objects.create(name="Kỷ niệm chương", code="knc", for_individuals=True)
    p = person(cast.front_a, name="Lò Thị Hoa")
    flow.create_nomination(actor=None, award_kind=kind, year=2023, nominee_type="individual", person=p,
                           organization=cast.front_a, justification="Nhiều năm đóng góp cho công tác dân vận.",
                           years_in_work=15, last_discipline_year=None)
    return rep


def _token(user) -> dict:
    raw = ApiToken.generate()
    ApiToken.objects.create(user=user, key_hash=hash_token(raw), prefix=raw[:8])
    return {"Authorization": f"Bearer {raw}"}


def _run(schema, headers) -> tuple[int, list[str]]:
    """Every operation, positive then negative examples; returns (requests sent, failures)."""
    failures, sent = [], [0]
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                strategy = operation.as_strategy(generation_mode=mode)
            except Exception as exc:  # an operation without anything to make invalid
                if mode is GenerationMode.NEGATIVE:
                    continue
                raise exc

            @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
            @given(case=strategy)
            def check(case):
                sent[0] += 1
                case.call_and_validate(headers=headers)

            try:
                check()
            except (Exception, BaseExceptionGroup) as exc:  # collect every operation's failure, then fail once with all of them
                failures.append(f"{operation.label} [{mode.value}]: {exc}"[:3000])
    return sent[0], failures


@pytest.mark.parametrize("who", ["commune_officer", "province_leader", "superuser"])
def test_every_operation_keeps_the_contract(world, wsgi_app, who):
    user = {"commune_officer": world.cast.commune_a, "province_leader": world.cast.leader,
            "superuser": world.root}[who]
    headers = _token(user)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app, headers=headers, config=CONFIG)
    started = time.monotonic()
    sent, failures = _run(schema, headers)
    assert not failures, f"{len(failures)} failing operations as {who} ({sent} requests, " \
                         f"{time.monotonic() - started:.0f} s):\n\n" + "\n\n".join(failures)
    assert sent >= 29 * 2  # every operation was exercised, valid and invalid
