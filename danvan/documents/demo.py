"""Demo register entries: a few numbers of the Lào Cai and Huế commissions in both terms, and their
default signers.
Idempotent: nothing is added when the commission already has register entries."""

import datetime

from danvan.documents.domain.register import issue_number
from danvan.documents.domain.signers import set_default_signer
from danvan.documents.domain.terms import ensure_default_terms
from danvan.documents.models import IssuedDocument, SignerDefault
from danvan.orgs.models import Kind, Organization

ENTRIES = [
    ("BC", datetime.date(2025, 1, 5), "Tổng kết công tác dân vận năm 2024, phương hướng, nhiệm vụ năm 2025"),
    ("KH", datetime.date(2025, 2, 12), "Triển khai phong trào thi đua “Dân vận khéo” năm 2025"),
    ("BC", datetime.date(2025, 7, 8), "Sơ kết công tác dân vận 6 tháng đầu năm 2025"),
    ("TB", datetime.date(2025, 8, 20), "Kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban khối dân vận quý III"),
    ("BC", datetime.date(2025, 10, 6), "Kết quả công tác dân vận 9 tháng, nhiệm vụ 3 tháng cuối năm 2025"),
    ("GM", datetime.date(2025, 10, 10), "Dự hội nghị trực tuyến kỷ niệm Ngày truyền thống công tác dân vận 15/10"),
    ("KH", datetime.date(2025, 11, 3), "Tổ chức hội nghị tổng kết công tác dân vận năm 2025"),
]


# Who signs by default (per document type, "" for every type): authority, on behalf of, title, name.
SIGNERS = [
    ("", "K/T", "Trưởng ban", "Phó Trưởng ban", "Giàng Seo Phử"),
    ("BC", "", "", "Trưởng ban", "Hoàng Thị Lan"),
    ("GM", "TL", "Ban Thường vụ", "Chánh Văn phòng", "Vi Văn Chiến"),
]


def load(stdout) -> None:
    ensure_default_terms()
    created = 0
    commissions = Organization.objects.filter(kind=Kind.MOBILIZATION_COMMISSION, valid_to__isnull=True,
                                              area__level="province")
    for org in commissions:
        if not SignerDefault.objects.unscoped("demo").filter(organization=org).exists():
            for doc_type, authority, of, title, name in SIGNERS:
                set_default_signer(actor=None, organization=org, doc_type=doc_type, authority=authority,
                                   on_behalf_of=of, title=title, name=name)
        if IssuedDocument.objects.unscoped("demo").filter(organization=org).exists():
            continue
        for doc_type, day, title in ENTRIES:
            if org.valid_from and day < org.valid_from:
                continue
            issue_number(organization=org, doc_type=doc_type, issued_on=day, title=title, actor=None)
            created += 1
    stdout.write(f"documents: {created} register entries created")
