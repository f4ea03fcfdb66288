import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from danvan.reader.interfaces.extract import read_source
from danvan.reader.interfaces.scoring import report_lines, score
from danvan.reader.interfaces.sources import articles_from_bytes


class Command(BaseCommand):
    help = (
        "Read press articles about conferences (TXT, HTML, DOCX, PDF or a ZIP of them) into facts. "
        "Writes nothing to the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or ZIPs to read.")
        parser.add_argument("--jsonl", action="store_true", help="One JSON object per article: file and the labelled fields.")
        parser.add_argument("--full", action="store_true", help="With --jsonl: also evidence, people, directions, figures.")
        parser.add_argument("--score", metavar="LABELS.jsonl", help="Score the readings against a labels file.")

    def handle(self, *args, **options):
        readings = {}
        for raw in options["paths"]:
            path = Path(raw)
            if not path.is_file():
                raise CommandError(f"{raw}: no such file")
            try:
                articles = articles_from_bytes(path.name, path.read_bytes())
            except ValidationError as exc:
                raise CommandError("; ".join(m for ms in exc.message_dict.values() for m in ms)) from exc
            for article in articles:
                reading = read_source(article.source)
                reading.file = article.name
                readings[article.name] = reading
                if options["jsonl"]:
                    data = reading.as_dict() if options["full"] else reading.fields()
                    self.stdout.write(json.dumps(data, ensure_ascii=False))
        if options["score"]:
            labels = {}
            try:
                with open(options["score"], encoding="utf-8") as handle:
                    for line in handle:
                        if line.strip():
                            item = json.loads(line)
                            labels[item["file"]] = item
            except (OSError, ValueError, KeyError) as exc:
                raise CommandError(f"{options['score']}: cannot read labels ({exc})") from exc
            result = score({k: r.fields() for k, r in readings.items()}, labels)
            for line in report_lines(result):
                self.stdout.write(line)
