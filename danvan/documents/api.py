import datetime

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, Ref, SearchText, Year, answers, choices_enum
from danvan.documents.interfaces.lists import DOCUMENTS
from danvan.documents.models import DocType, IssuedDocument
from danvan.orgs.scope import get_in_scope

router = Router(tags=["Document register"])

DocTypeEnum = choices_enum("DocType", DocType)


class DocumentOut(Schema):
    id: int
    number: int
    symbol: str
    number_line: str
    doc_type: DocTypeEnum
    doc_type_name: str
    title: str
    issued_on: datetime.date
    organization: Ref
    term: Ref
    target_type: str | None
    target_id: str | None
    created_at: datetime.datetime

    @staticmethod
    def resolve_doc_type_name(obj):
        return obj.get_doc_type_display()

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "code": obj.organization.short_name, "name": obj.organization.name}

    @staticmethod
    def resolve_term(obj):
        return {"id": obj.term.id, "name": obj.term.name}

    @staticmethod
    def resolve_target_type(obj):
        return f"{obj.content_type.app_label}.{obj.content_type.model}" if obj.content_type_id else None

    @staticmethod
    def resolve_target_id(obj):
        return obj.object_id or None


class DocumentFilters(Schema):
    doc_type: DocTypeEnum | None = None
    term: Id | None = None
    organization: Id | None = None
    year: Year | None = None
    q: SearchText | None = None


def _documents():
    return IssuedDocument.objects.select_related("organization", "term", "content_type")


@router.get("", response=answers(list[DocumentOut]), summary="Sổ văn bản: các văn bản trong phạm vi của người dùng")
@paginate(Pagination)
def list_documents(request, filters: Query[DocumentFilters]):
    return DOCUMENTS.api(request)


@router.get("/{doc_id}", response=answers(DocumentOut, 404), summary="Một văn bản trong sổ (404 nếu ngoài phạm vi)")
def get_document(request, doc_id: Id):
    return get_in_scope(_documents(), request.user, pk=doc_id)
