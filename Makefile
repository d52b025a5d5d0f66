# Two commands do everything on a fresh machine:
#   make serve   set up, generate, build and serve the publication on 127.0.0.1:8000
#   make test    set up and run every test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup lock system-packages build check status serve site pdf test bench export clean

# Hash-checked installs: pip installs only what the lock files name, each file checked against
# its sha256 there (--require-hashes), and only wheels (--only-binary :all:), since building an
# sdist would fetch its build dependencies unchecked. One exception, breame (the US/UK spelling
# lists the search index uses), is published only as an sdist: it is built from its hash-checked
# sdist without build isolation (--no-build-isolation), by the venv's own setuptools, so nothing
# is fetched unchecked for it either. pip itself and setuptools are in the lock and installed
# first (below); the project is then installed from the locked setuptools without build isolation.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --require-hashes --only-binary :all: --no-binary breame --no-build-isolation

# breame is built by the venv's setuptools, so the locked pip and setuptools go in first, in a
# step of their own (their entries, hashes included, cut from requirements.txt): a new venv's
# bundled setuptools is too old to build a wheel.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	awk '/^(pip|setuptools)==/ {keep = 1} keep {print} keep && !/\\$$/ {keep = 0}' requirements.txt > $(VENV)/bootstrap.txt
	$(PIP_INSTALL) -r $(VENV)/bootstrap.txt
	$(PIP_INSTALL) -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

# The lock files, from requirements.in and requirements-bench.in: every package pinned with the
# sha256 of each of its files, for Python 3.11.5 and up on every platform (--universal). After an
# edit of a .in file: `make lock`. One package to its newest allowed release: `make lock UPGRADE=name`
# (UPGRADE=all: every package). Dependabot's pull requests recompile with the same options.
UV_COMPILE = $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11.5 \
	$(if $(filter all,$(UPGRADE)),--upgrade,$(addprefix --upgrade-package ,$(UPGRADE)))

lock: setup ## recompile requirements.txt and requirements-bench.txt (hash-pinned) from the .in files
	$(UV_COMPILE) --output-file requirements.txt requirements.in
	$(UV_COMPILE) --output-file requirements-bench.txt requirements-bench.in

system-packages:
	./scripts/install-system-packages.sh

build: setup ## export docs/ and the generated Markdown pages into generated/ (for Zensical, or to read them)
	$(BIN)/python -m build_scripts build

check: setup ## translation QA: missing, stale, numbers, glossary, script, brackets, spacing, length
	$(BIN)/python -m build_scripts check

status: setup ## what remains to translate, per document
	$(BIN)/python -m build_scripts status

serve: setup ## build and serve with live reload: an edited translation shows within a second (build_scripts/web/serve.py)
	$(BIN)/python -m build_scripts serve --dev-addr $(HOST)

site: setup ## build the full static site into site/, the PDF book included (all or nothing)
	$(BIN)/python -m build_scripts site

pdf: setup ## only the PDFs: the book site/altman-ai-infrastructure.pdf (or its volumes) and site/pdf/<slug>.pdf per document (PAPER=letter for US Letter)
	$(BIN)/python -m build_scripts pdf --paper $(or $(PAPER),a4)

test: setup system-packages ## the translation checks, then every test (browser tests included)
	$(BIN)/python -m build_scripts check
	$(BIN)/python -m pytest -q

bench: setup system-packages ## benchmark: corpora 1x/10x/100x (make site clean and after an edit, preview, PDF, Zensical), search (ours, stock, Pagefind), segmentation
	$(PIP_INSTALL) -r requirements-bench.txt
	$(BIN)/python -m build_scripts bench

export: setup
	$(BIN)/python -m build_scripts export --format jsonl -o corpus.jsonl

clean: ## remove the built site, the exported pages, the build cache and test artefacts
	rm -rf site generated .cache test-artifacts
