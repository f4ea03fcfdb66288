"""Forms of the awards module; choice lists are limited to the user's scope."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.awards.models import AwardKind, Nomination, NominationFile
from danvan.core.forms import StyledFormMixin, scoped_choices
from danvan.meetings.queries import visible_meetings, visible_people
from danvan.orgs.models import Organization


class NominationForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Nomination
        fields = ["award_kind", "year", "nominee_type", "person", "collective", "nominee_position", "organization",
                  "justification", "years_in_work", "last_discipline_year", "established_year", "meeting"]
        widgets = {"justification": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_kind"].queryset = AwardKind.objects.filter(is_active=True)
        scoped_choices(self.fields["person"], visible_people(user).order_by("name_sort"))
        scoped_choices(self.fields["collective"], Organization.objects.for_user(user).current().order_by("name_sort"))
        scoped_choices(self.fields["organization"], Organization.objects.for_user(user, "change").order_by("name_sort"))
        scoped_choices(self.fields["meeting"], visible_meetings(user).order_by("-starts_at"))
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class StepForm(StyledFormMixin, forms.Form):
    ACTIONS = [("submit", _("Submit to the level above")), ("appraise", _("Appraise")),
               ("return", _("Return for completion")), ("decide", _("Record the decision")),
               ("reject", _("Not agree"))]
    action = forms.ChoiceField(choices=ACTIONS, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason, opinion"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    decision_number = forms.CharField(label=_("Decision number"), required=False, max_length=60)
    decision_date = forms.DateField(label=_("Decision date"), required=False,
                                    widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))


class FileForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of file"), choices=NominationFile.Kind.choices)
    file = forms.FileField(label=_("File"))


