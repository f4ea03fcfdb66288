from danvan.core.navigation import items_for
from danvan.core.queries.notifications import unread_count
from danvan.orgs.scope import active_memberships


def shell(request):
    """What every page shows: the module navigation, the user's organization(s) and scope."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "shell_memberships": [], "shell_home": None, "shell_unread": 0}
    memberships = active_memberships(user)
    return {
        "nav_items": items_for(user),
        "shell_memberships": memberships,
        "shell_home": memberships[0] if memberships else None,
        "shell_unread": _Once(lambda: unread_count(user)),
    }


class _Once:
    """A value computed on first use in the template (one COUNT for the bell), then kept: fragments
    that never show the header cost nothing."""

    def __init__(self, compute):
        self._compute, self._done, self._value = compute, False, None

    def __call__(self):
        if not self._done:
            self._value, self._done = self._compute(), True
        return self._value
