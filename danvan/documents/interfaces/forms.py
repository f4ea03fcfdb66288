import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.documents.models import Authority, DocType
from danvan.orgs.models import Organization


class ReserveNumberForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Issuing organization"), queryset=Organization.objects.none(),
                                          error_messages={"required": _("Choose the issuing organization.")})
    doc_type = forms.ChoiceField(label=_("Document type"), choices=DocType.choices,
                                 error_messages={"required": _("Choose the document type.")})
    issued_on = forms.DateField(label=_("Date issued"), initial=datetime.date.today,
                                widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                                error_messages={"required": _("Enter the date the document is issued."),
                                                "invalid": _("Enter the date as dd/mm/yyyy, e.g. 05/01/2026.")})
    title = forms.CharField(label=_("Summary (trích yếu)"), max_length=500,
                            widget=forms.Textarea(attrs={"rows": 3}),
                            error_messages={"required": _("Enter the summary (trích yếu) of the document.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            Organization.objects.for_user(user, "change").current().order_by("name_sort"))
        self.fields["organization"].error_messages["invalid_choice"] = _(
            "You may not reserve numbers for this organization.")
        self.fields["doc_type"].error_messages["invalid_choice"] = _("Unknown document type.")


class SignerForm(StyledFormMixin, forms.Form):
    """The signer block chosen when a document is issued (prefilled with the organization's default for
    the type) or kept as that default. Checked by ``domain.signers.make_signer``."""

    authority = forms.ChoiceField(label=_("Authority"), choices=Authority.choices, required=False)
    on_behalf_of = forms.CharField(label=_("On behalf of"), max_length=150, required=False,
                                   help_text=_("e.g. BAN THƯỜNG VỤ, TRƯỞNG BAN"))
    signer_title = forms.CharField(label=_("Signer's title"), max_length=150,
                                   error_messages={"required": _("Enter the signer's title, e.g. TRƯỞNG BAN.")})
    signer_name = forms.CharField(label=_("Signer"), max_length=150,
                                  error_messages={"required": _("Enter the signer's name.")})

    def signer(self):
        """The ``Signer`` of the valid form (raises ``ValidationError`` naming the field)."""
        from danvan.documents.domain.signers import make_signer

        data = self.cleaned_data
        return make_signer(authority=data["authority"], on_behalf_of=data["on_behalf_of"],
                           title=data["signer_title"], name=data["signer_name"])


def initial_signer(organization, doc_type: str, rows: dict | None = None) -> dict:
    """The form's initial values: the organization's default signer for the type (its row, else the
    row for every type); from ``rows`` (``signers.default_rows``) when given."""
    from danvan.documents.domain.signers import default_row

    row = default_row(organization, doc_type, rows)
    if row is None:
        return {}
    return {"authority": row.authority, "on_behalf_of": row.on_behalf_of, "signer_title": row.title,
            "signer_name": row.name}


def signer_from(data, organization, doc_type: str):
    """The signer a POST chose (``SignerForm``'s fields), or None when it sent none (the default is
    stored then). Raises ``ValidationError`` naming the field for an incomplete signer."""
    from django.core.exceptions import ValidationError

    if not any((data.get(k) or "").strip() for k in ("authority", "on_behalf_of", "signer_title", "signer_name")):
        return None
    form = SignerForm(data)
    if not form.is_valid():
        raise ValidationError({field: [str(m) for m in messages] for field, messages in form.errors.items()})
    return form.signer()


class SignerDefaultForm(SignerForm):
    """The default signer of an organization for one type (blank: every type)."""

    organization = forms.ModelChoiceField(label=_("Issuing organization"), queryset=Organization.objects.none(),
                                          error_messages={"required": _("Choose the issuing organization.")})
    doc_type = forms.ChoiceField(label=_("Document type"), required=False,
                                 choices=[("", _("Every type"))] + list(DocType.choices))

    field_order = ["organization", "doc_type", "authority", "on_behalf_of", "signer_title", "signer_name"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            Organization.objects.for_user(user, "change").current().order_by("name_sort"))
        self.fields["organization"].error_messages["invalid_choice"] = _(
            "You may not set who signs for this organization.")
        self.order_fields(self.field_order)
