"""The PDF font: one family (Tinos) embedded from the installed package, whatever the system has."""

import io
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from pypdf import PdfReader

from danvan.documents.rendering import fonts, render_pdf
from tests.documents.test_rendering import make_doc

ROOT = Path(__file__).resolve().parents[2]


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """Every font the PDF uses: its name without the subset prefix -> whether its file is embedded."""
    found = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)
            descriptor = descriptor["/FontDescriptor"].get_object()
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            found[name] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def test_pdf_embeds_one_family_for_every_vietnamese_letter():
    doc = make_doc(signer_name="Nguyễn Thị Hường", summary="Ả Ủ Ề Ư Ơ ả ủ ề ư ơ ỹ ặ ỵ đ Đ")
    found = embedded_fonts(render_pdf(doc))
    assert found == {"Tinos": True, "Tinos-Bold": True, "Tinos-Italic": True}
    assert {name.split("-")[0] for name in found} == {"Tinos"}


def test_pdf_renders_on_a_machine_without_any_font(tmp_path):
    """A fontconfig with no font folder at all: before, WeasyPrint died with SIGSEGV (exit -11)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
                    f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    out = tmp_path / "out.pdf"
    script = textwrap.dedent(f"""
        import django, sys
        sys.path.insert(0, {str(ROOT)!r})
        django.setup()
        from danvan.documents.rendering import render_pdf
        from tests.documents.test_rendering import make_doc
        open({str(out)!r}, "wb").write(render_pdf(make_doc()))
    """)
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "DJANGO_SETTINGS_MODULE": "danvan.settings"}
    result = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    data = out.read_bytes()
    assert set(embedded_fonts(data)) == {"Tinos", "Tinos-Bold", "Tinos-Italic"}
    from tests.reading import pdf_text

    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in " ".join(pdf_text(data).split())


def test_font_comes_from_collectstatic_output_when_node_modules_is_absent(tmp_path, settings):
    static_root = tmp_path / "static"
    for weight, style in fonts.STYLES:
        for subset in fonts.SUBSETS:
            name = fonts.static_name(subset, weight, style)
            target = static_root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(Path(settings.BASE_DIR) / "node_modules/@fontsource/tinos/files" / Path(name).name, target)
    settings.STATICFILES_DIRS = []
    settings.STATIC_ROOT = str(static_root)
    settings.DANVAN_FONT_CACHE = str(tmp_path / "cache")
    faces = fonts.font_faces()
    assert [(face.weight, face.style) for face in faces] == fonts.STYLES
    assert all(face.url.startswith((tmp_path / "cache").as_uri()) for face in faces)
    assert embedded_fonts(render_pdf(make_doc())) == {"Tinos": True, "Tinos-Bold": True, "Tinos-Italic": True}


def test_merged_font_is_the_same_bytes_every_time(tmp_path, settings):
    settings.DANVAN_FONT_CACHE = str(tmp_path / "one")
    first = Path(fonts.font_faces()[0].url.removeprefix("file://")).read_bytes()
    settings.DANVAN_FONT_CACHE = str(tmp_path / "two")
    second = Path(fonts.font_faces()[0].url.removeprefix("file://")).read_bytes()
    assert first == second and len(first) > 100_000


def test_missing_font_is_a_clear_error(tmp_path, settings):
    settings.STATICFILES_DIRS = []
    settings.STATIC_ROOT = str(tmp_path)
    settings.DANVAN_FONT_CACHE = str(tmp_path / "cache")
    with pytest.raises(ImproperlyConfigured, match="npm ci"):
        render_pdf(make_doc())


def test_static_files_include_the_font():
    from django.contrib.staticfiles import finders

    assert finders.find(fonts.static_name("vietnamese", 400, "normal"))
    assert settings.STATIC_ROOT
