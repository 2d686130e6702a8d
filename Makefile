# bereik: `make demo` builds, writes demo exports, ingests them and renders the report;
# `make test` runs every test. The DuckDB driver compiles C++ once; Go's build cache keeps it.

GO      ?= go
TAGS    := duckdb_arrow
ECHARTS := reports/assets/echarts.min.js
SOURCES := $(shell find cmd pipeline queries reports demo -name '*.go' -o -name '*.sql' -o -name '*.toml' -o -name '*.csv' -o -name '*.tmpl' -o -name '*.css' -o -name '*.js' 2>/dev/null)

.PHONY: all build demo test bench fuzz clean

all: build

build: bin/bereik

bin/bereik: $(ECHARTS) $(SOURCES) go.mod go.sum
	$(GO) build -tags $(TAGS) -o $@ ./cmd/bereik

# ECharts comes from the npm package pinned in package-lock.json and is embedded into the
# binary; it is never committed.
$(ECHARTS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	cp node_modules/echarts/dist/echarts.min.js $@

demo: bin/bereik
	rm -rf out
	bin/bereik demo --dir out/exports
	bin/bereik ingest --db out/bereik.duckdb --config out/exports/bereik.toml out/exports
	bin/bereik report --db out/bereik.duckdb --config out/exports/bereik.toml --programme -o out/report.html
	@echo
	@echo "The report is at $(CURDIR)/out/report.html"

test: $(ECHARTS)
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -tags $(TAGS) -count=1 ./...

# Ingest against DuckDB's own CSV reader on a 10M-row visit log, in one run (about 6 GB
# of disk in out/bench; the visit logs are generated once). Not part of `make test`.
bench: bin/bereik
	$(GO) run -tags $(TAGS) ./bench --dir out/bench --bereik bin/bereik

# Fuzz each parser for a while (make test runs only their seed corpus).
fuzz:
	$(GO) test -tags $(TAGS) ./pipeline -run '^$$' -fuzz FuzzParseMetaAds -fuzztime 60s
	$(GO) test -tags $(TAGS) ./pipeline -run '^$$' -fuzz FuzzParseVisitLog -fuzztime 60s
	$(GO) test -tags $(TAGS) ./pipeline -run '^$$' -fuzz FuzzParseCatalogue -fuzztime 60s
	$(GO) test -tags $(TAGS) ./pipeline -run '^$$' -fuzz FuzzParseAccessLog -fuzztime 60s
	$(GO) test -tags $(TAGS) ./pipeline -run '^$$' -fuzz FuzzParsePageReport -fuzztime 60s

clean:
	rm -rf bin out
