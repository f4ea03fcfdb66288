"""Form helpers shared by every app."""

from django import forms

from danvan.core.text import clean_text


def _cleaning(to_python, multiline: bool):
    def cleaned(value):
        return to_python(clean_text(value, multiline=multiline))

    cleaned.cleans_text = True
    return cleaned


class StyledFormMixin:
    """Adds Bootstrap classes to every widget, so templates can render ``{{ field }}`` as is, and cleans
    every text field's input at the boundary (``danvan.core.text.clean_text``: no control characters,
    NFC; line breaks kept only in text areas). Passwords are left exactly as typed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if (isinstance(field, forms.CharField) and not isinstance(widget, forms.PasswordInput)
                    and not getattr(field.to_python, "cleans_text", False)):
                field.to_python = _cleaning(field.to_python, isinstance(widget, forms.Textarea))
            if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        """Validate (only when asked, after the subclass has set its scoped choices), then mark the
        widgets of invalid fields for assistive technology."""
        super().full_clean()
        for name in self._errors or {}:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                if "is-invalid" not in widget.attrs.get("class", ""):  # outlined in red (Bootstrap)
                    widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
