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
