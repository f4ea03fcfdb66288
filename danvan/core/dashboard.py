"""Dashboard panels. Each app registers a function ``panel(request) -> dict | None`` returning
``{"template": ..., "order": n, **context}``; the dashboard renders each template with that dict as
its context (also reachable as ``panel``, plus the request), in order."""

from collections.abc import Callable

_PANELS: dict[str, Callable] = {}


def register(key: str, panel: Callable) -> None:
    _PANELS[key] = panel


def panels_for(request) -> list[dict]:
    result = []
    for key, panel in _PANELS.items():
        data = panel(request)
        if data:
            result.append({"key": key, **data})
    return sorted(result, key=lambda p: (p.get("order", 50), p["key"]))
