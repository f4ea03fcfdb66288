"""Eligibility: the award kind's rules (editable data) evaluated on one nomination."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from danvan.awards.models import EligibilityRule, Nomination, NominationStatus, RuleCheck


@dataclass
class RuleResult:
    rule: EligibilityRule
    passed: bool
    detail: str

    @property
    def label(self) -> str:
        return str(self.rule)


def _years_in_work(n: Nomination):
    if n.years_in_work is not None:
        return n.years_in_work
    if n.person_id and n.person.mobilization_since:
        return n.year - n.person.mobilization_since
    return None


def _evaluate(rule: EligibilityRule, n: Nomination) -> tuple[bool, str]:
    value = rule.value
    if rule.kind == RuleCheck.MIN_YEARS_IN_WORK:
        if n.nominee_type != "individual":
            return True, _("not applicable to collectives")
        years = _years_in_work(n)
        if years is None:
            return False, _("years in dân vận work not declared")
        return years >= value, _("%(y)s years (at least %(n)s needed)") % {"y": years, "n": value}
    if rule.kind == RuleCheck.NO_DISCIPLINE_YEARS:
        last = n.last_discipline_year
        if last is None and n.person_id:
            last = n.person.last_discipline_year
        if last is None:
            return True, _("no disciplinary measure recorded")
        return n.year - last >= value, _("last disciplinary measure in %(y)s") % {"y": last}
    if rule.kind == RuleCheck.MIN_AGE_YEARS:
        if n.nominee_type != "collective":
            return True, _("not applicable to individuals")
        if not n.established_year:
            return False, _("year of establishment not declared")
        years = n.year - n.established_year
        return years >= value, _("%(y)s years (at least %(n)s needed)") % {"y": years, "n": value}
    if rule.kind == RuleCheck.NOT_ALREADY_AWARDED:
        others = Nomination.objects.unscoped("the rule compares with every decided nomination").filter(award_kind_id=n.award_kind_id, status=NominationStatus.DECIDED).exclude(
            pk=n.pk)
        others = others.filter(person_id=n.person_id) if n.person_id else others.filter(collective_id=n.collective_id)
        previous = others.order_by("year").first()
        if previous:
            return False, _("already received in %(y)s (decision %(d)s)") % {
                "y": previous.year, "d": previous.decision_number or "—"}
        return True, _("not received before")
    if rule.kind == RuleCheck.JUSTIFICATION_LENGTH:
        length = len((n.justification or "").strip())
        return length >= value, _("%(y)s characters (at least %(n)s needed)") % {"y": length, "n": value}
    if rule.kind == RuleCheck.DOSSIER_FILES:
        count = n.files.count() if n.pk else 0
        return count >= value, _("%(y)s files (at least %(n)s needed)") % {"y": count, "n": value}
    return False, _("unknown rule")


def evaluate(nomination: Nomination) -> list[RuleResult]:
    """Each active rule of the nomination's award kind with pass/fail and what was found."""
    results = []
    for rule in nomination.award_kind.rules.filter(is_active=True).order_by("id"):
        passed, detail = _evaluate(rule, nomination)
        results.append(RuleResult(rule=rule, passed=passed, detail=detail))
    return results
