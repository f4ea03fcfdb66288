"""The view helpers every page uses to turn a refused form or a domain refusal into what the user reads."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from danvan.core.domain.refusals import NotAllowed
from danvan.core.views.helpers import form_errors_message, refusal_to_form, run_form_action


class DatesForm(forms.Form):
    start = forms.DateField(label="Từ ngày")
    end = forms.DateField(label="Đến ngày")
    replicates_id = forms.IntegerField(label="Nhân rộng từ", required=False)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise ValidationError("Khoảng thời gian không hợp lệ.")
        return data


def test_the_message_names_each_field_and_keeps_errors_of_the_whole_form():
    form = DatesForm({"start": "2026-05-02", "end": "2026-05-01"})
    assert not form.is_valid()
    assert form_errors_message(form) == "Khoảng thời gian không hợp lệ."
    form = DatesForm({"start": "", "end": "xx"})
    assert not form.is_valid()
    message = form_errors_message(form)
    assert message.startswith("Từ ngày: ") and "; Đến ngày: " in message


def test_a_refusal_lands_on_its_field_an_alias_on_the_form_field_the_rest_on_top():
    form = DatesForm({"start": "2026-05-01", "end": "2026-05-02"})
    assert form.is_valid()
    refusal_to_form(form, ValidationError({"end": "Sau ngày kết thúc.", "replicates": "Không có.",
                                           "nothing": "Chung."}), aliases={"replicates": "replicates_id"})
    assert form.errors["end"] == ["Sau ngày kết thúc."]
    assert form.errors["replicates_id"] == ["Không có."]
    assert form.non_field_errors() == ["Chung."]
    form = DatesForm({"start": "2026-05-01", "end": "2026-05-02"})
    assert form.is_valid()
    refusal_to_form(form, NotAllowed("Không được phép.", field="start"))
    assert form.errors["start"] == ["Không được phép."]


@pytest.mark.django_db
def test_an_invalid_form_calls_nothing_and_says_why(rf: RequestFactory):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage

    request = rf.post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    calls = []
    ok, result = run_form_action(request, DatesForm({"start": "2026-05-02", "end": "2026-05-01"}),
                                 lambda data: calls.append(data), success="Đã lưu.")
    assert (ok, result, calls) == (False, None, [])
    assert [str(m) for m in get_messages(request)] == ["Khoảng thời gian không hợp lệ."]
    ok, _result = run_form_action(request, DatesForm({"start": "2026-05-01", "end": "2026-05-02"}),
                                  lambda data: calls.append(data["end"].isoformat()), success="Đã lưu.")
    assert ok and calls == ["2026-05-02"]
    assert [str(m) for m in get_messages(request)] == ["Khoảng thời gian không hợp lệ.", "Đã lưu."]
