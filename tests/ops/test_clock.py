"""No code reads the day from the OS clock's own time zone, and the clock can be moved for a whole run."""

import ast
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Calls that give the OS's (or UTC's) idea of "today" instead of Asia/Ho_Chi_Minh's (timezone.localdate()).
FORBIDDEN = {("date", "today"), ("datetime", "today"), ("datetime", "utcnow")}


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        if (owner_name, node.func.attr) in FORBIDDEN:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {owner_name}.{node.func.attr}()")
        elif owner_name == "datetime" and node.func.attr == "now" and not node.args and not node.keywords:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} datetime.now() without a time zone")
        elif (node.func.attr == "date" and isinstance(owner, ast.Call) and isinstance(owner.func, ast.Attribute)
              and owner.func.attr == "now" and getattr(owner.func.value, "id", "") == "timezone"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} timezone.now().date() is the UTC date")
    return found


def test_code_takes_today_from_timezone_localdate():
    paths = [p for folder in ("danvan", "bench", "tests") for p in (ROOT / folder).rglob("*.py")
             if "migrations" not in p.parts and p.name not in {"clock.py", "test_clock.py", "clock_probe.py"}]
    offences = [line for path in paths for line in _offences(path)]
    assert offences == []


def test_the_offence_finder_finds_each_form(tmp_path, monkeypatch):
    sample = ROOT / "tests" / "ops" / "_offence_sample.py"
    sample.write_text("import datetime\nfrom django.utils import timezone\n"
                      "a = datetime.date.today()\nb = datetime.datetime.now()\nc = timezone.now().date()\n"
                      "d = datetime.datetime.now(datetime.UTC)\ne = timezone.localdate()\n", encoding="utf-8")
    try:
        assert [line.split(" ", 1)[1] for line in _offences(sample)] == [
            "date.today()", "datetime.now() without a time zone", "timezone.now().date() is the UTC date"]
    finally:
        sample.unlink()


def test_the_clock_plugin_moves_now_for_a_whole_run():
    env = {**os.environ, "DANVAN_TEST_NOW": "2031-01-01T03:00+07:00"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "no:warnings", "tests/ops/clock_probe.py"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "1 passed" in result.stdout
