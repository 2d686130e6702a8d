package pipeline

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/google/go-cmp/cmp"
)

// duckType is the DuckDB type an Arrow column of a kind's schema loads as.
func duckType(t arrow.DataType) string {
	switch t.ID() {
	case arrow.STRING:
		return "VARCHAR"
	case arrow.INT64:
		return "BIGINT"
	case arrow.INT32:
		return "INTEGER"
	case arrow.UINT64:
		return "UBIGINT"
	case arrow.FLOAT64:
		return "DOUBLE"
	case arrow.BOOL:
		return "BOOLEAN"
	case arrow.DATE32:
		return "DATE"
	case arrow.TIMESTAMP:
		return "TIMESTAMP"
	}
	return t.String()
}

// TestKindSchemas: every kind's Arrow schema is exactly its table's columns in DuckDB
// (besides file_id), name and type, so that every column a kind loads has a place and no
// column of its table is left to a default; and every kind's parser resolves its columns
// by name against its schema (a name it lacks panics at construction).
func TestKindSchemas(t *testing.T) {
	db, _ := testDB(t)
	for _, k := range sources {
		t.Run(k.kind, func(t *testing.T) {
			rows, err := db.Query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND column_name <> 'file_id' ORDER BY column_name`, k.table)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var inDuck []string
			for rows.Next() {
				var name, typ string
				if err := rows.Scan(&name, &typ); err != nil {
					t.Fatal(err)
				}
				inDuck = append(inDuck, name+" "+typ)
			}
			var schema []string
			for _, f := range k.schema.Fields() {
				schema = append(schema, f.Name+" "+duckType(f.Type))
			}
			// The view of a kind with dimensions shows their text too: the columns a key
			// is the hash of, where the rows do not hold them themselves.
			for _, c := range k.computed {
				for _, of := range c.of {
					if k.schema.HasField(of) {
						continue
					}
					for _, col := range inDuck {
						if strings.HasPrefix(col, of+" ") {
							schema = append(schema, col)
						}
					}
				}
			}
			if diff := cmp.Diff(slices.Sorted(slices.Values(inDuck)), slices.Sorted(slices.Values(schema))); diff != "" {
				t.Errorf("table %s (-columns in DuckDB +Arrow schema of %s):\n%s", k.table, k.kind, diff)
			}
			// The parts table stores the columns an INSERT names (the schema's, with the
			// keys the parser computes); each dimension has the key and the columns it is
			// the hash of.
			if k.parts != "" {
				stored := strings.Split(columnList(k), ", ")
				for _, c := range k.computed {
					if !k.schema.HasField(c.name) {
						t.Errorf("kind %s: its schema lacks its key %s", k.kind, c.name)
					}
					if c.dim != "" {
						if diff := cmp.Diff(slices.Sorted(slices.Values(append([]string{c.name}, c.of...))), slices.Sorted(slices.Values(columnNames(t, db, c.dim, "")))); diff != "" {
							t.Errorf("dimension %s (-columns in DuckDB +key and of):\n%s", c.dim, diff)
						}
					}
				}
				if diff := cmp.Diff(slices.Sorted(slices.Values(stored)), slices.Sorted(slices.Values(columnNames(t, db, k.parts, "file_id")))); diff != "" {
					t.Errorf("table %s (-columns in DuckDB +stored columns of %s):\n%s", k.parts, k.kind, diff)
				}
			}
			header := []string{}
			for _, f := range k.spec {
				header = append(header, f.name())
			}
			p := &parseRun{f: &table{path: "x", kind: k, header: header}, cfg: testConfig(t), cols: matchFields(k.spec, header), out: newBatch(k.schema)}
			defer p.out.b.Release()
			func() {
				defer func() {
					if v := recover(); v != nil {
						t.Errorf("the parser of %s does not fit its schema: %v", k.kind, v)
					}
				}()
				if _, err := k.parser(p); err != nil && !strings.Contains(err.Error(), "period") {
					t.Logf("parser of %s on a bare header: %v", k.kind, err)
				}
			}()
		})
	}
}

// TestKindsAreComplete: every kind names itself for people and for messages, and a kind
// with a header has a required field or group, so that no header matches it by accident.
func TestKindsAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range sources {
		if seen[k.kind] {
			t.Errorf("kind %s twice", k.kind)
		}
		seen[k.kind] = true
		if k.label.nl == "" || k.label.en == "" || k.is == "" || k.table == "" || k.schema == nil || k.parser == nil {
			t.Errorf("kind %s lacks a label, a description, a table, a schema or a parser", k.kind)
		}
		if k.lineMatch == nil && len(k.required()) == 0 {
			t.Errorf("kind %s has no required column", k.kind)
		}
		if k.merge == replaceByKey {
			for _, key := range k.keys {
				if len(k.schema.FieldIndices(key)) != 1 {
					t.Errorf("kind %s: key %s is not a column of its schema", k.kind, key)
				}
			}
		}
		if !strings.HasPrefix(k.is, "a ") && !strings.HasPrefix(k.is, "an ") {
			t.Errorf("kind %s: %q should read as 'a ...' in messages", k.kind, k.is)
		}
	}
	if err := errUnrecognised(); !strings.Contains(err.Error(), metaAdsSource.is) {
		t.Errorf("the unrecognised message does not name every kind: %v", err)
	}
}

// columnNames are a table's columns in DuckDB, but one (except; "" for none).
func columnNames(t *testing.T, db *sql.DB, table, except string) []string {
	t.Helper()
	return rowsOf(t, db, fmt.Sprintf(`SELECT column_name FROM information_schema.columns WHERE table_name = '%s' AND column_name <> '%s'`, table, except))
}
