"""What one person of prestige looks like to one user: the same masked values for the pages, the XLSX
export, the Party document and the API (``shown`` decides, per category, from the grants)."""


from danvan.community.domain.privacy import MASK, sees_identity, shown


def present(entry, user) -> dict:
    person = entry.person
    return {
        "id": entry.pk, "full_name": person.full_name, "gender": person.get_gender_display() if person.gender else "",
        "birth_year": person.birth_year, "ethnicity": shown(user, "ethnicity", person.ethnicity),
        "religion": shown(user, "religion", entry.religion), "village": entry.village,
        "commune": f"{entry.area.kind_name} {entry.area.name}" + (" (trước 01/07/2025)" if entry.area.valid_to else ""),
        "role": entry.get_role_display(), "role_code": entry.role, "status": entry.get_status_display(),
        "status_code": entry.status, "recognized_on": entry.recognized_on, "decision_number": entry.decision_number,
        "list_id": entry.prestige_list_id, "area_id": entry.area_id,
    }


def present_prestige_api(entry, user, allowed=None) -> dict:
    """The API's item of a person of prestige (codes for the role and status, masked as ``present``)."""
    row = present(entry, user)
    row.update(role=row["role_code"], status=row["status_code"], allowed_actions=sorted(allowed or []))
    return row


def present_dignitary(d, user) -> dict:
    """A rank or post as one user sees it (the religion masked for roles without the grant)."""
    return {
        "id": d.pk, "person_id": d.person_id, "full_name": d.person.full_name, "kind": d.kind,
        "kind_label": d.get_kind_display(), "title": d.title, "religion": shown(user, "religion", d.religion.name),
        "religious_organization": d.religious_organization.name if d.religious_organization_id else "",
        "place": d.place.name if d.place_id else "", "area": f"{d.area.kind_name} {d.area.name}",
        "area_id": d.area_id, "since": d.since, "until": d.until, "end_note": d.end_note, "version": d.version,
    }


def present_opinion(r, user) -> dict:
    """An opinion report as one user sees it (the statement and recommendation masked for roles without
    the "opinion" grant)."""
    return {
        "id": r.pk, "organization": r.organization.name, "area_id": r.area_id, "date": r.date,
        "topic": r.topic.title if r.topic_id else "", "social_groups": r.social_groups,
        "statement": shown(user, "opinion", r.statement), "stance": r.stance, "strength": r.strength,
        "spread": r.spread, "source": r.source, "recommendation": shown(user, "opinion", r.recommendation),
        "urgent": r.urgent, "acknowledged": r.acknowledged_at is not None, "social_group": r.social_group,
        "collaborator": r.collaborator.code if r.collaborator_id else "", "topic_id": r.topic_id,
    }


def collaborator_name(c, user) -> str:
    """The name for who may see it, otherwise the code."""
    return c.full_name if sees_identity(user, c) else c.code


def present_collaborator(c, user) -> dict:
    """An opinion collaborator as one user sees it: a confidential one is only its code (the identity
    fields masked) for everyone but the leaders of the managing organization."""
    visible = sees_identity(user, c)
    hide = (lambda v: v) if visible else (lambda v: MASK if v not in (None, "") else v)
    return {
        "id": c.pk, "code": c.code, "full_name": c.full_name if visible else c.code, "identity_shown": visible,
        "gender": hide(c.gender), "birth_year": None if not visible else c.birth_year,
        "occupation": hide(c.occupation), "phone": hide(c.phone), "organization": c.organization.name,
        "organization_id": c.organization_id, "level": c.level, "social_group": c.social_group,
        "area": f"{c.area.kind_name} {c.area.name}", "area_id": c.area_id, "decision_number": c.decision_number,
        "decision_date": c.decision_date, "term_from": c.term_from, "term_to": c.term_to,
        "confidential": c.confidential, "version": c.version,
    }
