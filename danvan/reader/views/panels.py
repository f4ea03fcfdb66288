"""The reader's section on the meeting page: the articles the meeting was confirmed from."""

from danvan.reader.queries import meeting_sources


def source_section(request, meeting):
    """The "Sources" section (registered with ``meetings.views.sections``): the confirmed articles of
    ``meeting`` the user may see, with title, newspaper, address, date and a link to the full text; a
    search box over all articles without diacritics. None (no section) when there is none."""
    articles = list(meeting_sources(request.user, meeting))
    if not articles:
        return None
    return {"template": "reader/_meeting_sources.html", "order": 60, "articles": articles}
