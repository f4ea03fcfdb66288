"""Per-user querysets of the article reader: every one starts from the scope."""


from danvan.core.text import search_order, search_terms
from danvan.orgs.scope import one_or_404, restrict
from danvan.reader.models import Article, ArticleStatus


def visible_articles(user, action: str = "view"):
    return restrict(Article.objects.all(), user, action)


def article_or_404(user, pk, action: str = "view") -> Article:
    return one_or_404(visible_articles(user, action).select_related("organization", "meeting"), pk=pk)


def filter_articles(user, *, q: str = "", status: str = ""):
    """The articles ``user`` may see, newest first; ``q`` searches title, newspaper and text without
    diacritics, the article titled as typed first, then the phrase in the title; ``status`` read or
    confirmed."""
    qs = visible_articles(user)
    for term in search_terms(q or ""):
        qs = qs.filter(text_folded__contains=term)
    if status in ArticleStatus.values:
        qs = qs.filter(status=status)
    # what the user meant first: the title as typed, then the phrase in the title, accents as typed; the
    # articles found only by the newspaper or the text after them; then the newest (``core.text.search_order``)
    return qs.select_related("organization", "meeting").order_by(
        *search_order(q or "", names=["title_folded"], accented=["title"]), "-created_at", "-id")


def confirmed_articles(user):
    return visible_articles(user).filter(status=ArticleStatus.CONFIRMED).only("id", "reading", "confirmed")


def meeting_sources(user, meeting):
    """The confirmed articles ``meeting`` was read from that ``user`` may see, oldest first."""
    return visible_articles(user).filter(meeting=meeting, status=ArticleStatus.CONFIRMED).only(
        "id", "title", "newspaper", "url", "published", "organization_id").order_by("confirmed_at", "id")
