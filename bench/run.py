"""make bench: runs every bench/bench_*.py module's ``main()`` in order and prints its figures.

Each module prints lines "name: value unit (target ...; ratio ...)". Benchmarks use their own
database (a file under bench/out/ for SQLite; DATABASE_URL for PostgreSQL) and never the demo one.
"""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    only = set(argv[1:])
    modules = sorted((ROOT / "bench").glob("bench_*.py"))
    for path in modules:
        name = path.stem
        if only and name not in only and name.removeprefix("bench_") not in only:
            continue
        print(f"== {name}", flush=True)
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.main()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    raise SystemExit(main(sys.argv))
