"""The public portal (no login, read-mostly): it reads only the portal's own tables (``PortalEntry``,
``PortalPhoto``, ``PortalSubmission`` by tracking code), which the internal system fills by publishing.
Every read answer carries its own public cache headers; the intake form and the status page are never
cached. Works with JavaScript off (plain links and forms)."""

import hashlib

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods

from danvan.core import files
from danvan.core.text import search_terms
from danvan.core.views.auth import client_address
from danvan.democracy.domain import portal
from danvan.democracy.models import PortalEntry, PortalPhoto, PortalSubmission
from danvan.democracy.portal_cache import cached
from danvan.places.models import Area
from danvan.practices.models import PracticeField

PUBLIC_MAX_AGE = 300
public = cache_control(public=True, max_age=PUBLIC_MAX_AGE)


def _int(value, lo, hi):
    try:
        v = int(value)
    except (TypeError, ValueError):
        return None
    return v if lo <= v <= hi else None


@require_GET
@cached
@public
def home(request):
    counters = list(PortalEntry.objects.filter(kind=PortalEntry.Kind.MODEL).values(
        "province__kind_name", "province__name").annotate(n=Count("id")).order_by("-n")[:40])
    latest = PortalEntry.objects.filter(kind=PortalEntry.Kind.MODEL).only(
        "id", "title", "data", "year", "field")[:6]
    notices = PortalEntry.objects.filter(kind=PortalEntry.Kind.NOTICE).only("id", "title", "data")[:5]
    return render(request, "democracy/portal/home.html", {"counters": counters, "latest": latest,
                                                          "notices": notices})


@require_GET
@cached
@public
def showcase(request):
    qs = PortalEntry.objects.filter(kind=PortalEntry.Kind.MODEL).only(
        "id", "title", "summary", "data", "year", "field", "published_at")
    field = request.GET.get("linh-vuc") or ""
    if field in PracticeField.values:
        qs = qs.filter(field=field)
    year = _int(request.GET.get("nam"), 1990, 2100)
    if year:
        qs = qs.filter(year=year)
    province = _int(request.GET.get("tinh"), 1, 2**62)
    if province:
        qs = qs.filter(province_id=province)
    for word in search_terms(request.GET.get("q", "")[:100]):
        qs = qs.filter(title_folded__contains=word)
    page = Paginator(qs.order_by("-year", "-published_at", "-id"), 20).get_page(request.GET.get("trang"))
    provinces = Area.objects.filter(pk__in=PortalEntry.objects.filter(kind=PortalEntry.Kind.MODEL).values(
        "province_id")).order_by("name_sort").values_list("id", "kind_name", "name")
    return render(request, "democracy/portal/showcase.html", {
        "page_obj": page, "fields": PracticeField.choices, "provinces": provinces,
        "chosen": {"field": field, "year": year or "", "province": province or "", "q": request.GET.get("q", "")[:100]}})


@require_GET
@cached
@public
def model_detail(request, entry_id: int):
    entry = PortalEntry.objects.filter(kind=PortalEntry.Kind.MODEL, pk=entry_id).first()
    if entry is None:
        raise Http404
    return render(request, "democracy/portal/model.html", {"entry": entry, "photos": entry.photos.all()})


@require_GET
@public
def photo(request, photo_id: int):
    row = PortalPhoto.objects.filter(pk=photo_id).first()
    if row is None:
        raise Http404
    response = files.serve(row.file, filename=row.name, content_type=files.content_type_for(row.name))
    response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    return response


@require_GET
@cached
@public
def boards(request):
    communes = Area.objects.filter(pk__in=PortalEntry.objects.filter(kind=PortalEntry.Kind.BOARD).values(
        "area_id")).order_by("name_sort").values_list("id", "kind_name", "name")
    return render(request, "democracy/portal/boards.html", {"communes": communes})


@require_GET
@cached
@public
def commune_board(request, area_id: int):
    area = Area.objects.filter(pk=area_id, level="commune").first()
    entries = portal.board_items_for_public(area) if area else []
    if not entries:
        raise Http404
    return render(request, "democracy/portal/board.html", {"area": area, "entries": entries})


@require_GET
@cached
@public
def calendar(request):
    from django.utils import timezone

    today = timezone.localdate()
    notices = list(PortalEntry.objects.filter(kind=PortalEntry.Kind.NOTICE).order_by("-published_at")[:200])
    dated = [(n.notice_date or today, n) for n in notices]
    upcoming = [n for d, n in sorted(dated, key=lambda x: (x[0], x[1].pk)) if d >= today]
    past = [n for d, n in sorted(dated, key=lambda x: (x[0], x[1].pk), reverse=True) if d < today]
    return render(request, "democracy/portal/calendar.html", {
        "notices": upcoming + past, "upcoming": upcoming, "past": past, "has_source": bool(portal._NOTICE_SOURCES)})


class IntakeForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What you send"), choices=PortalSubmission.Kind.choices,
                             widget=forms.RadioSelect)
    area = forms.ModelChoiceField(label=gettext_lazy("Your commune or ward"), queryset=Area.objects.none(),
                                  empty_label=gettext_lazy("— choose —"))
    content = forms.CharField(label=gettext_lazy("Content"), widget=forms.Textarea(attrs={"rows": 6}),
                              max_length=portal.MAX_CONTENT)
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=120)
    contact = forms.CharField(label=gettext_lazy("Phone or email (optional)"), max_length=120, required=False)
    consent = forms.BooleanField(label=gettext_lazy(
        "I agree that my name and contact are used only to handle and answer this submission; they are never "
        "published."), required=False)
    website = forms.CharField(label=gettext_lazy("Leave this empty"), required=False)  # the honeypot

    def __init__(self, *args, province=None, **kwargs):
        super().__init__(*args, **kwargs)
        communes = Area.objects.filter(level="commune", valid_to__isnull=True)
        if province is not None:
            communes = communes.filter(parent=province)
        self.fields["area"].queryset = communes.order_by("name_sort")
        self.fields["area"].label_from_instance = lambda a: f"{a.kind_name} {a.name}"
        for f in self.fields.values():
            if not isinstance(f.widget, forms.RadioSelect | forms.CheckboxInput):
                f.widget.attrs["class"] = "form-select" if isinstance(f.widget, forms.Select) else "form-control"


def _client_key(request) -> str:
    return hashlib.sha256((settings.SECRET_KEY + client_address(request)).encode()).hexdigest()


@require_http_methods(["GET", "POST"])
@never_cache
def intake(request):
    """Two steps without JavaScript: the province (34 choices), then the form with its communes only, so
    a phone never downloads the 3,321 communes."""
    chosen = _int(request.POST.get("tinh") or request.GET.get("tinh"), 1, 2**62)
    province = Area.objects.filter(pk=chosen, level="province", valid_to__isnull=True).first() if chosen else None
    if request.method == "GET" and province is None:
        provinces = Area.objects.filter(level="province", valid_to__isnull=True).order_by("name_sort").values_list(
            "id", "kind_name", "name")
        return render(request, "democracy/portal/intake.html", {"provinces": provinces})
    form = IntakeForm(request.POST or None, province=province)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            sub = portal.submit(kind=d["kind"], area=d["area"], content=d["content"], name=d["name"],
                                contact=d["contact"], consent=d["consent"], client_key=_client_key(request),
                                honeypot=d["website"])
        except ValidationError as exc:
            for field, errors in exc.error_dict.items():
                for e in errors:
                    form.add_error(field if field in form.fields else None, e)
        else:
            return redirect(reverse("portal_status") + f"?ma={sub.code}&moi=1")
    return render(request, "democracy/portal/intake.html", {"form": form, "province": province},
                  status=422 if form.errors else 200)


@require_GET
@never_cache
def status(request):
    code = request.GET.get("ma", "")[:20]
    found = portal.public_status(code) if code else None
    return render(request, "democracy/portal/status.html", {"code": code, "found": found,
                                                            "new": request.GET.get("moi") == "1"},
                  status=404 if code and not found else 200)


def _feed_items(kind):
    return PortalEntry.objects.filter(kind=kind).only("id", "title", "summary", "data", "year", "published_at",
                                                      "source_key")[:100]


@require_GET
@cached
@public
def feed_json(request, what: str):
    kind = {"mo-hinh": PortalEntry.Kind.MODEL, "thong-bao": PortalEntry.Kind.NOTICE}.get(what)
    if kind is None:
        raise Http404
    items = [{"id": e.pk, "title": e.title, "summary": e.summary[:500], "year": e.year,
              "published_at": e.published_at.isoformat(), "data": e.data,
              "url": request.build_absolute_uri(reverse("portal_model", args=[e.pk]) if kind == "model"
                                                else reverse("portal_calendar"))} for e in _feed_items(kind)]
    return JsonResponse({"version": "https://jsonfeed.org/version/1.1", "title": what, "items": items},
                        json_dumps_params={"ensure_ascii": False})


@require_GET
@cached
@public
def feed_rss(request, what: str):
    kind = {"mo-hinh": PortalEntry.Kind.MODEL, "thong-bao": PortalEntry.Kind.NOTICE}.get(what)
    if kind is None:
        raise Http404
    feed = Rss201rev2Feed(title=_("“Dân vận khéo” models") if kind == "model" else _("Notices"),
                          link=request.build_absolute_uri(reverse("portal_home")), description="", language="vi")
    for e in _feed_items(kind):
        link = request.build_absolute_uri(reverse("portal_model", args=[e.pk]) if kind == "model"
                                          else reverse("portal_calendar"))
        feed.add_item(title=e.title, link=link, description=e.summary[:500], pubdate=e.published_at,
                      unique_id=f"{link}#{e.pk}")
    return HttpResponse(feed.writeString("utf-8"), content_type="application/rss+xml; charset=utf-8")

