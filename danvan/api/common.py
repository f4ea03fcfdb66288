"""Shared pieces of the REST API: pagination as {"count": N, "items": [...]}, small schemas."""

from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase


class Pagination(PaginationBase):
    """``?page=`` (from 1) and ``?page_size=`` (at most 200; default 50)."""

    class Input(Schema):
        page: int = Field(1, ge=1, description="Page, from 1")
        page_size: int = Field(50, ge=1, le=200, description="Items per page (at most 200)")

    class Output(Schema):
        count: int
        items: list[Any]

    items_attribute = "items"

    def paginate_queryset(self, queryset: QuerySet, pagination: Input, **params):
        offset = (pagination.page - 1) * pagination.page_size
        return {"count": queryset.count(), "items": list(queryset[offset: offset + pagination.page_size])}


class Ref(Schema):
    """A reference to another record: its id, code (where it has one) and name."""

    id: int
    code: str = ""
    name: str


class Message(Schema):
    detail: str
