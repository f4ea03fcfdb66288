"""Articles read a second by the ``read_articles --jsonl`` path (file bytes → source → facts → JSON line),
in one process on one core, over the module's fixture articles (TXT and HTML) repeated to 1,000 articles.
No database is used. Target: ≥ 20 articles a second (issue 14)."""

import json
import os
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 20.0


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()


def main() -> None:
    _setup()
    files = sorted(p for p in (ROOT / "tests" / "reader" / "fixtures").iterdir() if p.suffix in (".txt", ".html"))
    _run("fixtures", [(p.name, p.read_bytes()) for p in files])
    seeds = next((d / "shared" / "seeds" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared" / "seeds").is_dir()), None)
    if seeds:  # the shared seed articles (longer pages with their furniture), read in place
        _run("seeds", [(p.name, p.read_bytes()) for p in sorted(seeds.glob("*.txt"))])


def _run(label, inputs, count=1000) -> None:
    from danvan.reader.interfaces.extract import read_source
    from danvan.reader.interfaces.sources import articles_from_bytes

    batch = [inputs[i % len(inputs)] for i in range(count)]
    out = StringIO()
    start = time.perf_counter()
    for name, data in batch:
        for article in articles_from_bytes(name, data):
            out.write(json.dumps(read_source(article.source).fields(), ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - start
    rate = count / seconds
    chars = sum(len(d) for _, d in batch)
    print(f"read_articles --jsonl ({label}): {count} articles ({chars / count / 1000:.1f} kB each) in {seconds:.2f} s")
    print(f"reader {label}: {rate:.0f} articles/s (target ≥ {TARGET:.0f} articles/s; ratio {TARGET / rate:.3f})")
