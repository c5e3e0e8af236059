# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

## run: install, create or migrate the database, load the example if there is no roadmap, serve the web app on http://127.0.0.1:8000
## (readable without an account here, ACCORD_PUBLIC_READ=1; edits need `accord user add`)
run: $(STAMP)
	$(BIN)/accord init
	$(BIN)/accord demo --load --if-empty
	ACCORD_PUBLIC_READ=$${ACCORD_PUBLIC_READ:-1} $(BIN)/accord serve --host 127.0.0.1 --port 8000

## test: install if needed, lint, run the whole suite (SQLite and PostgreSQL, browser tests included)
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest -n 2 --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check accord tests bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
