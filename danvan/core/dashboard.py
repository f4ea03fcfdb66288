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


# "Việc của tôi": what waits for the user, one line per kind of work, gathered from every module.
# A module registers ``fn(request) -> list[dict]``; each dict is one line: ``label`` (already translated,
# with its figures formatted), ``url`` (where the work is done), optional ``date`` (a due date),
# ``state`` ("overdue", "soon", "todo") and ``order``. Only work the user can do is listed.
_WORK: dict[str, Callable] = {}


def register_work(key: str, fn: Callable) -> None:
    _WORK[key] = fn


def work_for(request) -> list[dict]:
    items = []
    for key, fn in _WORK.items():
        for item in fn(request) or []:
            items.append({"key": key, "state": "todo", **item})
    return sorted(items, key=lambda i: ({"overdue": 0, "soon": 1}.get(i["state"], 2), i.get("order", 50), i["key"]))


def my_work_panel(request):
    """The "Việc của tôi" panel, first on the dashboard for every role (also when nothing waits)."""
    if not request.user.is_authenticated:
        return None
    return {"template": "core/_my_work.html", "order": 0, "items": work_for(request)}
