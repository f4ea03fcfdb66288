"""The one dispatcher of the register's actions: the register's pages (``views/register.py``) and the
API (``api.py``) both call ``perform``. Refusals are the typed ones of ``danvan.core.domain.refusals``
(``NotAllowed`` 403, ``Conflict`` 409, ``ValidationError`` 422 naming the field), mapped in one place."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.documents.domain.register import issue_number
from danvan.documents.domain.signers import make_signer, set_default_signer

ACTIONS = ("reserve", "set_signer")
"""reserve: a number of the register by hand; set_signer: the default signer of an organization and type."""


def perform(action: str, *, actor, organization, doc_type: str = "", issued_on=None, title: str = "",
            authority: str = "", on_behalf_of: str = "", signer_title: str = "", signer_name: str = ""):
    """Run the register's ``action`` as ``actor`` in one transaction.

    Effects: "reserve": those of ``register.issue_number`` (a counter row and an ``IssuedDocument``
    with the signer block typed, or the organization's default for the type when none is typed);
    "set_signer": those of ``signers.set_default_signer``. Returns the ``IssuedDocument`` or the
    ``SignerDefault``. Raises ``ValidationError`` ({"action": ...}) for an unknown action, and whatever
    refusal the action raises; nothing is changed then.
    """
    if action not in ACTIONS:
        raise ValidationError({"action": _("Unknown action.")})
    with transaction.atomic():
        if action == "reserve":
            typed = any((v or "").strip() for v in (authority, on_behalf_of, signer_title, signer_name))
            signer = make_signer(authority=authority, on_behalf_of=on_behalf_of, title=signer_title,
                                 name=signer_name) if typed else None
            return issue_number(organization=organization, doc_type=doc_type, issued_on=issued_on, title=title,
                                actor=actor, signer=signer)
        return set_default_signer(actor=actor, organization=organization, doc_type=doc_type, authority=authority,
                                  on_behalf_of=on_behalf_of, title=signer_title, name=signer_name)
