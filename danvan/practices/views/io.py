"""XLSX export (of what is filtered) and import (from the template), both as background jobs."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.domain.jobs import start_job
from danvan.practices.interfaces.forms import ImportForm
from danvan.practices.interfaces.importer import template_workbook
from danvan.practices.interfaces.lists import PRACTICES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_POST
def practice_export(request):
    return PRACTICES.export(request)


@login_required
def practice_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_job(kind="practices.import", title=_("Import of \"Dân vận khéo\" models"), user=request.user,
                        input_file=form.cleaned_data["file"])
        return redirect("job_detail", pk=job.pk)
    return render(request, "practices/import.html", {
        "form": form, "nav_active": "practices",
        "breadcrumbs": [(_("\"Dân vận khéo\" models"), reverse("practice_list")), (_("Import from Excel"), None)],
    })


@login_required
def practice_import_template(request):
    response = HttpResponse(template_workbook(request.user), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-mo-hinh-dan-van-kheo.xlsx"'
    return response
