from django import forms

from danvan.core.forms import StyledFormMixin
from danvan.orgs.models import Organization


class ScopedForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none())
    name = forms.CharField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user)


def test_choices_set_after_init_are_used_and_invalid_widgets_marked(cast):
    form = ScopedForm({"organization": cast.front_a.pk, "name": ""}, user=cast.commune_a)
    assert not form.is_valid()
    assert form.cleaned_data["organization"] == cast.front_a
    assert form.fields["name"].widget.attrs["aria-invalid"] == "true"
    assert "aria-invalid" not in form.fields["organization"].widget.attrs
    # the invalid field is outlined (issue 10 §1), the valid one is not
    assert form.fields["name"].widget.attrs["class"] == "form-control is-invalid"
    assert "is-invalid" not in form.fields["organization"].widget.attrs["class"]
    other = ScopedForm({"organization": cast.front_b.pk, "name": "x"}, user=cast.commune_a)
    assert not other.is_valid() and "organization" in other.errors
