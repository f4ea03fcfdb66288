"""The Python rendering of select widgets (``danvan.core.forms.render_select``) gives Django's HTML."""

import re

from django import forms

from danvan.core.forms import StyledFormMixin


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


class Plain(forms.Form):
    """Django's widgets, with every kind of select (single, grouped, multiple, null boolean)."""

    single = forms.ChoiceField(choices=[("", "---"), ("1", "Xã Bảo Ái"), ("2", "Phường <Yên> Bái & \"cũ\"")])
    grouped = forms.ChoiceField(choices=[("Tỉnh Lào Cai", [("3", "Xã Bảo Ái"), ("4", "Xã Tân Hương")]),
                                         ("5", "Thành phố Huế")], required=False)
    many = forms.MultipleChoiceField(choices=[("a", "Kinh"), ("b", "Tày"), ("c", "H'Mông")], required=False)
    maybe = forms.NullBooleanField(required=False)


class Styled(StyledFormMixin, Plain):
    pass


def test_select_widgets_render_exactly_as_django_renders_them():
    data = {"single": "2", "grouped": "4", "many": ["a", "c"], "maybe": "true"}
    fast = Styled(data)
    for name in ("single", "grouped", "many", "maybe"):
        widget = fast.fields[name].widget
        ours = squeeze(fast[name])
        patched = widget.__dict__.pop("render")  # back to Django's template rendering, same widget
        django = squeeze(fast[name])
        widget.render = patched
        assert ours == django, name
    assert 'value="2" selected>Phường &lt;Yên&gt; Bái &amp; &quot;cũ&quot;</option>' in str(fast["single"])
    assert '<optgroup label="Tỉnh Lào Cai"><option value="3">Xã Bảo Ái</option>' in squeeze(fast["grouped"])
    assert str(fast["many"]).count(" selected") == 2 and " multiple" in str(fast["many"])


def test_an_invalid_select_keeps_its_error_marks():
    form = Styled({"single": "9"})
    assert not form.is_valid()
    assert 'aria-invalid="true"' in str(form["single"])


class Inputs(forms.Form):
    """Django's input widgets and the text area, with values that need escaping."""

    name = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"placeholder": 'Tên "mô hình" <mới>'}))
    count = forms.IntegerField(required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    mail = forms.EmailField(required=False)
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    agree = forms.BooleanField(required=False)
    later = forms.BooleanField(required=False)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    empty_note = forms.CharField(required=False, widget=forms.Textarea)


class StyledInputs(StyledFormMixin, Inputs):
    pass


def test_input_and_text_area_widgets_render_exactly_as_django_renders_them():
    """Issue 9 §6: inputs and text areas written in Python, the same HTML as Django's templates: values,
    escaping, ``checked``, the error marks of an invalid field, and an unbound form's initial values."""
    data = {"name": 'A & "B" <c>' * 3, "count": "1.250", "day": "2026-12-01", "mail": "x@y", "secret": "p<w>",
            "token": "t&1", "agree": "on", "note": "Dòng 1\n<b>Dòng 2</b> & 3", "empty_note": ""}
    for form in (StyledInputs(data), StyledInputs(initial={"count": 1250, "note": "Có sẵn", "agree": True})):
        form.is_valid()
        for name in Inputs.base_fields:
            widget = form.fields[name].widget
            assert "render" in vars(widget), name  # the Python rendering is in place
            ours = str(form[name])
            patched = widget.__dict__.pop("render")
            django = str(form[name])
            widget.render = patched
            assert ours == django, (name, ours, django)
    bound = StyledInputs(data)
    bound.is_valid()
    assert 'aria-invalid="true"' in str(bound["name"]) and 'value="A &amp; &quot;B&quot; &lt;c&gt;' in str(bound["name"])
    assert ">\nDòng 1\n&lt;b&gt;Dòng 2&lt;/b&gt; &amp; 3</textarea>" in str(bound["note"])
    assert " checked" in str(bound["agree"]) and " checked" not in str(bound["later"])
