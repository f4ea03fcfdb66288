"""Widgets shared by every module's forms.

``RichTextarea``: a text area that the browser turns into the rich-text editor (TinyMCE, installed from
npm and served by staticfiles under ``/static/vendor/tinymce/``; ``danvan/rich-text.js`` starts it and
keeps the text area in step, so the browser drafts and the "unsaved changes" warning of ``drafts.js``
work unchanged). With JavaScript off it stays a plain text area: the server's ``core.rich_text.sanitize``
keeps the typed line breaks. Pages render ``{{ form.media }}`` (the editor's scripts, only where a form
has one)."""

from django import forms
from django.templatetags.static import static
from django.utils.translation import get_language


class RichTextarea(forms.Textarea):
    """A narrative field: rich text (paragraphs, bold, italics, underline, lists, tables, headings),
    cleaned on the server by ``danvan.core.rich_text.sanitize`` wherever it is saved."""

    class Media:
        js = ("vendor/tinymce/tinymce.min.js", "danvan/rich-text.js")

    def __init__(self, attrs=None):
        super().__init__({"rows": 10, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        language = (get_language() or "vi").split("-")[0]
        context["widget"]["attrs"].update({
            "data-rich-text": "1",
            "data-base-url": static("vendor/tinymce").rstrip("/"),
            "data-content-css": static("danvan/rich-text-content.css"),
            "data-language": language,
            **({"data-language-url": static(f"vendor/tinymce-i18n/{language}.js")} if language != "en" else {}),
        })
        return context
