# Developer verbs. Everything runs from a local virtual environment (.venv) and
# node_modules, both created on first use, so a fresh clone needs only these.
#
#   make serve   build the embedded course and serve it with live reload
#   make test    lint, type-check and run every test (CPython, Pyodide, Chromium)
#   make jscheck type-check the browser code and run its unit tests (part of make test)
#   make build   build the site into site/
#   make bench   measure build, load and scoring times against the targets

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
JS_STAMP := node_modules/.installed
DEV_ADDR ?= 127.0.0.1:8000

.PHONY: setup serve build check test lint typecheck jscheck pytest bench clean

setup: $(PY_STAMP) $(JS_STAMP)

$(PY_STAMP): pyproject.toml scorer/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ./scorer -e '.[dev]'
	touch $@

$(JS_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: setup
	$(BIN)/lederskap serve --dev-addr $(DEV_ADDR)

build: setup
	$(BIN)/lederskap build

check: setup
	$(BIN)/lederskap check

lint: setup
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/mypy

# The browser code: TypeScript checks every module that starts with `// @ts-check`, one
# project per global scope (the page, the scorer worker, the service worker); then
# node's test runner runs tests/js/ on the modules as a build writes them, generated
# build-info.js and messages.js included, in a temporary folder.
jscheck: setup
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.worker.json
	node_modules/.bin/tsc -p tsconfig.service-worker.json
	site=$$(mktemp -d) && trap 'rm -rf "$$site"' EXIT && \
	  $(BIN)/python -m lederskap_build.dev_assets "$$site" && \
	  LEDERSKAP_JS_SITE="$$site" node --test --test-reporter=spec tests/js/*.test.mjs

# pytest-xdist runs the tests in $(TEST_WORKERS) processes (one per core by default), each
# module's tests in one process so that a module's built site or Pyodide is made once.
# Every test builds into a temporary folder of its own, never into the repository.
TEST_WORKERS ?= auto

pytest: setup
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope

test: lint typecheck jscheck pytest

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf site generated .pytest_cache .mypy_cache .ruff_cache
