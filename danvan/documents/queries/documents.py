"""Per-user queries on the document register: everything starts from ``restrict`` (the scope)."""

from django.db.models import Q

from danvan.core.text import search_order, search_terms
from danvan.documents.models import IssuedDocument
from danvan.orgs.scope import restrict


def filter_documents(user, *, doc_type=None, term=None, organization=None, year=None, q=None, action="view",
                     **_ignored):
    """The register entries of the organizations ``user`` may see, filtered: each word of ``q`` matches
    the start of a word of the summary ignoring diacritics ("ket qua dan van", as ``search_filter``) or
    a part of the symbol ("01-KH", "BTGDVTU")."""
    qs = restrict(IssuedDocument.objects.all(), user, action)
    if doc_type:
        qs = qs.filter(doc_type=doc_type)
    if term:
        qs = qs.filter(term=term)
    if organization:
        qs = qs.filter(organization=organization)
    if year:
        qs = qs.filter(issued_on__year=year)
    if q:
        for word in search_terms(q):
            qs = qs.filter(Q(title_folded__contains=f" {word}") | Q(symbol__icontains=word))
        if q.strip() and not search_terms(q):
            qs = qs.filter(symbol__icontains=q.strip())
    # what the user meant first: the summary itself, then the phrase in it, accents as typed; then the newest
    return qs.select_related("organization", "term", "created_by").order_by(
        *search_order(q or "", names=["title_folded"], accented=["title"]), "-issued_on", "-id")


def signer_defaults(user, action="view"):
    """The default signers of the organizations ``user`` may see (``action``), by organization and type."""
    from danvan.documents.models import SignerDefault

    return restrict(SignerDefault.objects.all(), user, action).select_related("organization").order_by(
        "organization__name_sort", "doc_type")
