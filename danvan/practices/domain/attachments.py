"""Photos and documents of a practice: type and size checked, stored under MEDIA_ROOT/practices/,
read back only through the scoped download view."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.domain import audit
from danvan.practices.domain.permissions import may_edit
from danvan.practices.models import Practice, PracticeAttachment


def check_upload(upload) -> str:
    """The content type of ``upload`` if it is a photo (JPG, PNG) or a document (PDF, DOCX, XLSX) by its
    content and within the size limit; otherwise ``ValidationError`` naming the problem in Vietnamese."""
    return files.check_upload(upload, allowed=files.ATTACHMENTS, field="file").content_type


@transaction.atomic
def add_attachment(*, practice: Practice, actor, upload, caption: str = "") -> PracticeAttachment:
    """Attach a photo or document to a practice.

    Effects: stores the file under MEDIA_ROOT/practices/<id>/ with a random name, inserts a
    ``PracticeAttachment`` and writes an audit event on the practice. Raises ``ValidationError``
    (nothing stored) when the actor may not change the practice, or the type or size is not allowed.
    """
    if not may_edit(actor, practice):
        raise ValidationError(_("You may not change this model."))
    content_type = check_upload(upload)
    attachment = PracticeAttachment(practice=practice, original_name=files.original_name(upload), content_type=content_type,
                                    size=upload.size, caption=caption, uploaded_by=actor)
    files.store(attachment.file, upload)
    attachment.save()
    audit.record(actor, "action", practice, message=_("Attached %(name)s") % {"name": attachment.original_name})
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: PracticeAttachment, actor) -> None:
    """Delete an attachment.

    Effects: deletes the ``PracticeAttachment`` row and, after commit, its file; writes an audit
    event on the practice. Raises ``ValidationError`` when the actor may not change the practice.
    """
    practice = attachment.practice
    if not may_edit(actor, practice):
        raise ValidationError(_("You may not change this model."))
    storage, path = attachment.file.storage, attachment.file.name
    name = attachment.original_name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(path))
    audit.record(actor, "action", practice, message=_("Removed attachment %(name)s") % {"name": name})
