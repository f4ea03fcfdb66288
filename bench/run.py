"""make bench: runs every bench/bench_*.py module's ``main()`` in order (each in its own process) and
prints its figures. ``make bench BENCH="foundation reports"`` runs only those.

Each module prints lines "name: value unit (target ...; ratio ...)". Benchmarks use their own
database (a file under bench/out/ for SQLite; DATABASE_URL for PostgreSQL) and never the demo one.
"""

import os
import subprocess
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
        # Each benchmark in its own process: each sets up Django with its own database.
        code = f"import runpy, sys; sys.path.insert(0, {str(ROOT)!r}); runpy.run_path({str(path)!r})['main']()"
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    raise SystemExit(main(sys.argv))
