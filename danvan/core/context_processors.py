from danvan.orgs.scope import active_memberships


def shell(request):
    """What every page shows: the user's organization(s) and scope."""
    user = getattr(request, "user", None)
    memberships = active_memberships(user) if user is not None else []
    return {"shell_memberships": memberships, "shell_home": memberships[0] if memberships else None}
