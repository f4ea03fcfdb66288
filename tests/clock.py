"""A pytest plugin that moves the clock, to prove that no test depends on the day it runs.

    DANVAN_TEST_NOW=2031-01-01T03:00+07:00 .venv/bin/python -m pytest

sets "now" to that instant for the whole run (the clock keeps ticking from there): ``datetime.datetime``
and ``datetime.date`` are replaced, in the ``datetime`` module and in every module that imported them,
by subclasses whose ``now()``/``utcnow()``/``today()`` are shifted. Everything they build is a real
``datetime``/``date``, and ``isinstance`` against them answers for real objects, so nothing else notices.
Without the variable the plugin does nothing. 03:00 in Asia/Ho_Chi_Minh is 20:00 UTC of the day
before: a test or a line of code that takes the UTC date, or the OS date, for the local one fails then.
"""

import datetime as _dt
import os
import sys

REAL_DATETIME = _dt.datetime
REAL_DATE = _dt.date


class _Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, cls._real)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, cls._real)


class _Typed:
    """Schemas built while the clock is moved (pydantic, django-ninja) see the real type."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        return handler.generate_schema(cls._real)


def install(target: REAL_DATETIME) -> None:
    """Shift every ``now`` so that it is ``target`` at this instant."""
    offset = target - REAL_DATETIME.now(_dt.UTC)

    class FakeDatetime(_Typed, REAL_DATETIME, metaclass=_Meta):
        _real = REAL_DATETIME

        def __new__(cls, *args, **kwargs):
            return REAL_DATETIME(*args, **kwargs)

        @classmethod
        def now(cls, tz=None):
            moment = REAL_DATETIME.now(_dt.UTC) + offset
            return moment.astimezone(tz) if tz else moment.astimezone().replace(tzinfo=None)

        @classmethod
        def utcnow(cls):
            return (REAL_DATETIME.now(_dt.UTC) + offset).replace(tzinfo=None)

        @classmethod
        def today(cls):
            return cls.now()

    class FakeDate(_Typed, REAL_DATE, metaclass=_Meta):
        _real = REAL_DATE

        def __new__(cls, *args, **kwargs):
            return REAL_DATE(*args, **kwargs)

        @classmethod
        def today(cls):
            return FakeDatetime.now().date()

    for module in list(sys.modules.values()):
        if module is None or module.__name__ == __name__:
            continue
        namespace = getattr(module, "__dict__", None)
        if not isinstance(namespace, dict):
            continue
        for name, value in list(namespace.items()):
            if value is REAL_DATETIME:
                setattr(module, name, FakeDatetime)
            elif value is REAL_DATE:
                setattr(module, name, FakeDate)


def pytest_configure(config):
    value = os.environ.get("DANVAN_TEST_NOW")
    if value:
        target = REAL_DATETIME.fromisoformat(value)
        if target.tzinfo is None:
            raise ValueError("DANVAN_TEST_NOW needs an offset, e.g. 2031-01-01T03:00+07:00")
        install(target)


def pytest_report_header(config):
    value = os.environ.get("DANVAN_TEST_NOW")
    return f"clock moved to {value} (DANVAN_TEST_NOW)" if value else None
