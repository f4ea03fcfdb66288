"""gunicorn settings for danvan, read from the environment (the same file for `make serve` and systemd).

    .venv/bin/gunicorn -c deploy/gunicorn.conf.py danvan.wsgi

DANVAN_BIND      address to listen on (default 127.0.0.1:8000: only nginx on this host talks to it)
DANVAN_WORKERS   worker processes (default 2 x CPU cores + 1)
DANVAN_TIMEOUT   seconds a request may take before its worker is restarted (default 60; imports and
                 exports run as background jobs, so no page needs more)
"""

import multiprocessing
import os

bind = os.environ.get("DANVAN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("DANVAN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
timeout = int(os.environ.get("DANVAN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that a slow leak in a library never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# nginx on the same host sets X-Forwarded-Proto/For; trust it only from there.
forwarded_allow_ips = os.environ.get("DANVAN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("DANVAN_LOG_LEVEL", "info")
# Load the application before forking: a configuration error stops the start instead of each worker.
preload_app = True


def post_worker_init(worker):
    """Each worker renders the public portal's front pages once when it starts (its own in-process cache),
    so the first phones to visit a fresh worker do not wait for the database."""
    from danvan.democracy.portal_cache import warm

    worker.log.info("portal cache: %d pages warmed", warm())
