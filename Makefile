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

# (the Neo4j tests need a server: when PROVKG_NEO4J_URI names none and Java and Maven are here, one is
# started for the run and stopped after it, tools/neo4j/with_server.sh)
test: install
	@if [ -z "$$PROVKG_NEO4J_URI" ] && command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then \
		echo "bash tools/neo4j/with_server.sh $(PY) -m pytest -q"; \
		bash tools/neo4j/with_server.sh $(PY) -m pytest -q; \
	else \
		echo "$(PY) -m pytest -q"; \
		$(PY) -m pytest -q; \
	fi

bench: install
	$(PY) -m benchmarks
