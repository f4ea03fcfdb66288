"""Issue 10 §2: every choice list of organizations and units, in every module, puts the current ones
first and marks those that no longer exist "(trước 01/07/2025)"; the same province (new Lào Cai, legacy
Yên Bái, both code 15) never appears twice unmarked. One mechanism (``core.forms.StyledFormMixin`` with
``orgs.interfaces.choices.register``), so the test walks every form class of every module."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import danvan
from danvan.core.forms import StyledFormMixin
from danvan.orgs.models import Organization
from danvan.places.models import Area
from tests.factories import UserFactory

MARK = "(trước 01/07/2025)"


def _form_classes():
    found = {}
    for info in pkgutil.walk_packages(danvan.__path__, "danvan."):
        if not any(part in info.name for part in (".interfaces", ".views")) or "migrations" in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if (inspect.isclass(obj) and issubclass(obj, StyledFormMixin) and issubclass(obj, forms.BaseForm)
                    and obj.__module__ == module.__name__ and not name.startswith("_")):
                found[f"{obj.__module__}.{name}"] = obj
    return found


def _build(cls, user):
    """The form as its page builds it for ``user``, or None when it needs more than the user."""
    params = inspect.signature(cls.__init__).parameters
    required = [p for n, p in params.items() if n not in ("self", "args", "kwargs", "user")
                and p.kind == p.KEYWORD_ONLY and p.default is p.empty]
    if required:
        return None
    return cls(user=user) if "user" in params or _takes_user(cls) else cls()


def _takes_user(cls):
    return any("user" in inspect.signature(k.__init__).parameters for k in cls.__mro__
               if "__init__" in vars(k) and k.__module__.startswith("danvan"))


def _choice_lists(form):
    """{field name: [(value, label)]} of the form's organization and unit choice lists, as rendered."""
    lists = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.ModelChoiceField) and field.queryset is not None and \
                field.queryset.model in (Organization, Area):
            lists[name] = (field.queryset.model,
                           [(str(v), str(label)) for v, label in field.widget.choices if v not in ("", None)])
    return lists


@pytest.fixture
def root(cast):
    return UserFactory(username="root_marks", is_superuser=True, is_staff=True)


def test_every_form_marks_the_dissolved_and_lists_the_current_first(cast, root):
    ended = {model: {str(pk) for pk in model.objects.filter(valid_to__isnull=False).values_list("pk", flat=True)}
             for model in (Organization, Area)}
    checked, marked = set(), set()
    for key, cls in sorted(_form_classes().items()):
        for user in (cast.province, root):
            try:
                form = _build(cls, user)
            except TypeError:
                continue
            if form is None:
                continue
            for name, (model, options) in _choice_lists(form).items():
                checked.add(f"{key}.{name}")
                labels = [label for _v, label in options]
                # the dissolved: marked, and after every current one
                flags = [v in ended[model] for v, _label in options]
                assert flags == sorted(flags), f"{key}.{name}: a dissolved choice before a current one: {labels}"
                for (_value, label), gone in zip(options, flags, strict=True):
                    assert (MARK in label) == gone, f"{key}.{name}: {label!r}"
                    if gone:
                        marked.add(f"{key}.{name}")
                # never the same label twice (so never the same province twice unmarked)
                unmarked = [label for label in labels if MARK not in label]
                assert len(unmarked) == len(set(unmarked)), f"{key}.{name}: {labels}"
    # the walk reached every module's forms, and the dissolved showed up marked in each module
    modules = {k.split(".")[1] for k in checked}
    assert {"awards", "community", "democracy", "documents", "meetings", "orgs", "practices", "reports",
            "voice"} <= modules, modules
    assert {k.split(".")[1] for k in marked} >= {"awards", "community", "democracy", "documents", "meetings",
                                                "orgs", "practices", "reader", "reports", "voice"}, sorted(marked)
    assert len(checked) >= 80 and len(marked) >= 50, (len(checked), len(marked))


def _labels(form, name):
    return [str(label) for v, label in form.fields[name].widget.choices if v not in ("", None)]


def test_the_same_province_before_and_after_and_the_dissolved_ban(cast, root):
    """Examples read as a user reads them: new Lào Cai first and plain, legacy Yên Bái (also code 15)
    marked and after; the former Ban Dân vận of Yên Bái marked after every current organization."""
    from danvan.democracy.interfaces.forms import DisclosureFilterForm
    from danvan.meetings.interfaces.lists import TaskFilterForm
    from danvan.reports.interfaces.forms import AnalysisForm
    from danvan.voice.interfaces.filters import PetitionFilterForm

    areas = _labels(AnalysisForm(user=cast.province), "area")
    assert areas.index("Tỉnh Lào Cai") < areas.index("Tỉnh Yên Bái (trước 01/07/2025)") == len(
        [a for a in areas if MARK not in a])
    assert "Tỉnh Yên Bái" not in areas
    organizations = _labels(PetitionFilterForm(user=cast.province), "organization")
    assert organizations[-1] == "Ban Dân vận Tỉnh ủy Yên Bái (trước 01/07/2025)"
    assert organizations[0] != organizations[-1] and all(MARK not in o for o in organizations[:-1])
    assignees = _labels(TaskFilterForm(user=root), "assignee")
    assert assignees[-1] == "Ban Dân vận Tỉnh ủy Yên Bái (trước 01/07/2025)"
    # a filter that lists current units only stays as it was: no mark, nothing dissolved
    assert all(MARK not in a for a in _labels(DisclosureFilterForm(user=cast.province), "area"))
    # the fast plain-tuple options of the practices' filter follow the same rule
    from danvan.practices.interfaces.filters import PracticeFilterForm

    fast = _labels(PracticeFilterForm(user=cast.province), "organization")
    assert fast[-1] == "Ban Dân vận Tỉnh ủy Yên Bái (trước 01/07/2025)" and "Tỉnh ủy Lào Cai" in fast


def _model_path(form, name):
    """The same field's options built the slow way: one model instance per option, the registered label."""
    from danvan.core.forms import current_first, ended_mark, presentation_for

    field = form.fields[name]
    p = presentation_for(field.queryset.model)
    return [(str(obj.pk), ended_mark(str(p.label(obj)), p.ended(obj))) for obj in current_first(field.queryset)]


def test_unit_and_organization_lists_are_read_as_rows_with_the_same_options(cast, root, monkeypatch):
    """Issue 9 §6: a province's 440 units and 470 organizations were a quarter of a list page's time, one
    model instance per option. They are read as rows of their columns: the same values, labels, order."""
    from danvan.voice.interfaces.filters import PetitionFilterForm

    area = Area.objects.get(pk=cast.geo.old_district.pk)
    area.valid_to = "2025-03-31"  # a unit that ended on another day than the reform's
    area.save()
    form = PetitionFilterForm(user=root)
    expected = {name: _model_path(form, name) for name in ("area", "organization")}
    built = []
    for model in (Area, Organization):
        original = model.__init__
        monkeypatch.setattr(model, "__init__", lambda self, *a, _o=original, **k: (built.append(1), _o(self, *a, **k))[1])
    for name in ("area", "organization"):
        options = [(str(v), str(label)) for v, label in form.fields[name].widget.choices if v not in ("", None)]
        assert options == expected[name] and len(options) > 5
    assert built == []  # no model instance behind an option
    labels = [label for _v, label in expected["area"]]
    assert f"{area.full_name} (trước 01/04/2025)" in labels


def test_a_unit_is_marked_once_with_its_own_end_day_in_every_module(cast, root):
    """Practices, community, reports and democracy labelled units with their own copy of the mark, which
    said "(trước 01/07/2025)" whatever the day and came out doubled for a unit that ended on another day:
    "Tỉnh Thừa Thiên Huế (trước 01/07/2025) (trước 01/01/2025)". One label now, orgs' ``area_label``."""
    from danvan.community.interfaces.filters import PrestigeFilterForm
    from danvan.practices.interfaces.filters import PracticeFilterForm
    from danvan.reports.interfaces.forms import AnalysisForm

    district = Area.objects.get(pk=cast.geo.old_district.pk)
    province = Area.objects.get(level="province", name="Yên Bái", valid_to__isnull=False)
    for area in (district, province):
        area.valid_to = "2024-12-31"
        area.save()
    for form, area in ((PracticeFilterForm(user=root), district), (PrestigeFilterForm(user=root), district),
                       (AnalysisForm(user=root), province)):
        labels = _labels(form, "area")
        assert f"{area.full_name} (trước 01/01/2025)" in labels, (type(form).__name__, labels)
        assert not [label for label in labels if label.count("(trước") > 1], type(form).__name__
