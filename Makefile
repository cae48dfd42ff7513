# Two commands on a fresh Debian/Ubuntu machine with Python 3.11+:
#   make run    - create .venv, install requirements.txt, serve on http://127.0.0.1:8050
#   make test   - the same plus test dependencies and a headless Chromium, then the whole suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8050
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test check geodata screenshot bench clean browser redis npm-sources

$(VENV)/.runtime: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Exports need a browser; the dashboard runs without one (its Export tab then says so), so a failed
# install does not stop `make run`. It serves with the development server, not gunicorn: a bad setting
# or data file is then one line, not a worker's traceback; its export jobs are as safe as gunicorn's
# (they start from a fork server, never from a fork of the threaded server: tests/test_export_concurrency.py
# runs the same exports against both).
run: $(VENV)/.runtime
	-@$(MAKE) --no-print-directory browser || echo "No Chromium: exports are off, everything else works."
	$(PY) -m dashboard serve --host $(HOST) --port $(PORT)

check: $(VENV)/.runtime
	$(PY) -m dashboard check

# Debian's chromium and chromium-driver, for the browser tests, the screenshot and the benchmarks.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  echo "Installing Debian's chromium and chromium-driver (headless browser for the tests)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver >/dev/null; }

# Debian's redis-server, for the export-queue tests; they start their own on a free port, so it is
# only installed here, never started as a service.
redis:
	@command -v redis-server >/dev/null || { \
	  echo "Installing Debian's redis-server (the export-queue tests run their own)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq redis-server >/dev/null; }

# The npm packages pinned in package.json, for the accessibility tests' axe-core (injected into the
# test browser from node_modules, never served to users) and geodata/build.py: a clean clone has none.
npm-sources:
	@[ -f node_modules/axe-core/axe.min.js ] || { \
	  command -v npm >/dev/null || { echo "Installing Debian's npm (the pinned axe-core for the tests)"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm >/dev/null; }; \
	  npm ci --no-audit --no-fund; }

test: $(VENV)/.dev browser redis npm-sources
	$(PY) -m pytest

# Rebuild geodata/ from its sources (npm packages pinned in package.json, geodata/src/).
geodata: $(VENV)/.runtime
	$(PY) -m geodata.build

screenshot: $(VENV)/.dev browser
	$(PY) tools/screenshot.py docs

bench: $(VENV)/.dev browser
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache
