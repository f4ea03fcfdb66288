"""Pages of the article reader ("Đọc bài viết", under meetings): read, check and confirm, quality."""

from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.core import files as core_files
from danvan.core.domain.jobs import start_job
from danvan.core.views.helpers import audit_context, paginate, render_list, run_action
from danvan.reader.domain import articles as actions
from danvan.reader.interfaces.extract import FIELDS
from danvan.reader.interfaces.forms import (
    ArticleFilterForm,
    ConfirmForm,
    ReadForm,
    direction_rows,
    people_rows,
)
from danvan.reader.interfaces.sources import KINDS
from danvan.reader.queries import article_or_404, confirmed_articles, filter_articles

CRUMBS = [(gettext_lazy("Meetings"), "/hoi-nghi/"), (gettext_lazy("Read articles"), "/hoi-nghi/doc-bai/")]
FIELD_LABELS = {
    "event_date": gettext_lazy("Meeting day"), "meeting_type": gettext_lazy("Kind of meeting"),
    "report_period": gettext_lazy("Period reviewed"), "organizer": gettext_lazy("Organizer as written"),
    "province": gettext_lazy("Province as written"), "online": gettext_lazy("Online"),
    "bridge_points": gettext_lazy("Bridge points"), "chairs": gettext_lazy("Chairs"),
    "dvk_models": gettext_lazy("\"Dân vận khéo\" models"), "medal_individuals": gettext_lazy("Individuals given the medal"),
    "commended_collectives": gettext_lazy("Collectives commended"),
}


def _check_files(uploads) -> list[tuple[str, bytes]]:
    out = []
    limit = core_files.max_upload_bytes()
    for upload in uploads:
        name = core_files.original_name(upload)
        ext = PurePosixPath(name.lower()).suffix
        if ext not in KINDS and ext != ".zip":
            raise ValidationError({"files": _("%(name)s: only TXT, HTML, DOCX, PDF or a ZIP of them can be read.") % {
                "name": name}})
        if upload.size > limit:
            raise ValidationError({"files": _("%(name)s is larger than the limit.") % {"name": name}})
        out.append((name, upload.read()))
    return out


@login_required
@require_http_methods(["GET", "POST"])
def article_list(request):
    form = ReadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            uploads = _check_files(data.get("files") or [])
        except ValidationError as exc:
            form.add_error("files", exc.message_dict["files"])
            uploads = None
        if uploads is not None and (data.get("text") or "").strip():
            ok, article = run_action(request, lambda: actions.read_text(
                actor=request.user, organization=data["organization"], text=data["text"], title=data.get("title") or ""))
            if ok:
                return redirect("reader_article", pk=article.pk)
        elif uploads and len(uploads) == 1 and not uploads[0][0].lower().endswith(".zip"):
            name, content = uploads[0]
            ok, read = run_action(request, lambda: actions.read_file(
                actor=request.user, organization=data["organization"], name=name, data=content))
            if ok:
                return redirect("reader_article", pk=read[0].pk)
        elif uploads:
            name, content = uploads[0] if len(uploads) == 1 else ("bai-viet.zip", actions.pack(uploads))
            ok, job = run_action(request, lambda: (
                actions._require_reader(request.user, data["organization"]),
                start_job(kind="reader.read", title=_("Reading %(name)s") % {"name": name}, user=request.user,
                          organization=data["organization"], params={"organization": data["organization"].pk},
                          input_file=SimpleUploadedFile(name, content)))[1])
            if ok:
                return redirect("job_detail", pk=job.pk)
    filters = ArticleFilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    articles = filter_articles(request.user, q=values.get("q") or "", status=values.get("status") or "")
    return render_list(request, "reader/list.html", "reader/_results.html", {
        "form": form, "filters": filters, "page_obj": paginate(request, articles), "nav_active": "meetings",
        "breadcrumbs": [CRUMBS[0], (CRUMBS[1][0], None)],
    })


def highlight(text: str, evidence: dict[str, list[str]]) -> list[list[dict]]:
    """The article's paragraphs as segments, the evidence sentences marked with the facts they gave."""
    paragraphs = []
    for para in [p for p in text.split("\n\n") if p.strip()]:
        marks = []
        for sentence, labels in evidence.items():
            start = para.find(sentence) if sentence else -1
            if start >= 0:
                marks.append((start, start + len(sentence), labels))
        marks.sort()
        segments, pos = [], 0
        for start, end, labels in marks:
            if start < pos:
                continue
            if start > pos:
                segments.append({"text": para[pos:start], "labels": []})
            segments.append({"text": para[start:end], "labels": labels})
            pos = end
        if pos < len(para):
            segments.append({"text": para[pos:], "labels": []})
        paragraphs.append(segments)
    return paragraphs


def _evidence_map(reading: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    evidence = reading.get("evidence") or {}
    for field in FIELDS:  # in the fields' order (a jsonb column does not keep the keys' order)
        if field != "chairs" and evidence.get(field):
            out.setdefault(evidence[field], []).append(str(FIELD_LABELS[field]))
    for person in reading.get("people") or []:
        for sentence in person.get("evidence") or []:
            out.setdefault(sentence, []).append(person["name"])
    return out


def _initial(article) -> dict:
    values = article.confirmed or {k: (article.reading or {}).get(k) for k in FIELDS}
    initial = {k: v for k, v in values.items() if k in FIELDS and k != "chairs"}
    initial["event_date"] = _date(values.get("event_date"))
    initial["version"] = article.version
    if article.meeting_id:
        initial["organization"] = article.meeting.organization_id
    else:
        found = actions.resolve_organizer(article._viewer, values.get("organizer") or "",
                                          on=_date(values.get("event_date")), province=values.get("province"))
        initial["organization"] = found.pk if found else None
    return initial


def _date(value):
    import datetime

    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _page(request, article, form):
    reading = article.reading or {}
    people = []
    for person in reading.get("people") or []:
        role = next((r for r in ("chair", "direct", "report", "attend") if r in person.get("roles", [])), "")
        people.append({**person, "role": role, "positions_text": "; ".join(person.get("positions") or [])})
    return render(request, "reader/detail.html", {
        "article": article, "form": form, "paragraphs": highlight(article.text, _evidence_map(reading)),
        "people": people, "directions": reading.get("directions") or [], "figures": reading.get("figures") or [],
        "read_fields": [(FIELD_LABELS[k], reading.get(k), (article.confirmed or {}).get(k, reading.get(k))) for k in FIELDS],
        "nav_active": "meetings", "breadcrumbs": [*CRUMBS, (article.title, None)], **audit_context(article),
    })


@login_required
@require_GET
def article_detail(request, pk: int):
    article = article_or_404(request.user, pk)
    article._viewer = request.user
    return _page(request, article, ConfirmForm(initial=_initial(article), user=request.user))


@login_required
@require_POST
def article_confirm(request, pk: int):
    article = article_or_404(request.user, pk)
    form = ConfirmForm(request.POST, user=request.user)
    if form.is_valid():
        data = dict(form.cleaned_data)
        people = people_rows(request.POST)
        fields = {k: data.get(k) for k in FIELDS if k != "chairs"}
        fields["chairs"] = [p["name"] for p in people if p["role"] in ("chair", "direct")]
        ok, meeting = run_action(request, lambda: actions.confirm_article(
            actor=request.user, article=article, fields=fields, people=people, directions=direction_rows(request.POST),
            organization=data["organization"], expected_version=data.get("version")),
            success=_("The article was confirmed into the meeting's records."))
        if ok:
            return redirect("meeting_detail", pk=meeting.pk)
    else:
        messages.error(request, "; ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()
                                          if f in form.fields) or _("Check the values."))
    return _page(request, article, form)


@login_required
@require_GET
def reader_quality(request):
    result = actions.quality(confirmed_articles(request.user))
    rows = []
    for name in FIELDS:
        found, quiet = result["fields"][name]["found"], result["fields"][name]["quiet"]
        rows.append({"label": FIELD_LABELS[name], "found": found, "quiet": quiet,
                     "found_ratio": found[0] / found[1] if found[1] else None,
                     "quiet_ratio": quiet[0] / quiet[1] if quiet[1] else None})
    return render(request, "reader/quality.html", {
        "result": result, "rows": rows, "nav_active": "meetings",
        "breadcrumbs": [*CRUMBS, (_("Reader quality"), None)],
    })
