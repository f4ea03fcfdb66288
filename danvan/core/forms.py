"""Form helpers shared by every app."""

import datetime
import html
import re
import types
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from django import forms
from django.db.models import F
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from danvan.core.text import clean_text

OUT_OF_SCOPE = gettext_lazy("This choice is not in your scope.")
CHOOSE = gettext_lazy("— choose —")

_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+$")  # 1.250, 215.000.000
_PLAIN = re.compile(r"^-?\d+$")


def parse_number(text, *, decimals: bool) -> Decimal:
    """A number as a Vietnamese user types it: "1.250" and "1250" are 1250; where ``decimals`` are
    allowed "1.250,5" and "1250,5" are 1250.5 (and "36.24", a dot that cannot group thousands, is 36.24).
    Spaces between groups are ignored. Raises ``ValueError`` for anything else ("12a", "1,2,3")."""
    raw = str(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    whole, comma, frac = raw.partition(",")
    if comma and not decimals:
        raise ValueError(raw)
    if _GROUPED.match(whole):
        whole = whole.replace(".", "")
    elif not comma and decimals and whole.count(".") == 1 and _PLAIN.match(whole.replace(".", "", 1)):
        whole, frac, comma = whole.partition(".")[0], whole.partition(".")[2], "."
    if not _PLAIN.match(whole) or (comma and not frac.isdigit()):
        raise ValueError(raw)
    try:
        return Decimal(f"{whole}.{frac}" if comma else whole)
    except InvalidOperation as exc:
        raise ValueError(raw) from exc


class NumberInput(forms.TextInput):
    """A text box for numbers typed the Vietnamese way (``type="number"`` refuses "1.250" in the
    browser): the numeric keyboard on phones, the value shown as the page shows it (1.250, 1.250,5)."""

    def __init__(self, attrs=None, *, decimals: bool = False, grouped: bool = True):
        super().__init__({"inputmode": "decimal" if decimals else "numeric", **(attrs or {})})
        self.decimals, self.grouped = decimals, grouped

    def format_value(self, value):
        if value in (None, "") or isinstance(value, str) or not self.grouped:
            return None if value in (None, "") else str(value)
        from danvan.core.templatetags.dv import num  # noqa: PLC0415 - templatetags import forms' users

        number = Decimal(str(value))
        places = max(0, -number.normalize().as_tuple().exponent) if number != number.to_integral_value() else 0
        return num(number, places)


def vietnamese_number(field: forms.Field, name: str = "") -> None:
    """Make a Django number field (IntegerField, DecimalField, FloatField) read Vietnamese input: its
    text goes through ``parse_number`` before Django's own checks, its widget becomes ``NumberInput``
    (a year is shown without a thousands dot), and garbage is refused naming the field."""
    if getattr(field.to_python, "reads_vietnamese", False):
        return
    decimals = not isinstance(field, forms.IntegerField) or isinstance(field, forms.DecimalField | forms.FloatField)
    django_to_python = field.to_python
    label = field.label or name.replace("_", " ").capitalize()
    defaults = {forms.IntegerField.default_error_messages["invalid"], forms.DecimalField.default_error_messages["invalid"],
                forms.FloatField.default_error_messages["invalid"]}
    custom = field.error_messages.get("invalid") if field.error_messages.get("invalid") not in defaults else None

    def to_python(value):
        if isinstance(value, str) and value.strip():
            try:
                value = str(parse_number(value, decimals=decimals))
            except ValueError:
                if custom is not None:  # the form's own message for this field
                    raise forms.ValidationError(custom, code="invalid") from None
                message = (gettext("“%(field)s”: enter a number, e.g. 1.250 or 1.250,5.") if decimals
                           else gettext("“%(field)s”: enter a whole number, e.g. 1.250.")) % {"field": label}
                raise forms.ValidationError(message, code="invalid") from None
        return django_to_python(value)

    to_python.reads_vietnamese = True
    field.to_python = to_python
    if isinstance(field.widget, forms.NumberInput):
        attrs = {key: value for key, value in field.widget.attrs.items() if key not in ("step",)}
        field.widget = NumberInput(attrs, decimals=decimals, grouped="year" not in name)
    field.error_messages["invalid"] = custom or (gettext_lazy("Enter a number, e.g. 1.250 or 1.250,5.") if decimals
                                       else gettext_lazy("Enter a whole number, e.g. 1.250."))


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
    none) and ``ended(obj)``, the first day the record no longer exists (None while it exists).

    ``columns`` and ``from_row`` (optional) say the same from a row of ``values_list(*columns)``:
    ``from_row(row)`` gives ``(pk, label, ended)``. A choice list of a province's 440 units or 470
    organizations then reads those columns only and builds no model instance (a quarter of a list
    page's time on the load bench went into those two lists)."""

    label: Callable
    ended: Callable
    columns: tuple[str, ...] = ()
    from_row: Callable | None = None


_PRESENTATIONS: dict[type, ChoicePresentation] = {}


def register_choice_presentation(model, *, label: Callable, ended: Callable, columns: tuple[str, ...] = (),
                                 from_row: Callable | None = None) -> None:
    """Offer ``model``'s records the same way in every form's model choice field (``StyledFormMixin``):
    the current ones first, then those that no longer exist (newest end first), each of those marked
    "(trước <day>)"; the field's own order follows. Registered by the app that owns the model (orgs:
    organizations and administrative units), so that core knows neither."""
    _PRESENTATIONS[model] = ChoicePresentation(label=label, ended=ended, columns=columns, from_row=from_row)


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
    """Whether the form gave ``field`` labels of its own (a label function marked ``presents_choice``,
    such as orgs' ``area_label``, gives the registered presentation's labels, and is not)."""
    if getattr(field.label_from_instance, "presents_choice", False):
        return False
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

    def __iter__(self):
        """Django's iteration, without ``queryset.iterator()``: on PostgreSQL that is a server-side
        cursor (DECLARE … WITH HOLD, FETCH, CLOSE: three round trips, the rows materialized at the
        implicit commit, and a plan chosen for the first tenth of the rows), which made a two-province
        list cost 20 ms; a choice list is read whole into the page anyway. With a registered
        presentation and no label of the form's own, the rows' columns only, no model instances."""
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        p = self.presentation
        if p is None or p.from_row is None or _custom_label(self.field) or self.field.to_field_name:
            for obj in self.queryset:
                yield self.choice(obj)
            return
        for row in self.queryset.values_list(*p.columns):
            pk, label, ended = p.from_row(row)
            yield pk, ended_mark(label, ended)

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
            text = str(subvalue)
            selected = (not has_selected or widget.allow_multiple_selected) and text in values
            has_selected |= selected
            # ids and plain labels escaped directly (Django's ``escape`` is ``html.escape`` behind a lazy-text
            # wrapper: a province's 900 options paid for the wrapper twice each)
            value_html = text if type(subvalue) is int else conditional_escape(text)
            label_html = html.escape(sublabel) if type(sublabel) is str else conditional_escape(sublabel)
            parts.append(f'<option value="{value_html}"{" selected" if selected else ""}>{label_html}</option>')
        if grouped:
            parts.append("</optgroup>")
    parts.append("</select>")
    return mark_safe("".join(parts))


_INPUT_TEMPLATES = frozenset(f"django/forms/widgets/{kind}.html" for kind in (
    "input", "text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "checkbox",
    "search", "tel", "color"))
_TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"


def render_input(widget, name, value, attrs=None, renderer=None):
    """``Input.render`` (text, number, date, hidden, checkbox …) written in Python: the same HTML as Django's
    ``input.html`` and ``attrs.html`` from the widget's own context (its value format, ``checked``), without
    two template inclusions per field (a detail page's action forms render a dozen and more)."""
    context = widget.get_context(name, value, attrs)["widget"]
    shown = context["value"]
    value_attr = f' value="{conditional_escape(shown)}"' if shown is not None else ""
    return mark_safe(f'<input type="{conditional_escape(context["type"])}" name="{conditional_escape(context["name"])}"'
                     f'{value_attr}{_attrs(context["attrs"])}>')


def render_textarea(widget, name, value, attrs=None, renderer=None):
    """``Textarea.render`` written in Python: the same HTML as Django's ``textarea.html``."""
    context = widget.get_context(name, value, attrs)["widget"]
    shown = context["value"]
    return mark_safe(f'<textarea name="{conditional_escape(context["name"])}"{_attrs(context["attrs"])}>\n'
                     f'{conditional_escape(shown) if shown else ""}</textarea>')


class StyledFormMixin:
    """Adds Bootstrap classes to every widget, so templates can render ``{{ field }}`` as is, and cleans
    every text field's input at the boundary (``danvan.core.text.clean_text``: no control characters,
    NFC; line breaks kept only in text areas). Passwords are left exactly as typed. Every number field
    reads "1.250" as 1250 and "1.250,5" as 1250.5 (``vietnamese_number``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        present_choices(self)  # organizations and units: current first, the dissolved marked
        for name, field in self.fields.items():
            if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
                vietnamese_number(field, name)
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
            if "render" not in vars(widget):
                if widget.template_name in _INPUT_TEMPLATES:
                    widget.render = types.MethodType(render_input, widget)
                elif widget.template_name == _TEXTAREA_TEMPLATE:
                    widget.render = types.MethodType(render_textarea, widget)
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
