"""What one person of prestige looks like to one user: the same masked values for the pages, the XLSX
export, the Party document and the API (``shown`` decides, per category, from the grants)."""

from django.utils.translation import gettext_lazy as _

from danvan.community.domain.privacy import shown

COLUMNS = [("full_name", _("Full name")), ("gender", _("Gender")), ("birth_year", _("Year of birth")),
           ("ethnicity", _("Ethnicity")), ("religion", _("Religion")), ("village", _("Village")),
           ("commune", _("Commune")), ("role", _("Role in the community")), ("status", _("Status")),
           ("recognized_on", _("Recognized on")), ("decision_number", _("Decision number"))]


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
