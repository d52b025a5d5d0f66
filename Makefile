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

.PHONY: setup system-packages build check status serve site pdf test bench export clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . || $(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

system-packages:
	./scripts/install-system-packages.sh

build: setup ## generate the Markdown pages from seeds/ and editorial/
	$(BIN)/python -m build_scripts build

check: setup ## translation QA: missing, stale, numbers, glossary, script, brackets, spacing, length
	$(BIN)/python -m build_scripts check

status: setup ## what remains to translate, per document
	$(BIN)/python -m build_scripts status

serve: setup ## generate, build and serve with live reload
	$(BIN)/mkdocs serve --dev-addr $(HOST)

site: setup ## build the full static site into site/, the PDF book included (all or nothing)
	$(BIN)/python -m build_scripts site

pdf: setup ## only the PDF book: site/altman-ai-infrastructure.pdf (PAPER=letter for US Letter)
	$(BIN)/python -m build_scripts pdf --paper $(or $(PAPER),a4)

test: setup system-packages ## the translation checks, then every test (browser tests included)
	$(BIN)/python -m build_scripts check
	$(BIN)/python -m pytest -q

bench: setup system-packages ## benchmark: corpora 1x/10x/100x, PDF, search (ours, stock Material, Pagefind; budgets), Japanese segmentation
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	$(BIN)/python -m build_scripts bench

export: setup
	$(BIN)/python -m build_scripts export --format jsonl -o corpus.jsonl

clean:
	rm -rf site test-artifacts docs/documents docs/glossary docs/topics docs/people docs/figures docs/timeline docs/index.*.md docs/status.*.md docs/.generated
