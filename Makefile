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
	$(MAKE) --no-print-directory fuzz FUZZTIME=500x

# Fuzz every parser: `make test` runs each for a fixed count of inputs (500x), so that a
# busy machine makes it slower, never red: a time limit (-fuzztime=4s) races Go's fuzz
# coordinator against its own deadline and fails with "context deadline exceeded" under
# load (go.dev/issue/75804, fixed only in Go 1.27). `make fuzz` runs each for a minute, for
# a developer on a quiet machine. The instrumented test binary is built once. A crashing
# input is saved in pipeline/testdata/fuzz and fails `go test` after.
FUZZTIME ?= 60s
FUZZ_TARGETS = $(shell grep -ho '^func Fuzz[A-Za-z0-9]*' pipeline/*_test.go | cut -d' ' -f2)
fuzz: $(ECHARTS)
	$(GO) test -c -fuzz=. -tags $(TAGS) -o bin/pipeline.fuzz.test ./pipeline
	cd pipeline && for f in $(FUZZ_TARGETS); do \
		echo "fuzz $$f for $(FUZZTIME)"; \
		../bin/pipeline.fuzz.test -test.run='^$$' -test.fuzz="^$$f$$" -test.fuzztime=$(FUZZTIME) \
			-test.fuzzcachedir="$$($(GO) env GOCACHE)/fuzz/bereik/pipeline" || exit 1; \
	done

# Ingest against DuckDB's own CSV reader on a 10M-row visit log, in one run (about 6 GB
# of disk in out/bench; the visit logs are generated once). Not part of `make test`.
bench: bin/bereik
	$(GO) run -tags $(TAGS) ./bench --dir out/bench --bereik bin/bereik


clean:
	rm -rf bin out
