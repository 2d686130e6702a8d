package pipeline

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the rows of every testdata/ingest/*/want.json from what was loaded")

// ingestCase is a testdata/ingest/<case>/want.json (see testdata/ingest/README.md).
type ingestCase struct {
	About   string                      `json:"about"`
	Options *caseOptions                `json:"options,omitempty"`
	Files   map[string]map[string]any   `json:"files"`
	Rejects []caseReject                `json:"rejects,omitempty"`
	Errors  map[string]string           `json:"errors,omitempty"`
	Log     []string                    `json:"log,omitempty"`
	Tables  map[string]caseTable        `json:"tables,omitempty"`
	Rows    map[string][]map[string]any `json:"rows"`
}

type caseOptions struct {
	Site     string `json:"site,omitempty"`
	Period   string `json:"period,omitempty"`
	Kind     string `json:"kind,omitempty"`
	Campaign string `json:"campaign,omitempty"`
}

type caseReject struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Col    int    `json:"col,omitempty"`
	Reason string `json:"reason"`
}

type caseTable struct {
	Rows     *int64              `json:"rows,omitempty"`
	Sums     map[string]float64  `json:"sums,omitempty"`
	Distinct map[string][]string `json:"distinct,omitempty"`
}

// caseFixed are the columns left out of a case's rows: they differ by run (file ids, the
// keyed hashes of a fresh key) or are the ingest log's own.
var caseFixed = map[string]bool{"file_id": true, "visit_id": true, "visitor": true, "page_key": true, "origin_key": true}

// TestIngestCases loads each folder of testdata/ingest into a fresh database and checks
// what its want.json says: the outcome per file, the rejects, the errors and log lines,
// row counts, sums and distinct values per table (computed by hand from the files), and
// every loaded row (written by -update, read as a diff).
func TestIngestCases(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/ingest/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) { runIngestCase(t, dir) })
	}
}

func runIngestCase(t *testing.T, dir string) {
	wantPath := filepath.Join(dir, "want.json")
	var want ingestCase
	raw, err := os.ReadFile(wantPath)
	switch {
	case err == nil:
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("%s: %v", wantPath, err)
		}
	case os.IsNotExist(err) && *update:
	case os.IsNotExist(err):
		t.Fatalf("%s is missing: write it (testdata/ingest/README.md), or run with -update", wantPath)
	default:
		t.Fatal(err)
	}

	cfg := testConfig(t)
	if _, err := os.Stat(filepath.Join(dir, "bereik.toml")); err == nil {
		if cfg, err = LoadConfig(filepath.Join(dir, "bereik.toml")); err != nil {
			t.Fatal(err)
		}
	}
	opts := IngestOptions{Config: cfg}
	if o := want.Options; o != nil {
		opts.Site, opts.Kind, opts.Campaign = o.Site, o.Kind, o.Campaign
		if o.Period != "" {
			if opts.Period, err = ParsePeriod(o.Period); err != nil {
				t.Fatal(err)
			}
		}
	}
	db, path := testDB(t)
	opts.DBPath = path
	var log bytes.Buffer
	opts.Logger = slog.New(slog.NewTextHandler(&log, nil))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if n := e.Name(); n != "want.json" && n != "bereik.toml" && !strings.HasSuffix(n, ".md") {
			files = append(files, filepath.Join(dir, n))
		}
	}
	outcomes, err := Ingest(context.Background(), db, opts, files)
	if err != nil {
		t.Fatal(err)
	}

	got := ingestCase{About: want.About, Options: want.Options, Rejects: want.Rejects, Errors: want.Errors, Log: want.Log,
		Tables: want.Tables, Files: map[string]map[string]any{}, Rows: map[string][]map[string]any{}}
	for _, o := range outcomes {
		name := filepath.Base(o.Path)
		f := map[string]any{"kind": o.Kind, "status": o.Status, "rows": o.Rows, "rejected": o.Rejected, "skipped": o.Skipped}
		if o.Status == "failed" {
			if want.Errors[name] == "" {
				t.Errorf("%s failed, and want.json expects no error: %v", name, o.Err)
			} else if !strings.Contains(o.Err.Error(), want.Errors[name]) {
				t.Errorf("%s: error %q does not say %q", name, o.Err, want.Errors[name])
			}
		}
		if o.Replaced > 0 {
			f["replaced"] = o.Replaced
		}
		got.Files[name] = f
		if w, ok := want.Files[name]; ok {
			for k, v := range w {
				if fmt.Sprint(f[k]) != fmt.Sprint(v) {
					t.Errorf("%s: %s is %v, want %v (error: %v)", name, k, f[k], v, o.Err)
				}
			}
		} else if raw != nil {
			t.Errorf("%s: not in want.json's files", name)
		}
	}
	for name, msg := range want.Errors {
		if f := got.Files[name]; f == nil || f["status"] != "failed" {
			t.Errorf("%s should fail saying %q, but did not", name, msg)
		}
	}
	for _, line := range want.Log {
		if !strings.Contains(log.String(), line) {
			t.Errorf("the log does not say %q:\n%s", line, log.String())
		}
	}
	gotRejects := checkCaseRejects(t, db, want.Rejects, raw != nil || !*update)

	tables := map[string]bool{}
	for _, o := range outcomes {
		if k := kindNamed(o.Kind); k != nil && o.Status == "loaded" {
			tables[k.table] = true
		}
	}
	for name := range want.Tables {
		tables[name] = true
	}
	for table := range tables {
		if w, ok := want.Tables[table]; ok {
			checkCaseTable(t, db, table, w)
		}
		got.Rows[table] = caseRows(t, db, table)
	}
	if *update {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if raw == nil {
			got.About = "(written by -update: say what this case is)"
			got.Rejects = gotRejects
			got.Errors = map[string]string{}
			for _, o := range outcomes {
				if o.Err != nil {
					got.Errors[filepath.Base(o.Path)] = strings.TrimPrefix(o.Err.Error(), o.Path+": ")
				}
			}
		} else if len(want.Files) > 0 {
			got.Files = want.Files
		}
		if err := enc.Encode(got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(wantPath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	// The rows as JSON numbers and strings, the way want.json holds them.
	var gotRows map[string][]map[string]any
	b, _ := json.Marshal(got.Rows)
	json.Unmarshal(b, &gotRows)
	if want.Rows == nil {
		want.Rows = map[string][]map[string]any{}
	}
	if diff := cmp.Diff(want.Rows, gotRows); diff != "" {
		t.Errorf("loaded rows (-want.json +got); run go test ./pipeline -run TestIngestCases -update and read the diff:\n%s", diff)
	}
}

func kindNamed(name string) *source {
	i := slices.IndexFunc(sources, func(s *source) bool { return s.kind == name })
	if i < 0 {
		return nil
	}
	return sources[i]
}

// checkCaseRejects compares the rejects with those a case wants, if check, and returns them.
func checkCaseRejects(t *testing.T, db *sql.DB, want []caseReject, check bool) []caseReject {
	t.Helper()
	rows, err := db.Query(`SELECT path, line, col, reason FROM rejects ORDER BY path, line, col`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []caseReject
	for rows.Next() {
		var r caseReject
		if err := rows.Scan(&r.File, &r.Line, &r.Col, &r.Reason); err != nil {
			t.Fatal(err)
		}
		r.File = filepath.Base(r.File)
		got = append(got, r)
	}
	if !check {
		return got
	}
	if len(got) != len(want) {
		t.Errorf("%d rejects, want %d: %+v", len(got), len(want), got)
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g caseReject) bool {
			return g.File == w.File && g.Line == w.Line && (w.Col == 0 || g.Col == w.Col) && strings.Contains(g.Reason, w.Reason)
		}) {
			t.Errorf("no reject of %s line %d col %d saying %q; the rejects are %+v", w.File, w.Line, w.Col, w.Reason, got)
		}
	}
	return got
}

func checkCaseTable(t *testing.T, db *sql.DB, table string, want caseTable) {
	t.Helper()
	if want.Rows != nil {
		var n int64
		if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != *want.Rows {
			t.Errorf("%s holds %d rows, want %d", table, n, *want.Rows)
		}
	}
	for col, w := range want.Sums {
		var got sql.NullFloat64
		if err := db.QueryRow(fmt.Sprintf(`SELECT sum(%s)::DOUBLE FROM %s`, col, table)).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.Float64-w) > 1e-6*math.Max(1, math.Abs(w)) {
			t.Errorf("%s: sum(%s) = %v, want %v", table, col, got.Float64, w)
		}
	}
	for col, w := range want.Distinct {
		rows, err := db.Query(fmt.Sprintf(`SELECT DISTINCT regexp_replace(coalesce(%s::VARCHAR, ''), ' 00:00:00$', '') FROM %s ORDER BY 1`, col, table))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var v string
			rows.Scan(&v)
			got = append(got, v)
		}
		rows.Close()
		// A midnight time reads as its day, whichever way the case writes it.
		w = slices.Clone(w)
		for i := range w {
			w[i] = strings.TrimSuffix(w[i], " 00:00:00")
		}
		sort.Strings(w)
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("%s: distinct %s (-want +got):\n%s", table, col, diff)
		}
	}
}

// caseRows returns every row of a table, its columns by name, without the columns that
// differ by run, in a fixed order.
func caseRows(t *testing.T, db *sql.DB, table string) []map[string]any {
	t.Helper()
	var exclude []string
	for c := range caseFixed {
		var n int
		db.QueryRow(`SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?`, table, c).Scan(&n)
		if n > 0 {
			exclude = append(exclude, c)
		}
	}
	sort.Strings(exclude)
	q := `SELECT * FROM ` + table
	if len(exclude) > 0 {
		q = fmt.Sprintf(`SELECT * EXCLUDE (%s) FROM %s`, strings.Join(exclude, ", "), table)
	}
	rows, err := db.Query(q + ` ORDER BY ALL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	out := []map[string]any{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := map[string]any{}
		for i, c := range cols {
			switch v := vals[i].(type) {
			case time.Time:
				if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
					row[c] = v.Format(time.DateOnly)
				} else {
					row[c] = v.Format(time.DateTime)
				}
			default:
				row[c] = v
			}
		}
		out = append(out, row)
	}
	return out
}
