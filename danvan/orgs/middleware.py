"""The scope of a read-only request is resolved once (``danvan.orgs.scope.scope_ids``)."""

from danvan.orgs.scope import reset_snapshot, snapshot_scope

READ_ONLY = frozenset({"GET", "HEAD", "OPTIONS"})


class ScopeSnapshotMiddleware:
    """GET, HEAD and OPTIONS never write (the project's rule), so their scope can be read once, as a list
    of organization ids, and used by every scoped query of the request; other methods keep the subquery
    (a domain action that creates an organization must see it at once)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = snapshot_scope(request.method in READ_ONLY)
        try:
            return self.get_response(request)
        finally:
            reset_snapshot(token)
