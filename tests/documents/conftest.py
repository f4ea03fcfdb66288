import pytest

from danvan.documents.domain.terms import ensure_default_terms


@pytest.fixture
def terms(db):
    """The two default terms (2020–2025, 2025–2030), recreated if a transactional test flushed them."""
    return ensure_default_terms()
