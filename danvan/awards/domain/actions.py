"""The one dispatcher of a nomination's steps (nháp → đề nghị → thẩm định → quyết định / không đồng ý):
the nomination page calls ``perform``; ``allowed_actions`` drives its buttons; ``next_step`` says what
comes next and who does it. Refusals are those of ``domain/nominations.py``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.awards.domain import nominations
from danvan.awards.models import Nomination, NominationStatus
from danvan.core.domain.next_step import NextStep
from danvan.orgs.scope import can

S = NominationStatus
ACTIONS = ("submit", "appraise", "return", "decide", "reject")
"""The steps, in order."""


def allowed_actions(user, n: Nomination) -> set[str]:
    """What ``user`` may do to ``n`` now: "edit" and the steps its status and the user's rights allow."""
    allowed = set()
    if n.status == S.DRAFT and (user.is_superuser or can(user, "change", n.organization)):
        allowed |= {"edit", "submit"}
    if n.status in {S.PROPOSED, S.APPRAISED} and nominations.is_level_above(user, n):
        allowed |= {"appraise", "return", "reject"} if n.status == S.PROPOSED else {"decide", "reject"}
    return allowed


@transaction.atomic
def perform(n: Nomination, action: str, *, actor, reason: str = "", decision_number: str = "",
            decision_date=None) -> Nomination:
    """Run the step ``action`` on ``n`` as ``actor`` in one transaction.

    Effects: those of ``nominations.submit``, ``appraise``, ``return_to_draft``, ``decide``
    (``decision_number``, ``decision_date``) or ``reject`` (``reason``). Raises ``ValidationError``
    ({"action": ...}) for an unknown step, and whatever refusal the step raises; nothing changes then."""
    calls = {
        "submit": lambda: nominations.submit(actor=actor, nomination=n, reason=reason),
        "appraise": lambda: nominations.appraise(actor=actor, nomination=n, reason=reason),
        "return": lambda: nominations.return_to_draft(actor=actor, nomination=n, reason=reason),
        "decide": lambda: nominations.decide(actor=actor, nomination=n, decision_number=decision_number,
                                             decision_date=decision_date, reason=reason),
        "reject": lambda: nominations.reject(actor=actor, nomination=n, reason=reason),
    }
    if action not in calls:
        raise ValidationError({"action": _("Unknown action.")})
    return calls[action]()


def deciding_body(n: Nomination) -> str:
    """Who takes the steps after submission, in words: the leaders of the level above, or of the
    nominating organization itself when it is at the top."""
    org = n.organization
    if nominations.is_top(org):
        return _("the leaders of %(org)s") % {"org": org.name}
    if org.parent_id:
        return _("the leaders of the level above (%(org)s)") % {"org": org.parent.name}
    return _("the leaders of the level above %(org)s") % {"org": org.name}


def next_step(n: Nomination) -> NextStep:
    """What comes next for ``n`` and who does it (shown on the page)."""
    org = n.organization.name
    if n.status == S.DRAFT:
        return NextStep(_("complete the dossier and submit it to the level above"),
                        _("the officers of %(org)s") % {"org": org})
    if n.status == S.PROPOSED:
        return NextStep(_("appraise the nomination (or return it for completion)"), deciding_body(n))
    if n.status == S.APPRAISED:
        return NextStep(_("record the award decision (number and date)"), deciding_body(n))
    if n.status == S.DECIDED:
        return NextStep(done=_("The award was decided: decision %(number)s of %(date)s.") % {
            "number": n.decision_number, "date": n.decision_date.strftime("%d/%m/%Y") if n.decision_date else "—"})
    return NextStep(done=_("The level above did not agree; the nomination is closed."))
