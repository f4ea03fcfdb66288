"""``GET /healthz``: "ok" when the application answers (for the proxy's and the monitor's checks).

It reads nothing (no session, no database): it is also the framework's floor in the load benchmark."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
