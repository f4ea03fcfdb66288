"""Input is cleaned at the boundary: one control character (\\x0b) in a model's name made every
export covering it fail (issue 9 §4)."""

import unicodedata

from django import forms

from danvan.core.forms import StyledFormMixin
from danvan.core.text import clean_text
from danvan.practices.models import Practice
from tests.conftest import login
from tests.practices.test_views import form_data


def test_clean_text_drops_controls_and_normalizes():
    nfd = unicodedata.normalize("NFD", "Bảo Ái")
    assert clean_text(f"Tổ\x0btự quản\x00 {nfd}\u0085x") == "Tổ tự quản Bảo Ái x"
    assert clean_text("dòng 1\r\ndòng 2\tcột", multiline=True) == "dòng 1\ndòng 2\tcột"
    assert clean_text("dòng 1\r\ndòng 2\tcột") == "dòng 1 dòng 2 cột"
    assert clean_text("\ud800lẻ\ufffe") == "lẻ" and clean_text(None) is None and clean_text(12) == 12


class _Form(StyledFormMixin, forms.Form):
    name = forms.CharField()
    note = forms.CharField(widget=forms.Textarea)
    secret = forms.CharField(widget=forms.PasswordInput)


def test_every_text_field_of_a_styled_form_is_cleaned_but_passwords():
    form = _Form({"name": "Mô hình\x0b A\n", "note": "a\r\nb\x07", "secret": "p\x0bass"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"name": "Mô hình  A", "note": "a\nb", "secret": "p\x0bass"}


def test_a_control_character_typed_in_a_models_name_is_not_stored(cast):
    login(cast.commune_a).post("/mo-hinh/them/", form_data(cast, name="Mô hình\x0b dân vận khéo"))
    assert Practice.objects.get().name == "Mô hình  dân vận khéo"
