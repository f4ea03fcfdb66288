"""Uploaded and generated files: one way to store, check and serve them.

- **Stored** under ``MEDIA_ROOT/<folder>/<yyyy>/<mm>/<random>.<ext>`` (``RandomName``): the name a user
  gave is kept as data on the record (``original_name``) and only used for the download's file name.
- **Checked** by ``check_upload``: the extension must be one of the use's allowed kinds, the first bytes
  must be that kind's signature (a DOCX/XLSX must be a ZIP with the Office part inside), and the size at
  most ``DANVAN_MAX_UPLOAD_MB`` (or the use's own limit). HTML, SVG and anything unknown are refused.
- **Served** only by ``serve``, called by a view that has fetched the owning record through the scope
  (out of scope: 404): ``Content-Disposition: attachment``, ``X-Content-Type-Options: nosniff`` and, when
  ``DANVAN_X_ACCEL_PREFIX`` is set, an ``X-Accel-Redirect`` to nginx's ``internal`` location instead of
  streaming from Python. There is no ``/media/`` URL: ``ProtectedStorage.url`` refuses to make one.
"""

import posixpath
import re
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, HttpResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

RANDOM_NAME = re.compile(r"[0-9a-f]{32}(\.[a-z0-9]{1,9})?")


class ProtectedStorage(FileSystemStorage):
    """The media folder, with no public URL: a template that writes ``{{ x.file.url }}`` fails loudly."""

    def url(self, name):
        raise ValueError("files have no public URL; link to the owning record's scoped download view")


@deconstructible
class RandomName:
    """``upload_to`` giving ``<folder>/<yyyy>/<mm>/<uuid4 hex><.ext>``; nothing of the user's name survives
    except a lower-case extension of at most 10 characters."""

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        return random_path(self.folder, filename)

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def random_path(folder: str, filename: str) -> str:
    suffix = PurePosixPath(filename or "").suffix.lower()[:10]
    if not suffix[1:].isalnum():
        suffix = ""
    now = timezone.now()
    return f"{folder}/{now:%Y}/{now:%m}/{uuid.uuid4().hex}{suffix}"


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    extensions: tuple[str, ...]
    magics: tuple[bytes, ...]
    zip_part: str = ""  # an Office file: a ZIP holding this part

    def matches(self, upload) -> bool:
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(m) for m in self.magics):
            return False
        if self.zip_part:
            try:
                with zipfile.ZipFile(upload) as archive:
                    names = set(archive.namelist())
            except (zipfile.BadZipFile, OSError, ValueError):
                return False
            finally:
                upload.seek(0)
            return self.zip_part in names
        return True


PDF = FileKind("PDF", "application/pdf", (".pdf",), (b"%PDF-",))
DOCX = FileKind("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",),
                (b"PK\x03\x04",), "word/document.xml")
XLSX = FileKind("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",),
                (b"PK\x03\x04",), "xl/workbook.xml")
DOC = FileKind("DOC", "application/msword", (".doc",), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",))
JPEG = FileKind("JPG", "image/jpeg", (".jpg", ".jpeg"), (b"\xff\xd8\xff",))
PNG = FileKind("PNG", "image/png", (".png",), (b"\x89PNG\r\n\x1a\n",))

# The kinds allowed per use.
DOCUMENTS = (PDF, DOCX, DOC, XLSX, JPEG, PNG)  # meeting documents, task evidence, nomination dossiers
ATTACHMENTS = (JPEG, PNG, PDF, DOCX, XLSX)  # photos and documents of a "Dân vận khéo" model
SPREADSHEETS = (XLSX,)  # import inputs


def max_upload_bytes() -> int:
    return settings.DANVAN_MAX_UPLOAD_MB * 1024 * 1024


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def check_upload(upload, *, allowed=DOCUMENTS, field: str = "file", max_bytes: int | None = None) -> FileKind:
    """The ``FileKind`` of ``upload`` if its extension is allowed, its content is of that kind and its
    size within the limit; otherwise ``ValidationError({field: Vietnamese reason})``."""
    max_bytes = max_bytes or max_upload_bytes()
    name = (getattr(upload, "name", "") or "").lower()
    suffix = PurePosixPath(name).suffix
    kind = next((k for k in allowed if suffix in k.extensions), None)
    if kind is None:
        raise ValidationError({field: _("This type of file is not accepted; use one of: %(types)s.")
                               % {"types": ", ".join(k.label for k in allowed)}}, code="file_type")
    size = getattr(upload, "size", 0) or 0
    if size > max_bytes:
        raise ValidationError({field: _("The file is %(size)s MB; the limit is %(limit)s MB.")
                               % {"size": _mb(size), "limit": max_bytes // (1024 * 1024)}}, code="file_size")
    if size == 0 or not kind.matches(upload):
        raise ValidationError({field: _("The file's content is not a %(type)s file.") % {"type": kind.label}},
                              code="file_content")
    return kind


def original_name(upload) -> str:
    """The user's file name (without folders), kept as data for the download's name."""
    return posixpath.basename((getattr(upload, "name", "") or "").replace("\\", "/"))[-200:] or "tep"


def store(field_file, upload, *, name: str | None = None) -> None:
    """Save ``upload`` into ``field_file`` under a random name (the field's ``upload_to``); no row save."""
    field_file.save(name or original_name(upload), upload, save=False)


def serve(field_file, *, filename: str, content_type: str = "application/octet-stream"):
    """The response that hands ``field_file`` to a user the caller has already checked.

    Always an attachment with ``nosniff``; with ``DANVAN_X_ACCEL_PREFIX`` an empty response whose
    ``X-Accel-Redirect`` lets nginx send the file from its ``internal`` location."""
    prefix = settings.DANVAN_X_ACCEL_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name)
    else:
        response = FileResponse(field_file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename or "tep")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def content_type_for(name: str) -> str:
    suffix = PurePosixPath(name or "").suffix.lower()
    for kind in (PDF, DOCX, XLSX, DOC, JPEG, PNG):
        if suffix in kind.extensions:
            return kind.content_type
    return "application/octet-stream"


def move_to_random_name(storage, old_name: str, folder: str) -> str:
    """Copy a stored file to a random name in ``folder`` and delete the old one (data migrations).
    Returns the new name; a missing file keeps its name (nothing to move)."""
    if not old_name or not storage.exists(old_name):
        return old_name
    with storage.open(old_name, "rb") as handle:
        new_name = storage.save(random_path(folder, old_name), handle)
    storage.delete(old_name)
    return new_name


def forwards_random_names(app_label: str, model_name: str, field: str, name_field: str, folder: str):
    """A ``RunPython`` function moving every stored file of ``model.field`` to a random name in ``folder``,
    keeping the old base name in ``name_field`` (when empty). Rows are read by primary key in batches."""

    def forwards(apps, schema_editor):
        from django.core.files.storage import default_storage

        model = apps.get_model(app_label, model_name)
        manager = model._base_manager
        rows = manager.exclude(**{field: ""}).values_list("pk", field, name_field)
        for pk, old, kept in list(rows.iterator()):
            if RANDOM_NAME.fullmatch(old.rsplit("/", 1)[-1]):
                continue
            new = move_to_random_name(default_storage, old, folder)
            manager.filter(pk=pk).update(**{field: new, name_field: kept or posixpath.basename(old)[-200:]})

    return forwards

