"""The one font of every PDF: Tinos (metric-compatible with Times New Roman, every Vietnamese letter).

The font comes from the npm package ``@fontsource/tinos`` (installed by ``npm ci`` at set-up, exposed to
staticfiles as ``vendor/tinos/``), so the same PDF comes out on every server whatever fonts the system
has, and WeasyPrint never looks for one. The files are found at run time through the staticfiles finders
(a checkout with ``node_modules``) or else in ``STATIC_ROOT`` (a server that kept only the
``collectstatic`` output).

Fontsource splits each style into files per script; a Vietnamese text needs ``latin`` (a â ê ô à á ...)
and ``vietnamese`` (ă đ ơ ư ả ủ ề ...), and ``latin-ext`` covers foreign names. WeasyPrint names a PDF
font after its family, weight and style only, so two files of one style would be mixed up in the PDF:
the subsets of each style are therefore merged (fontTools) into one TrueType file, once, and kept in a
cache folder named after the sources' digest (``DANVAN_FONT_CACHE``, default the system's temporary
folder).
"""

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured

FAMILY = "Tinos"
STATIC_PREFIX = "vendor/tinos"
SUBSETS = ["latin", "vietnamese", "latin-ext"]
STYLES = [(400, "normal"), (700, "normal"), (400, "italic"), (700, "italic")]


@dataclass(frozen=True)
class FontFace:
    """One ``@font-face`` rule: one weight and style, as a ``file://`` URL of a TrueType file."""

    weight: int
    style: str
    url: str


def static_name(subset: str, weight: int, style: str) -> str:
    """ "vendor/tinos/tinos-vietnamese-700-italic.woff2"."""
    return f"{STATIC_PREFIX}/tinos-{subset}-{weight}-{style}.woff2"


def _locate(name: str) -> Path:
    found = finders.find(name)
    if found:
        return Path(found)
    if settings.STATIC_ROOT and (Path(settings.STATIC_ROOT) / name).is_file():
        return Path(settings.STATIC_ROOT) / name
    raise ImproperlyConfigured(
        f"The PDF font file {name} was not found: run `npm ci` (package @fontsource/tinos), "
        f"or `manage.py collectstatic` on a server without node_modules.")


def _merge(sources: list[bytes]) -> bytes:
    """One TrueType font with the glyphs of every subset (identical shared glyphs kept once)."""
    from fontTools.merge import Merger, Options
    from fontTools.ttLib import TTFont

    plain, stamps = [], None
    for data in sources:
        font = TTFont(io.BytesIO(data), recalcTimestamp=False)
        font.flavor = None
        stamps = stamps or (font["head"].created, font["head"].modified)
        buffer = io.BytesIO()
        font.save(buffer, reorderTables=True)
        buffer.seek(0)
        plain.append(buffer)
    merged = Merger(options=Options(drop_tables=[])).merge(plain)
    out = io.BytesIO()
    merged["head"].created, merged["head"].modified = stamps  # the same bytes on every server
    merged.recalcTimestamp = False
    merged.save(out)
    return out.getvalue()


def cache_folder() -> Path:
    return Path(getattr(settings, "DANVAN_FONT_CACHE", "") or Path(tempfile.gettempdir()) / "danvan-fonts")


def _merged_file(weight: int, style: str) -> Path:
    sources = [_locate(static_name(subset, weight, style)).read_bytes() for subset in SUBSETS]
    digest = hashlib.sha256(b"".join(hashlib.sha256(data).digest() for data in sources)).hexdigest()[:16]
    target = cache_folder() / f"tinos-{weight}-{style}-{digest}.ttf"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(_merge(sources))
        os.replace(temporary, target)  # atomic: concurrent workers never read half a file
    return target


_faces: dict[tuple, list[FontFace]] = {}


def font_faces() -> list[FontFace]:
    """Every ``@font-face`` of the PDF font, resolved now and cached per static configuration. Raises
    ``ImproperlyConfigured`` naming the missing file and the fix when the font is not installed (a PDF in
    another font would differ from server to server)."""
    key = (str(settings.STATIC_ROOT), repr(settings.STATICFILES_DIRS), str(cache_folder()))
    if key not in _faces:
        faces = [FontFace(weight=weight, style=style, url=_merged_file(weight, style).resolve().as_uri())
                 for weight, style in STYLES]
        _faces.clear()
        _faces[key] = faces
    return _faces[key]
