"""Start a server for a benchmark on a free loopback port, and stop it afterwards.

The port is asked of the system (bind to port 0), never fixed: a benchmark must measure its own server,
not whatever else listens on a well-known port. Only 127.0.0.1 is ever used.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(*, env: dict, kind: str = "runserver", workers: int = 4, probe: str = "/dang-nhap/",
          log: Path | None = None):
    """Run danvan on a free port while the block runs; yields its base URL ("http://127.0.0.1:PORT").

    ``kind`` is ``runserver`` (Django's development server, one process) or ``gunicorn`` (the production
    server, ``workers`` processes, the same command as ``make serve``). Waits until ``probe`` answers,
    and fails if the process exits first (so a port taken in between cannot be mistaken for ours).
    """
    port = free_port()
    if kind == "gunicorn":
        command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "danvan.wsgi",
                   "--bind", f"127.0.0.1:{port}",
                   "--workers", str(workers), "--timeout", "120", "--access-logfile", "-" if log else "/dev/null"]
    else:
        command = [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", "--insecure",
                   f"127.0.0.1:{port}"]
    output = log.open("wb") if log else subprocess.DEVNULL
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=output, stderr=output)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if server.poll() is not None:
                raise RuntimeError(f"the {kind} server exited with {server.returncode} before answering")
            try:
                urllib.request.urlopen(base + probe, timeout=2).read()
                break
            except urllib.error.HTTPError:
                break  # it answers
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"the {kind} server did not answer on {base}")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if log:
            output.close()
