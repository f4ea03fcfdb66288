from danvan.core.navigation import items_for
from danvan.orgs.scope import active_memberships


def shell(request):
    """What every page shows: the module navigation, the user's organization(s) and scope."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "shell_memberships": [], "shell_home": None}
    memberships = active_memberships(user)
    return {
        "nav_items": items_for(user),
        "shell_memberships": memberships,
        "shell_home": memberships[0] if memberships else None,
    }
