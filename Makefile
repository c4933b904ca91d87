# Two commands for a newcomer: `make report` and `make test`. Each sets up .venv by itself
# (only python3 is needed): the report installs requirements/report.lock, the tests add
# requirements/dev.lock. `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
REPORT_STAMP := $(VENV)/.report-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: help report test check pair lab messages schema browser lint lock lock-check clean clean-venv

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

report: $(REPORT_STAMP) ## Run the notebooks that changed and publish the report (report/index.html)
	@$(PY) -m analysis build

test: $(DEV_STAMP) browser ## Lint, unit/data/notebook tests, strict nbval, the browser test
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m pytest

pair: $(DEV_STAMP) ## Write the notebooks' text twins in notebooks/py/ (what a reviewer diffs)
	@$(PY) -m analysis pair

check: $(REPORT_STAMP) ## Say whether the published files match the build that made them
	@$(PY) -m analysis check

# The notebooks name the kernel "python3" (what papermill and nbval run): inside .venv that is the
# project's own interpreter, registered here under that name so a user-level "python3" cannot shadow it.
lab: $(DEV_STAMP) ## Open JupyterLab on the notebooks with the project's kernel (.venv's python3)
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Trump–Putin fact-check, .venv)" >/dev/null
	$(PY) -m jupyter lab --notebook-dir=notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

messages: $(DEV_STAMP) ## Extract the reader-visible strings and update the message catalogs
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k Nn_:1,2 --no-location --sort-output --omit-header \
	  -o src/analysis/publish/locale/messages.pot .
	$(VENV)/bin/pybabel update -i src/analysis/publish/locale/messages.pot -d src/analysis/publish/locale \
	  -l fr --no-fuzzy-matching --width 100

schema: $(DEV_STAMP) ## Regenerate schemas/verdict-record.schema.json from the record model
	$(PY) -c "from analysis import paths; from analysis.verdicts.records import schema_text; \
	  (paths.schemas_dir() / 'verdict-record.schema.json').write_text(schema_text(), encoding='utf-8')"

# The browser test needs Debian's chromium (Playwright drives it; it downloads no browser).
# Installed here when missing and possible (root with apt); otherwise that test is skipped.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser test (once)..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
	      || echo "chromium could not be installed: the browser test will be skipped"; \
	  else echo "chromium missing and not installable here: the browser test will be skipped"; fi; }

lint: $(DEV_STAMP) ## Lint the code (ruff)
	$(PY) -m ruff check src tests benchmarks

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "error: Python 3.11 or later is needed (found $$($(PYTHON) --version)); set PYTHON=python3.11"; exit 2; }
	$(PYTHON) -m venv $(VENV)

# The environment is rebuilt whenever a lock file or the package metadata changes.
$(REPORT_STAMP): requirements/report.lock pyproject.toml | $(VENV)/bin/python
	@echo "Setting up .venv for the report (requirements/report.lock)..."
	@$(PIP) -r requirements/report.lock
	@$(PIP) --no-deps --no-build-isolation -e .
	@# Build matplotlib's font cache now, so its one-off notice never lands in a notebook output.
	@MPLBACKEND=Agg $(PY) -c "import matplotlib.pyplot"
	@touch $@

$(DEV_STAMP): requirements/dev.lock $(REPORT_STAMP)
	@echo "Adding the test and lab tools to .venv (requirements/dev.lock)..."
	@$(PIP) --no-deps -r requirements/dev.lock
	@touch $@

clean: ## Remove generated files that are not committed (report/, build/)
	rm -rf report build

clean-venv: ## Remove the virtual environment
	rm -rf $(VENV)

# Re-resolve requirements/*.in into exact pins (run by a maintainer, then commit the locks).
# uv resolves for the oldest Python the README promises (MIN_PYTHON) and writes the command in
# each lock's header; the current pins are kept where they still fit. `lock-check` then asks pip,
# without installing anything, whether every pin installs on each supported Python.
MIN_PYTHON := 3.11.0
SUPPORTED_PYTHONS := 3.11.0 3.12 3.13
# Left out of the dev lock, which is installed as it is (--no-deps): jupyter-events asks for
# jsonschema[format-nongpl], whose rfc3987-syntax builds a grammar when imported (1.5 s in every
# process that imports nbformat: pytest, each build worker; jsonschema issue #1428) for IRI
# format checks nothing here uses. tests/test_environment.py checks nothing else is missing.
LEFT_OUT := rfc3987-syntax lark
LOCK_TOOLS := build/lock-tools
UV := $(LOCK_TOOLS)/bin/uv

$(UV):
	$(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/pip install --quiet --disable-pip-version-check uv

lock: $(UV) ## Re-resolve requirements/*.in into requirements/*.lock (for Python $(MIN_PYTHON)) and environment.yml
	$(UV) pip compile --quiet --no-annotate --python-version $(MIN_PYTHON) requirements/report.in \
	  -o requirements/report.lock
	$(UV) pip compile --quiet --no-annotate --python-version $(MIN_PYTHON) requirements/report.in \
	  requirements/dev.in -c requirements/report.lock $(LEFT_OUT:%=--no-emit-package %) -o requirements/dev.lock
	$(MAKE) --no-print-directory lock-check
	$(PY) -m analysis sync-environment

lock-check: ## Check, without installing, that both locks install on every supported Python
	@for version in $(SUPPORTED_PYTHONS); do for lock in requirements/report.lock requirements/dev.lock; do \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check --dry-run --no-deps --ignore-installed \
	    --python-version $$version --target build/lock-check -r $$lock 2>&1 | grep -v '^WARNING: Location' ; \
	  test $${PIPESTATUS[0]} -eq 0 || { echo "$$lock does not install on Python $$version"; exit 1; }; \
	  echo "$$lock installs on Python $$version"; done; done
