# danvan — the two commands a new user needs: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := danvan.settings

.PHONY: demo test install assets lint bench worker serve clean messages chromium browser-test

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	touch $@

install: $(VENV)/.installed

## chromium: Debian's Chromium for the browser tests (tests/browser); installed with apt when missing and root
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing chromium (apt)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "NOTICE: /usr/bin/chromium is missing; run 'sudo apt-get install chromium' for tests/browser"; \
	  fi; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed

## make demo: install, migrate SQLite, load the real units and the demo data, serve on 127.0.0.1:$(PORT)
demo: install assets
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_units --if-needed
	$(PY) manage.py demo
	$(PY) manage.py demo_logins
	$(PY) manage.py runserver --insecure 127.0.0.1:$(PORT)

## make test: the whole suite (SQLite by default; DATABASE_URL=postgres://... for PostgreSQL)
test: install assets chromium
	$(PY) -m pytest

## make browser-test: only the browser suite (Playwright driving /usr/bin/chromium against a live server)
browser-test: install assets chromium
	$(PY) -m pytest tests/browser -q

lint: install
	$(VENV)/bin/ruff check danvan tests bench

## make bench: the speed figures (docs/benchmarks.md); BENCH="foundation reports" runs only those
bench: install
	$(PY) bench/run.py $(BENCH)

## make serve: the production server (gunicorn; DANVAN_WORKERS, DANVAN_BIND, DANVAN_TIMEOUT from the environment)
serve: install
	$(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py danvan.wsgi

## make worker: the background task worker (with DANVAN_TASKS=db)
worker: install
	DANVAN_TASKS=db $(PY) manage.py db_worker

## make messages: refresh every Vietnamese catalogue from the source, compile them
messages: install
	$(PY) manage.py catalogues

clean:
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles
