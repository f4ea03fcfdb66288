"""Form helpers shared by every app."""

import datetime
import types
from collections.abc import Callable
from typing import NamedTuple

from django import forms
from django.db.models import F
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
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


class ChoicePresentation(NamedTuple):
    """How the records of a model are offered in every choice list: ``label(obj)`` (when the form gave
    none) and ``ended(obj)``, the first day the record no longer exists (None while it exists)."""

    label: Callable
    ended: Callable


_PRESENTATIONS: dict[type, ChoicePresentation] = {}


def register_choice_presentation(model, *, label: Callable, ended: Callable) -> None:
    """Offer ``model``'s records the same way in every form's model choice field (``StyledFormMixin``):
    the current ones first, then those that no longer exist (newest end first), each of those marked
    "(trước <day>)"; the field's own order follows. Registered by the app that owns the model (orgs:
    organizations and administrative units), so that core knows neither."""
    _PRESENTATIONS[model] = ChoicePresentation(label=label, ended=ended)


def presentation_for(model) -> ChoicePresentation | None:
    for klass in getattr(model, "__mro__", ()):
        if klass in _PRESENTATIONS:
            return _PRESENTATIONS[klass]
    return None


def current_first(queryset):
    """``queryset`` with the records that still exist (no ``valid_to``) first, then by end, newest first;
    the queryset's own order after that (its ``order_by``, else the model's)."""
    query = queryset.query
    if query.is_sliced or query.combinator or query.distinct_fields:  # PostgreSQL's DISTINCT ON fixes the order
        return queryset
    then = list(query.order_by) or (list(queryset.model._meta.ordering) if query.default_ordering else [])
    return queryset.order_by(F("valid_to").desc(nulls_first=True), *then)


def ended_mark(label: str, ended: datetime.date | None) -> str:
    """``label`` with "(trước dd/mm/yyyy)" when the record ended (unless the label already says the day)."""
    if ended is None:
        return label
    day = ended.strftime("%d/%m/%Y")
    return label if day in label else _("%(name)s (before %(date)s)") % {"name": label, "date": day}


def _custom_label(field) -> bool:
    return "label_from_instance" in vars(field) or (
        type(field).label_from_instance is not forms.ModelChoiceField.label_from_instance)


class PresentedChoiceIterator(forms.models.ModelChoiceIterator):
    """A model choice field's options as ``register_choice_presentation`` says for its model: current
    records first, the ended ones marked; other models' options unchanged."""

    def __init__(self, field):
        super().__init__(field)
        model = getattr(self.queryset, "model", None)
        self.presentation = presentation_for(model) if model is not None else None
        if self.presentation is not None:
            self.queryset = current_first(self.queryset)

    def choice(self, obj):
        value, label = super().choice(obj)
        p = self.presentation
        if p is None:
            return value, label
        if not _custom_label(self.field):
            label = p.label(obj)
        return value, ended_mark(str(label), p.ended(obj))


def present_choices(form) -> None:
    """Give every model choice field of ``form`` the ``PresentedChoiceIterator`` (``StyledFormMixin`` does;
    a queryset set afterwards by the form's ``__init__`` uses it too)."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField) and field.iterator is forms.models.ModelChoiceIterator:
            field.iterator = PresentedChoiceIterator
            if field.queryset is not None:
                field.widget.choices = field.choices


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
        present_choices(self)  # organizations and units: current first, the dissolved marked
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
