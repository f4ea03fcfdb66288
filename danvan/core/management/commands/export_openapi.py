"""Write the API's OpenAPI document to a file (the copy for integrators in ``docs/openapi.json``)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand


def openapi_text() -> str:
    from danvan.api.urls import api

    return json.dumps(api.get_openapi_schema(path_prefix="/api/v1/"), indent=2, ensure_ascii=False) + "\n"


class Command(BaseCommand):
    help = "Write the OpenAPI document of /api/v1/ to PATH (default docs/openapi.json)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default="docs/openapi.json")

    def handle(self, *args, path, **options):
        Path(path).write_text(openapi_text(), encoding="utf-8")
        self.stdout.write(path)
