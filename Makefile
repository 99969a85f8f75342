# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz lint bench screenshots translations clean

# PYTHONWARNINGS: setuptools' note on every editable install (mind same-named folders) says
# nothing that applies here.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e ".[test,dev,gl]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/nnviz

# One test process per core (at most 4), idle ones stealing queued tests: 5.5 min on 2 cores, 13.5 in one.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --maxprocesses 4 --dist worksteal

# The reliability suite's generators with thousands of cases instead of CI's few hundred
# (a test may take longer than the 150 s after which the ordinary suite calls it hung).
fuzz: $(STAMP)
	NNVIZ_FUZZ_CASES=5000 NNVIZ_MONKEY_ACTIONS=10000 NNVIZ_HANG_S=3600 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/reliability -s -o faulthandler_timeout=3600

# mypy with no arguments checks the pure core (nnviz/), as [tool.mypy] in pyproject.toml says.
lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

bench: $(STAMP)
	for b in bench/*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m app.screenshots docs

# The catalogues. The core's templates from the code, merged into each language's .po, compiled;
# the Qt side's tr() strings (every app/**/*.py) into the .ts a translator edits, compiled to the
# .qm the app loads (tests/app/test_qt_translations.py runs the same lupdate).
QT_TS := resources/i18n/nnviz_zh_CN.ts
translations: $(STAMP)
	$(BIN)/python tools/extract_messages.py
	$(BIN)/python tools/update_messages.py
	$(BIN)/python tools/compile_messages.py
	$(BIN)/pyside6-lupdate $(sort $(shell find app -name '*.py')) -ts $(QT_TS) -no-obsolete -locations none \
		-source-language en -target-language zh_CN
	$(BIN)/pyside6-lrelease $(QT_TS) -qm $(QT_TS:.ts=.qm)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
