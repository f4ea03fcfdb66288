from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.utils.translation import gettext_lazy as _

from danvan.core import files
from danvan.core.forms import StyledFormMixin
from danvan.orgs.interfaces.choices import area_label
from danvan.orgs.models import Organization
from danvan.practices.models import Campaign, Practice, RecognitionLevel
from danvan.practices.queries.practices import areas_for, campaigns_for, practices_for

OUT_OF_SCOPE = _("This choice is outside your scope.")


TEXT_LIMIT = 20_000
REGISTRATION_TEXTS = ["situation", "goals", "content", "beneficiaries_scope", "forces", "resources", "outputs",
                      "sustainability"]


class PracticeForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    replicates_id = forms.IntegerField(label=_("Replicates the model (its number)"), required=False, min_value=1,
                                       help_text=_("The number shown on the page of the model this one replicates."))

    class Meta:
        model = Practice
        fields = ["name", "kind", "holder", "person_name", "field", "organization", "area", "campaign", "year",
                  "situation", "goals", "content", "beneficiaries_scope", "forces", "resources", "outputs",
                  "sustainability", "beneficiaries"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in
                   ["situation", "goals", "content", "beneficiaries_scope", "forces", "resources", "outputs",
                    "sustainability"]}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").current().order_by(
            "name_sort")
        self.fields["area"].queryset = areas_for(user)
        self.fields["area"].label_from_instance = area_label
        self.fields["campaign"].queryset = campaigns_for(user)
        for name in ("organization", "area", "campaign"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE
        for name in REGISTRATION_TEXTS:  # the same limit as the API (danvan.api.common.LongText)
            field = self.fields[name]
            field.max_length = TEXT_LIMIT
            field.validators.append(MaxLengthValidator(TEXT_LIMIT))
            field.widget.attrs["maxlength"] = str(TEXT_LIMIT)
        self.fields["beneficiaries"].max_value = 2**31 - 1
        self.fields["beneficiaries"].validators.append(MaxValueValidator(2**31 - 1))
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["replicates_id"].initial = self.instance.replicates_id
            # a legacy organization keeps its old practices editable
            self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")

    def clean_replicates_id(self):
        value = self.cleaned_data.get("replicates_id")
        if not value:
            return None
        original = practices_for(self.user).filter(pk=value).first()
        if original is None:
            raise forms.ValidationError(_("There is no model number %(n)s in your scope.") % {"n": value})
        if self.instance.pk and original.pk == self.instance.pk:
            raise forms.ValidationError(_("A model cannot replicate itself."))
        return original

    def values(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["replicates"] = self.cleaned_data.get("replicates_id")
        return data


class RecognizeForm(StyledFormMixin, forms.Form):
    level = forms.ChoiceField(label=_("Recognition level"),
                              choices=[("", _("— choose the level —")), *RecognitionLevel.choices])
    decision_number = forms.CharField(label=_("Decision number"), max_length=60)
    decision_date = forms.DateField(label=_("Decision date"), widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    reason = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EvaluationForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(label=_("General comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"score_{c.id}"] = forms.IntegerField(
                label=f"{c.position}. {c.text}", min_value=0, max_value=c.max_score,
                help_text=_("From 0 to %(max)s points") % {"max": c.max_score})
            self.fields[f"comment_{c.id}"] = forms.CharField(label=_("Comment"), required=False, max_length=500)

    def scores(self) -> dict:
        return {c.id: self.cleaned_data[f"score_{c.id}"] for c in self.criteria}

    def comments(self) -> dict:
        return {c.id: self.cleaned_data.get(f"comment_{c.id}", "") for c in self.criteria}


class AttachmentForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Photo or document"), help_text=_("JPG, PNG, PDF, DOCX or XLSX; at most 10 MB."))
    caption = forms.CharField(label=_("Caption"), required=False, max_length=255)


class CampaignForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    criteria = forms.CharField(label=_("Evaluation criteria (one per line)"), widget=forms.Textarea(attrs={"rows": 8}))

    class Meta:
        model = Campaign
        fields = ["organization", "name", "start_year", "end_year", "registration_deadline", "description"]
        widgets = {"registration_deadline": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                   "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from danvan.orgs.models.organization import AREA_SCOPED_KINDS

        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").current().filter(
            kind__in=AREA_SCOPED_KINDS).order_by("name_sort")
        self.fields["organization"].error_messages["invalid_choice"] = OUT_OF_SCOPE
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["criteria"].initial = "\n".join(self.instance.criteria.values_list("text", flat=True))
        else:
            from danvan.practices.models import DEFAULT_CRITERIA

            self.fields["criteria"].initial = "\n".join(str(c) for c in DEFAULT_CRITERIA)

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def criteria_lines(self) -> list[str]:
        return self.cleaned_data["criteria"].splitlines()


class ImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("XLSX file filled in from the template"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Choose an .xlsx file (Excel) made from the template."))
        try:
            files.check_upload(upload, allowed=files.SPREADSHEETS,
                               max_bytes=settings.DANVAN_IMPORT_MAX_MB * 1024 * 1024)
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["file"]) from exc
        return upload
