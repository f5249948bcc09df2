# Two commands set everything up on a fresh machine: `make report` and `make test`.
# Both create the virtual environment in .venv when it is missing and install the project
# into it with the pinned versions from constraints.txt.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KERNEL := discourse-toolkit
CORPUS ?= data/sample
NAME ?= sample

.PHONY: help env test lint browser report lab lock clean bench

help:
	@echo "make report   build the environment (if needed) and write a report on $(CORPUS)"
	@echo "make test     lint and run the test suite"
	@echo "make lab      start JupyterLab on notebooks/ with the project's kernel"
	@echo "make bench    run the benchmarks"
	@echo "make lock     re-pin constraints.txt from the current environment"

env: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) \
		--display-name "Python (discourse-toolkit)" > /dev/null
	$(BIN)/python -m compileall -q toolkit
	@touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check toolkit tests benchmarks

test: lint browser
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

# The report browser test renders pages in headless Chromium (Debian package chromium). When it
# is missing and we are root with apt-get, install it; otherwise the test skips and says why.
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
		:; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium for the report browser test"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
			>/dev/null) || echo "could not install chromium: the browser test will skip"; \
	else \
		echo "chromium not found and not installable here (needs root and apt-get):" \
			"the browser test will skip"; \
	fi

report: $(STAMP)
	$(BIN)/toolkit report --corpus $(CORPUS) --name $(NAME)

# JupyterLab refuses to run as root unless told to (containers often run as root).
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_ROOT)

bench: $(STAMP)
	@for b in benchmarks/*.py; do \
		[ "$$b" = benchmarks/common.py ] && continue; \
		echo "== $$b"; $(BIN)/python $$b || exit 1; \
	done

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^discourse-toolkit' > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
