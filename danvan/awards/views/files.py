"""Download of a nomination's dossier file: only to users who see the nomination (404 otherwise)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.awards.models import NominationFile
from danvan.awards.queries import visible_nominations
from danvan.core import files
from danvan.core.domain import audit


@login_required
def nomination_file_download(request, pk: int):
    item = NominationFile.objects.filter(nomination__in=visible_nominations(request.user), pk=pk).select_related(
        "nomination").first()
    if item is None:
        raise Http404
    name = item.original_name or item.get_kind_display()
    audit.record(request.user, "view", item.nomination, message=_("Downloaded %(name)s") % {"name": name})
    return files.serve(item.file, filename=name, content_type=files.content_type_for(item.file.name))
