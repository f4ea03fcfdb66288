"""Numbers typed the Vietnamese way are read the same in every form (issue 10 §6): "1.250" is 1250,
"1.250,5" is 1250.5 where decimals are allowed, and garbage is refused in Vietnamese naming the field."""

from decimal import Decimal

import pytest
from django import forms
from django.db import models
from django.utils import translation

from danvan.core.forms import NumberInput, StyledFormMixin, parse_number


@pytest.mark.parametrize(("text", "decimals", "expected"), [
    ("1.250", False, 1250), ("1250", False, 1250), ("215.000.000", False, 215000000), ("1 250", False, 1250),
    ("-1.250", False, -1250), ("1.250,5", True, Decimal("1250.5")), ("1250,5", True, Decimal("1250.5")),
    ("36.24", True, Decimal("36.24")), ("1.250", True, 1250),
])
def test_parse_number_reads_vietnamese_input(text, decimals, expected):
    assert parse_number(text, decimals=decimals) == expected


@pytest.mark.parametrize(("text", "decimals"), [
    ("1.25", False), ("1,5", False), ("12a", False), ("1.2.3", True), (",5", True), ("1.250.", False), ("", False),
])
def test_parse_number_refuses_garbage(text, decimals):
    with pytest.raises(ValueError):
        parse_number(text, decimals=decimals)


class FiguresForm(StyledFormMixin, forms.Form):
    households = forms.IntegerField(label="Số hộ", min_value=0)
    amount = forms.DecimalField(label="Số tiền", max_digits=12, decimal_places=2, required=False)
    year = forms.IntegerField(label="Năm", required=False)


def test_every_number_field_reads_the_thousands_dot():
    form = FiguresForm({"households": "1.250", "amount": "1.250,5", "year": "2026"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"households": 1250, "amount": Decimal("1250.5"), "year": 2026}


def test_garbage_is_refused_in_vietnamese_naming_the_field():
    with translation.override("vi"):
        form = FiguresForm({"households": "12 hộ", "amount": "1,2,3"})
        assert not form.is_valid()
        assert form.errors["households"] == ["“Số hộ”: hãy nhập một số nguyên, ví dụ 1.250."]
        assert form.errors["amount"] == ["“Số tiền”: hãy nhập một số, ví dụ 1.250 hoặc 1.250,5."]


def test_number_box_accepts_the_dot_and_shows_the_value_grouped():
    form = FiguresForm(initial={"households": 1250, "amount": Decimal("1250.50"), "year": 2026})
    html = str(form["households"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html and 'value="1.250"' in html
    with translation.override("vi"):
        assert 'value="1.250,5"' in str(form["amount"]) and 'inputmode="decimal"' in str(form["amount"])
    assert 'value="2026"' in str(form["year"])  # a year has no thousands dot
    assert isinstance(form.fields["households"].widget, NumberInput)


def test_a_module_form_reads_support_amounts(cast):
    from danvan.community.interfaces.support_forms import EventForm

    form = EventForm.__new__(EventForm)
    StyledFormMixin.__init__(form, {"cash": "1.250.000", "in_kind": "x"})
    form.fields = {k: form.fields[k] for k in ("cash", "in_kind")}
    assert not form.is_valid()
    assert form.cleaned_data["cash"] == 1250000 and "in_kind" in form.errors


def test_blank_choice_reads_choose_in_vietnamese():
    field = models.CharField(max_length=1, choices=[("a", "Một")], blank=True).formfield()
    with translation.override("vi"):
        labels = [str(label) for _value, label in field.choices]
    assert labels == ["— chọn —", "Một"]
