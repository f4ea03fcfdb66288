from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.text import fold, folded_key
from danvan.orgs.scoping import ScopedManager, ScopedModel


class ArticleStatus(models.TextChoices):
    READ = "read", _("Read, to be checked")
    CONFIRMED = "confirmed", _("Confirmed")


class Article(ScopedModel, models.Model):
    """A press article read into facts: the text, what the reader found (``reading``, with evidence) and,
    once an officer checked it, what was confirmed (``confirmed``) and the meeting it became."""

    organization = models.ForeignKey("orgs.Organization", verbose_name=_("read by"), on_delete=models.PROTECT,
                                     related_name="+")
    title = models.CharField(_("title"), max_length=300)
    newspaper = models.CharField(_("newspaper"), max_length=200, blank=True)
    url = models.CharField(_("address"), max_length=500, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    text = models.TextField(_("text"))
    text_folded = models.TextField(editable=False, blank=True)
    title_folded = models.CharField(max_length=400, editable=False, blank=True)
    reading = models.JSONField(default=dict, editable=False)
    confirmed = models.JSONField(null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.READ,
                              db_index=True)
    meeting = models.ForeignKey("meetings.Meeting", verbose_name=_("meeting"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="articles")
    job = models.ForeignKey("core.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organization", "-created_at"], name="reader_article_org_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.text_folded = fold(f"{self.title} {self.newspaper} {self.text}")
        self.title_folded = folded_key(self.title)[:400]  # to rank a title match first
        super().save(*args, **kwargs)


class FigureCode(models.TextChoices):
    DVK_MODELS = "dvk_models", _("\"Dân vận khéo\" models")
    MEDALS = "medal_individuals", _("Individuals given the medal \"Vì sự nghiệp dân vận\"")
    COMMENDED = "commended_collectives", _("Collectives commended")
    BRIDGE_POINTS = "bridge_points", _("Bridge points")
    OTHER = "other", _("Other figure")


class ReportedFigure(ScopedModel, models.Model):
    """A figure reported at a meeting (as the article wrote it): models, medals, commendations, others."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="reported_figures")
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="figures")
    code = models.CharField(_("figure"), max_length=24, choices=FigureCode.choices)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    meaning = models.CharField(_("meaning"), max_length=300, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)

    objects = ScopedManager(via=("meeting__organization", "meeting__co_organizers"))

    class Meta:
        verbose_name = _("reported figure")
        ordering = ["code", "id"]

    def __str__(self):
        return f"{self.get_code_display()}: {self.value}"
