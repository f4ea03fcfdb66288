"""Meeting documents in the Party's format (giấy mời, biên bản, thông báo kết luận): wired when
``danvan.documents`` lands."""

from django.http import Http404


def meeting_document(request, pk: int, kind: str, fmt: str):
    raise Http404
