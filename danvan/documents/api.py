import datetime

from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status as Reply

from danvan.api.common import Id, Pagination, Ref, SearchText, Year, answers, choices_enum, example_body
from danvan.documents.domain import actions
from danvan.documents.interfaces.lists import DOCUMENTS
from danvan.documents.models import DocType, IssuedDocument
from danvan.orgs.models import Organization
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
    signer_authority: str
    signer_title: str
    signer_name: str
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




class SignerIn(Schema):
    authority: str = ""
    on_behalf_of: str = ""
    signer_title: str = ""
    signer_name: str = ""


class ReserveIn(SignerIn):
    organization: Id
    doc_type: DocTypeEnum
    issued_on: datetime.date
    title: str


class SignerDefaultIn(SignerIn):
    organization: Id
    doc_type: str = ""


class SignerDefaultOut(Schema):
    id: int
    organization: Ref
    doc_type: str
    authority: str
    on_behalf_of: str
    title: str
    name: str

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "code": obj.organization.short_name, "name": obj.organization.name}


def _organization(request, pk: int):
    return get_in_scope(Organization.objects.all(), request.user, pk=pk)


@router.post("", response=answers(DocumentOut, 400, 403, 404, 409, status=201),
             summary="Lấy số văn bản (cùng bộ điều phối với trang Sổ văn bản; người ký mặc định khi không ghi)",
             openapi_extra=example_body({"organization": 12, "doc_type": "BC", "issued_on": "2026-01-05",
                                         "title": "Kết quả công tác dân vận năm 2025", "authority": "K/T",
                                         "on_behalf_of": "TRƯỞNG BAN", "signer_title": "PHÓ TRƯỞNG BAN",
                                         "signer_name": "Nguyễn Văn A"}))
def reserve(request, payload: ReserveIn):
    data = payload.dict()
    doc = actions.perform("reserve", actor=request.user, organization=_organization(request, data.pop("organization")),
                          **{**data, "doc_type": data["doc_type"].value})
    return Reply(201, get_in_scope(_documents(), request.user, pk=doc.pk))


@router.get("/signers", response=answers(list[SignerDefaultOut]),
            summary="Người ký mặc định của các tổ chức trong phạm vi, theo loại văn bản")
def list_signers(request):
    from danvan.documents.queries.documents import signer_defaults

    return list(signer_defaults(request.user))


@router.post("/signers", response=answers(SignerDefaultOut, 400, 403, 404, 409),
             summary="Đặt người ký mặc định của một tổ chức cho một loại văn bản (doc_type rỗng: mọi loại)",
             openapi_extra=example_body({"organization": 12, "doc_type": "GM", "authority": "T/M",
                                         "on_behalf_of": "BAN THƯỜNG VỤ", "signer_title": "PHÓ BÍ THƯ",
                                         "signer_name": "Nguyễn Văn A"}))
def set_signer(request, payload: SignerDefaultIn):
    data = payload.dict()
    return actions.perform("set_signer", actor=request.user,
                           organization=_organization(request, data.pop("organization")), **data)


# Last: "/{doc_id}" would otherwise answer for "/signers".
@router.get("/{doc_id}", response=answers(DocumentOut, 404), summary="Một văn bản trong sổ (404 nếu ngoài phạm vi)")
def get_document(request, doc_id: Id):
    return get_in_scope(_documents(), request.user, pk=doc_id)
