"""Sections other modules add to the meeting page, without the meetings module knowing them.

A module registers ``section(request, meeting) -> dict | None`` returning ``{"template": ..., "order": n,
**context}`` (in its ``AppConfig.ready``); the meeting page includes each template, in order, with that
dict as ``section``. A section reads only what the user may see (it gets the request)."""

from collections.abc import Callable

_SECTIONS: dict[str, Callable] = {}


def register(key: str, section: Callable) -> None:
    _SECTIONS[key] = section


def sections_for(request, meeting) -> list[dict]:
    result = []
    for key, section in _SECTIONS.items():
        data = section(request, meeting)
        if data:
            result.append({"key": key, **data})
    return sorted(result, key=lambda s: (s.get("order", 50), s["key"]))
