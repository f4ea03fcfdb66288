"""Forms of the article reader: reading (paste or upload) and checking what was read."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.orgs.models import Organization

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
OUT_OF_SCOPE = _("This choice is not in your scope.")
TYPE_CHOICES = [
    ("", _("— not stated —")), ("tong_ket", _("Annual review (tổng kết)")), ("so_ket", _("Interim review (sơ kết)")),
    ("giao_ban", _("Briefing (giao ban)")), ("chuyen_de", _("Thematic meeting (chuyên đề)")), ("other", _("Other")),
]
ROLE_CHOICES = [("", _("— leave out —")), ("chair", _("Presiding (chủ trì)")),
                ("direct", _("Attending and directing (dự và phát biểu chỉ đạo)")), ("report", _("Reporter (báo cáo viên)")),
                ("attend", _("Delegate (đại biểu)"))]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


def _scoped(field, qs):
    field.queryset = qs
    field.empty_label = _("— choose —")
    field.error_messages["invalid_choice"] = OUT_OF_SCOPE


class ArticleFilterForm(StyledFormMixin, forms.Form):
    """The one filter of the article list: search without diacritics, status."""

    q = forms.CharField(label=_("Search without diacritics"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search"}))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", _("All")), ("read", _("Read, to be checked")), ("confirmed", _("Confirmed"))])


class ReadForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Read for"), queryset=None)
    title = forms.CharField(label=_("Title"), required=False, max_length=300)
    text = forms.CharField(label=_("Article text"), required=False, max_length=200_000,
                           widget=forms.Textarea(attrs={"rows": 8}),
                           help_text=_("Paste the article as it appears on the page, or upload files below."))
    files = MultipleFileField(label=_("Files"), required=False, widget=MultipleFileInput(),
                              help_text=_("TXT, HTML (page saved from the newspaper's site), DOCX, PDF or a ZIP of them."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self.fields["organization"], Organization.objects.for_user(user, "change").order_by("name_sort"))

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("files"):
            self.add_error("text", _("Paste the article's text or choose files."))
        return data


class ConfirmForm(StyledFormMixin, forms.Form):
    """The facts of one article as the officer corrects them (the people and directions are read from the
    rows of the page: person-N-name, person-N-positions, person-N-role; direction-N, direction-N-keep)."""

    organization = forms.ModelChoiceField(label=_("Organization that held the meeting"), queryset=None)
    event_date = forms.DateField(label=_("Meeting day"), required=False, widget=DATE_WIDGET,
                                 input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    meeting_type = forms.ChoiceField(label=_("Kind of meeting"), choices=TYPE_CHOICES, required=False)
    report_period = forms.CharField(label=_("Period reviewed"), required=False, max_length=20,
                                    help_text=_("2023, 6T-2022, 9T-2021, Q1-2024, T4-2011 or 2020-2025"))
    organizer = forms.CharField(label=_("Organizer as written"), required=False, max_length=300)
    province = forms.CharField(label=_("Province as written"), required=False, max_length=100)
    online = forms.BooleanField(label=_("Online (trực tuyến, điểm cầu)"), required=False)
    bridge_points = forms.IntegerField(label=_("Bridge points"), required=False, min_value=0, max_value=100_000)
    dvk_models = forms.IntegerField(label=_("\"Dân vận khéo\" models"), required=False, min_value=0, max_value=10_000_000)
    medal_individuals = forms.IntegerField(label=_("Individuals given the medal"), required=False, min_value=0,
                                           max_value=1_000_000)
    commended_collectives = forms.IntegerField(label=_("Collectives commended"), required=False, min_value=0,
                                               max_value=1_000_000)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self.fields["organization"], Organization.objects.for_user(user, "change").order_by("name_sort"))

    def clean_report_period(self):
        import re

        value = (self.cleaned_data.get("report_period") or "").strip()
        if value and not re.fullmatch(r"\d{4}|[69]T-\d{4}|Q[1-4]-\d{4}|T(?:[1-9]|1[0-2])-\d{4}|\d{4}-\d{4}", value):
            raise forms.ValidationError(_("Write the period as 2023, 6T-2022, 9T-2021, Q1-2024, T4-2011 or 2020-2025."))
        return value


def people_rows(data) -> list[dict]:
    rows = []
    for n in range(200):
        name = (data.get(f"person-{n}-name") or "").strip()
        if not name and f"person-{n}-name" not in data:
            break
        positions = [p.strip() for p in (data.get(f"person-{n}-positions") or "").split(";") if p.strip()]
        rows.append({"name": name[:150], "positions": positions, "role": data.get(f"person-{n}-role") or ""})
    return rows


def direction_rows(data) -> list[str]:
    out = []
    for n in range(200):
        key = f"direction-{n}"
        if key not in data:
            break
        if data.get(f"{key}-keep"):
            out.append((data.get(key) or "").strip()[:2000])
    return [d for d in out if d]
