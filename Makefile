# provkg — two commands on a fresh machine:
#   make demo   create .venv, install, ingest examples/, print a provenance tree
#   make test   create .venv, install with test extras, run the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
PROVKG := $(VENV)/bin/provkg
DEMO_DB ?= demo.lbug

.PHONY: demo test install bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -rf $(DEMO_DB) $(DEMO_DB).wal
	$(PROVKG) ingest examples/ --db $(DEMO_DB) -q
	$(PROVKG) provenance "progress reports to the Ministry of Social Security" --db $(DEMO_DB)

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) -m benchmarks
