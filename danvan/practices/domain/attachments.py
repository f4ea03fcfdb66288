"""Photos and documents of a practice: type and size checked, stored under MEDIA_ROOT/practices/,
read back only through the scoped download view."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.practices.domain.permissions import may_edit
from danvan.practices.models import Practice, PracticeAttachment

MAX_SIZE = 10 * 1024 * 1024
# extension -> (content type, the file's first bytes)
ALLOWED_TYPES = {
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
}


def check_upload(upload) -> str:
    """The content type of ``upload`` if its extension, first bytes and size are acceptable;
    otherwise ``ValidationError`` naming the problem in Vietnamese."""
    name = (upload.name or "").lower()
    ext = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if ext not in ALLOWED_TYPES:
        raise ValidationError({"file": _("Only photos (JPG, PNG) and documents (PDF, DOCX, XLSX) can be attached.")})
    if upload.size > MAX_SIZE:
        raise ValidationError({"file": _("The file is %(size)s MB; the limit is 10 MB.")
                               % {"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")}})
    content_type, magics = ALLOWED_TYPES[ext]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(m) for m in magics):
        raise ValidationError({"file": _("The file's content does not match its type (%(ext)s).") % {"ext": ext}})
    return content_type


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
    attachment = PracticeAttachment(practice=practice, original_name=upload.name[-200:], content_type=content_type,
                                    size=upload.size, caption=caption, uploaded_by=actor)
    attachment.file.save(upload.name, upload, save=False)
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
