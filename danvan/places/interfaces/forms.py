from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.places.models.area import Level


class AreaFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Tìm theo tên"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: bao ai, yen bai"), "type": "search"}))
    level = forms.ChoiceField(label=_("Cấp"), required=False, choices=[("", _("Mọi cấp")), *Level.choices])
    at = forms.DateField(label=_("Bản đồ hành chính tại ngày"), required=False,
                         widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                         error_messages={"invalid": _("Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.")})
