"""Shared pieces of the REST API: the one error shape, bounded parameter types, pagination as
{"count": N, "items": [...]}, per-resource enums and the documented answers of each operation.

Bounded types (use them for every path id, filter, page and body field, so that the OpenAPI document
states the limits and nothing out of range reaches the database):

- ``Id``: a record id, 1 ≤ id ≤ 2^63−1 (what every database stores);
- ``Year``: 1 ≤ year ≤ 9999 (``year=0`` is refused, never dropped);
- ``Page``/``PageSize``: 1 ≤ page ≤ ``MAX_PAGE``, 1 ≤ page_size ≤ 200;
- ``Count``: a non-negative whole number that fits a 32-bit column;
- ``text(max_length, min_length=0)``: a string without NUL bytes or lone surrogates (PostgreSQL and
  UTF-8 refuse them), other control characters removed, trimmed, within the form's length limits;
  ``Name`` is ``text(255, min_length=1)``; ``SearchText`` the ``q`` of lists (≤ 200).
"""

import enum
import re
from typing import Annotated, Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import PaginationBase
from pydantic import BeforeValidator, StringConstraints

MAX_ID = 2**63 - 1
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 200
MAX_INT32 = 2**31 - 1

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1, le=9999)]
Page = Annotated[int, Field(ge=1, le=MAX_PAGE)]
PageSize = Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE)]
Count = Annotated[int, Field(ge=0, le=MAX_INT32)]
IdKey = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,17}$")]
"""A record id as an object key (JSON keys are strings)."""

NO_NUL = r"^[^\x00]*$"
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean_text(value: Any) -> Any:
    """Refuse what no database stores (NUL, lone surrogates); drop other control characters."""
    if not isinstance(value, str):
        return value
    if "\x00" in value:
        raise ValueError(_("The text contains a NUL character (\\u0000), which is not allowed."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(_("The text contains a character that is not valid Unicode (a lone surrogate).")) from exc
    return _CONTROL.sub("", value).strip()


def text(max_length: int, min_length: int = 0):
    """A string field with the limits of the matching form field (see the module docstring)."""
    return Annotated[str, StringConstraints(max_length=max_length, min_length=min_length, pattern=NO_NUL),
                     BeforeValidator(_clean_text)]


Name = text(255, min_length=1)
SearchText = text(200)
Reason = text(2000, min_length=1)
LongText = text(20_000)


def choices_enum(name: str, choices) -> type[enum.Enum]:
    """A named copy of a model's ``TextChoices`` for the OpenAPI document: each resource gets its own
    enum (``ReportStatus``, ``PracticeStatus``, ...) instead of one shared ``Status``."""
    return enum.StrEnum(name, {member.name: member.value for member in choices})


class FieldError(Schema):
    field: str = Field(description="The field at fault (dotted path), or \"-\" when the error is not tied to one")
    message: str = Field(description="What is wrong, in Vietnamese")


class ErrorOut(Schema):
    """The one error shape of every answer other than 2xx."""

    detail: str = Field(description="What went wrong, in Vietnamese",
                        examples=["Dữ liệu gửi lên không hợp lệ."])
    errors: list[FieldError] = Field(default_factory=list, description="One entry per field at fault")


Message = ErrorOut

STATUS_DESCRIPTIONS = {
    400: "The request body is not valid JSON.",
    401: "Not signed in, or no valid Bearer token.",
    403: "You may see this record but not do this to it.",
    404: "Not found, or outside your scope.",
    409: "Conflict: someone else saved in between (stale version) or the status does not allow this step.",
    422: "Invalid parameters or data; `errors` names each field at fault.",
}


def answers(ok: Any, *codes: int, status: int = 200) -> dict:
    """The documented answers of an operation: ``ok`` under ``status``, plus 401 and 422 always and
    the extra ``codes`` (400 with a body, 403, 404, 409), each with the one error shape."""
    result: dict = {status: ok}
    for code in sorted({401, 422, *codes}):
        result[code] = ErrorOut
    return result


class Pagination(PaginationBase):
    """``?page=`` (from 1, at most 100,000) and ``?page_size=`` (at most 200; default 50)."""

    class Input(Schema):
        page: Page = Field(1, description="Page, from 1 (at most 100000)")
        page_size: PageSize = Field(50, description="Items per page (at most 200)")

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


def example_body(example: dict) -> dict:
    """``openapi_extra`` giving an operation's request body an example."""
    return {"requestBody": {"content": {"application/json": {"example": example}}}}
