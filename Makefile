# EUCJ Resource Bank - the human entry points. `make help` lists them.
# Everything runs in a virtual environment (.venv) that these targets create.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
# A site profile (profiles/<name>.yml) builds one agency's copy; empty: the full public bank.
PROFILE ?=
export EUCJ_PROFILE := $(PROFILE)
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help site serve validate new status test test-deps bench bench-search audit clean messages messages-compile

# The editors' messages (eucj_bank/catalogue/messages.py): gettext catalogues kept with Babel.
LOCALE      := eucj_bank/catalogue/locale
POT         := $(LOCALE)/eucj_bank.pot
MSG_SOURCES := eucj_bank hooks scripts
BABEL       := $(VENV)/bin/pybabel

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.site-installed: requirements/site.lock pyproject.toml
	@scripts/install_build_system_deps.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/site.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements/test.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/test.lock
	touch $@

validate: $(VENV)/.site-installed  ## Check resource_catalog.yaml (and PROFILE); every problem with file:line:col
	@$(PY) scripts/validate_catalogue.py

new: $(VENV)/.site-installed  ## Add a resource: asks each field in turn (in your language), keeps your answers
	@$(PY) scripts/new_resource.py

status: $(VENV)/.site-installed  ## Which resources and pages still miss text in en, ru or kk
	@$(PY) scripts/translation_status.py

site: validate  ## Build site/ and dist/<name>-offline.zip (PROFILE=...: an agency's copy; EUCJ_SIGNING_KEY=...: sign it)
	$(VENV)/bin/mkdocs build --clean
	$(PY) scripts/sign_manifest.py  # only when EUCJ_SIGNING_KEY names the agency's SSH key
	$(PY) scripts/package_offline.py

serve: $(VENV)/.site-installed  ## Preview the site at http://127.0.0.1:8000 while editing (errors show in the browser)
	@$(PY) scripts/serve.py --dev-addr 127.0.0.1:8000

test-deps: $(VENV)/.test-installed  ## Install what the tests need (Debian chromium, node packages)
	@scripts/install_test_system_deps.sh
	npm ci --silent --no-audit --no-fund

test: test-deps  ## Run the whole test suite (builds real sites, drives real Chromium)
	$(PY) -m pytest

bench: test-deps  ## Benchmark 100, 1,000 and 5,000 synthetic resources against the naive setup (about 15 min)
	$(PY) scripts/benchmark.py

bench-search: test-deps site  ## Relevance of search on 90 judged queries (en/ru/kk) through the shipped worker under node
	$(PY) scripts/bench_search.py site
messages: $(VENV)/.site-installed  ## Extract editor messages into the .pot and merge them into the ru/kk .po files
	$(BABEL) extract --no-default-keywords -k _ -c "Translators:" --add-location=file --sort-output --no-wrap \
		--project "EUCJ Resource Bank" --copyright-holder "EUCJ Resource Bank" -o $(POT) $(MSG_SOURCES)
	$(BABEL) update -i $(POT) -d $(LOCALE) -D eucj_bank --no-wrap --no-fuzzy-matching --ignore-obsolete

messages-compile: $(VENV)/.site-installed  ## Compile the .po files (.mo, for checking: the tools read the .po directly)
	$(BABEL) compile -d $(LOCALE) -D eucj_bank --statistics
audit: test-deps  ## Lighthouse (mobile) on home, catalogue and a resource page per language; needs `make site` first
	$(PY) scripts/audit.py site

clean:  ## Remove build outputs (keeps .venv)
	rm -rf site dist
