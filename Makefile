# Two commands: `make run` (set up, analyse seeds/, write results/ and figures/) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
OUT    ?= results/seeds

.PHONY: run test lab setup setup-test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(STAMP)
setup-test: $(TSTAMP)

SNN    := ../shared/data/saudinewsnet/saudinewsnet.jsonl.gz

run: setup
	$(BIN)/framing run seeds --out $(OUT) --figures figures
	@if [ -f $(SNN) ]; then \
	  echo "SaudiNewsNet found: figures of its Libya articles -> figures/saudinewsnet-libya/"; \
	  $(BIN)/framing figures $(SNN) --select libya --out figures/saudinewsnet-libya; \
	else echo "($(SNN) absent: SaudiNewsNet figures skipped)"; fi

test: setup-test
	$(BIN)/python -m pytest

lab: setup-test
	$(BIN)/jupyter lab notebooks/

bench: setup
	$(BIN)/python benchmarks/bench_analyze.py

clean:
	rm -rf $(VENV) results .pytest_cache
