from danvan.documents.models.document import DocType, IssuedDocument, NumberCounter
from danvan.documents.models.term import PartyTerm

__all__ = ["DocType", "IssuedDocument", "NumberCounter", "PartyTerm"]
