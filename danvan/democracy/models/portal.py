"""The public portal's own tables. The internal system pushes snapshots into them (``domain.portal``);
the public pages read nothing else, so the public side never reads internal tables directly and holds
only what an officer marked public. No row here names an organization by key: names are copied as text."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.files import RandomName


class PortalEntry(models.Model):
    """One published thing: a recognized "Dân vận khéo" model, a commune's disclosure board for a period,
    or a notice (dialogue calendar and result notices, pushed by the citizens' voice module when present).
    ``data`` holds the public fields only (checked by ``domain.portal`` before writing)."""

    class Kind(models.TextChoices):
        MODEL = "model", _("\"Dân vận khéo\" model")
        BOARD = "board", _("commune disclosure board")
        NOTICE = "notice", _("notice")

    kind = models.CharField(max_length=8, choices=Kind.choices)
    source_key = models.CharField(max_length=80)
    area = models.ForeignKey("places.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    province = models.ForeignKey("places.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    field = models.CharField(max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict)
    published_at = models.DateTimeField()
    title_folded = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["kind", "source_key"], name="democracy_portal_once")]
        indexes = [models.Index(fields=["kind", "province", "year"], name="democracy_portal_list")]

    @property
    def notice_date(self):
        """A notice's date (a dialogue's day), kept as ISO text in ``data``; ``None`` when absent."""
        import datetime

        try:
            return datetime.date.fromisoformat(self.data.get("date", ""))
        except (TypeError, ValueError):
            return None


class PortalSubmission(models.Model):
    """A kiến nghị or phản ánh sent through the portal. The name and contact are personal data: never shown
    on the portal (the status page by tracking code shows the state only) and shown to officers of the
    commune's area only. An officer reviews the queue before it enters the petitions work."""

    class Kind(models.TextChoices):
        PROPOSAL = "kien_nghi", _("recommendation (kiến nghị)")
        REPORT = "phan_anh", _("report (phản ánh)")

    class Status(models.TextChoices):
        RECEIVED = "received", _("received, awaiting review")
        ACCEPTED = "accepted", _("accepted, being handled")
        ANSWERED = "answered", _("answered")
        REJECTED = "rejected", _("not accepted (spam or out of remit)")

    code = models.CharField(max_length=12, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    area = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    content = models.TextField()
    name = models.CharField(max_length=120)
    contact = models.CharField(max_length=120, blank=True)
    consent = models.BooleanField(default=False)
    channel = models.CharField(max_length=20, default="cong_thong_tin", editable=False)
    client_key = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    public_answer = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]


class PortalPhoto(models.Model):
    """A photo copied onto the portal with its entry (the internal file is never served publicly)."""

    entry = models.ForeignKey(PortalEntry, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=RandomName("portal"), max_length=200)
    name = models.CharField(max_length=200)
    caption = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["id"]
