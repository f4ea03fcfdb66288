"""Form helpers shared by every app."""

import types

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from danvan.core.text import clean_text

OUT_OF_SCOPE = gettext_lazy("This choice is not in your scope.")
CHOOSE = gettext_lazy("— choose —")


def scoped_choices(field, queryset, *, message=OUT_OF_SCOPE) -> None:
    """Limit a model choice field to ``queryset`` (built from the scope by the caller): a value outside
    it is refused with ``message`` on that field; Django's "---------" becomes "— choose —"."""
    if getattr(field, "empty_label", None) is not None and str(field.empty_label).startswith("-"):
        field.empty_label = CHOOSE
    field.queryset = queryset
    field.error_messages["invalid_choice"] = message
    field.error_messages.setdefault("invalid_pk_value", message)


def _cleaning(to_python, multiline: bool):
    def cleaned(value):
        return to_python(clean_text(value, multiline=multiline))

    cleaned.cleans_text = True
    return cleaned


def _attrs(attrs: dict) -> str:
    """Django's ``attrs.html``: ``True`` gives the bare name, ``False`` nothing, anything else name="value"."""
    return "".join(f" {key}" if value is True else f' {key}="{conditional_escape(value)}"'
                   for key, value in attrs.items() if value is not False)


def render_select(widget, name, value, attrs=None, renderer=None):
    """``Select.render`` written in Python: the same HTML as Django's ``select.html``/``select_option.html``
    (the same options selected, the same escaping), without one template inclusion and one option
    dictionary per option. A choice list of a thousand organizations took ~0.4 ms per option through the
    templates, most of a list page's time under load (``make bench BENCH=load``)."""
    context = forms.Widget.get_context(widget, name, value, attrs)["widget"]
    if widget.allow_multiple_selected:
        context["attrs"]["multiple"] = True
    raw = context["value"]  # a list of strings (NullBooleanSelect: one string)
    values, has_selected = ({raw} if isinstance(raw, str) else {str(v) for v in raw}), False
    parts = [f'<select name="{conditional_escape(context["name"])}"{_attrs(context["attrs"])}>']
    for option_value, option_label in widget.choices:
        if option_value is None:
            option_value = ""
        grouped = isinstance(option_label, list | tuple)
        if grouped:
            parts.append(f'<optgroup label="{conditional_escape(option_value)}">')
        for subvalue, sublabel in (option_label if grouped else [(option_value, option_label)]):
            selected = (not has_selected or widget.allow_multiple_selected) and str(subvalue) in values
            has_selected |= selected
            parts.append(f'<option value="{conditional_escape(str(subvalue))}"{" selected" if selected else ""}>'
                         f"{conditional_escape(sublabel)}</option>")
        if grouped:
            parts.append("</optgroup>")
    parts.append("</select>")
    return mark_safe("".join(parts))


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
                if type(widget).template_name in (forms.Select.template_name, forms.SelectMultiple.template_name):
                    widget.render = types.MethodType(render_select, widget)
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
