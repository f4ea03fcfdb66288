from danvan.documents.models.document import DocType, IssuedDocument, NumberCounter
from danvan.documents.models.signer import Authority, SignerDefault
from danvan.documents.models.term import PartyTerm

__all__ = ["Authority", "DocType", "IssuedDocument", "NumberCounter", "PartyTerm", "SignerDefault"]
