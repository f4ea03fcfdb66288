from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.core.models import User
from danvan.orgs.models import Kind, Organization, Role
from danvan.places.models import Area


def scoped_areas(user):
    """Areas a user may place an organization in: current units under the areas of the user's
    organizations (all current units for a superuser)."""
    from danvan.orgs.scope import active_memberships

    qs = Area.objects.current()
    if user.is_superuser:
        return qs.filter(level="province") | qs.filter(level="commune")
    roots = {m.organization.area_id for m in active_memberships(user)}
    return qs.filter(reach_up__ancestor_id__in=roots, reach_up__via_history=False).distinct()


class OrganizationFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Tìm theo tên"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: mat tran bao ai")}))
    kind = forms.ChoiceField(label=_("Loại tổ chức"), required=False, choices=[("", _("Mọi loại")), *Kind.choices])
    area = forms.ModelChoiceField(label=_("Địa bàn"), required=False, queryset=Area.objects.none(),
                                  empty_label=_("Mọi địa bàn trong phạm vi"),
                                  error_messages={"invalid_choice": _("Địa bàn không có trong phạm vi của bạn.")})
    include_former = forms.BooleanField(label=_("Cả tổ chức đã giải thể, sáp nhập"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = scoped_areas(user).order_by("level", "name_sort")


class OrganizationForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Organization
        fields = ["name", "short_name", "kind", "area", "parent", "valid_from", "valid_to", "email", "phone", "address"]
        widgets = {"valid_from": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                   "valid_to": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = scoped_areas(user).order_by("level", "name_sort")
        parents = Organization.objects.for_user(user, "change").current()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
            self.fields["version"].initial = self.instance.version
        self.fields["parent"].queryset = parents.order_by("name_sort")
        for name in ("area", "parent"):
            self.fields[name].error_messages["invalid_choice"] = _("Lựa chọn này không có trong phạm vi của bạn.")


class UserCreateForm(StyledFormMixin, forms.Form):
    username = forms.RegexField(label=_("Tên đăng nhập"), max_length=150, regex=r"^[a-zA-Z0-9_.-]+$",
                                error_messages={"invalid": _("Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -")})
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    password = forms.CharField(label=_("Mật khẩu ban đầu"), widget=forms.PasswordInput, min_length=8)
    organization = forms.ModelChoiceField(label=_("Tổ chức"), queryset=Organization.objects.none())
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "manage").current().order_by("name_sort")
        self.fields["organization"].error_messages["invalid_choice"] = _("Tổ chức này không thuộc phạm vi quản trị của bạn.")

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("Tên đăng nhập này đã có người dùng."))
        return username


class MembershipForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Tổ chức"), queryset=Organization.objects.none())
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "manage").current().order_by("name_sort")
        self.fields["organization"].error_messages["invalid_choice"] = _("Tổ chức này không thuộc phạm vi quản trị của bạn.")
