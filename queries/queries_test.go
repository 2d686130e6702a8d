package queries

import (
	"strings"
	"testing"
	"time"
)

func TestEveryQueryHasAHeader(t *testing.T) {
	qs, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 7 {
		t.Fatalf("%d queries, want at least 7", len(qs))
	}
	for _, q := range qs {
		if q.Doc == "" {
			t.Errorf("%s has no -- doc: line", q.Name)
		}
		if len(q.Columns) == 0 {
			t.Errorf("%s declares no -- column: lines", q.Name)
		}
		for _, p := range q.Params {
			if !strings.Contains(q.SQL, "$"+p.Name) {
				t.Errorf("%s declares parameter %s but never uses $%s", q.Name, p.Name, p.Name)
			}
			if p.Default != "" {
				if _, err := convert(p.Type, p.Default); err != nil {
					t.Errorf("%s: default of %s does not read: %v", q.Name, p.Name, err)
				}
			}
		}
		// No programme is named in the SQL: the configuration names it.
		for _, fact := range []string{"kennisplein", "twinkelmagazine", "Twinkels 2021", "Begeleiding", "1900-01-01", "9999-12-31"} {
			if strings.Contains(q.SQL, fact) {
				t.Errorf("%s names %q; it belongs in bereik.toml or is a sentinel (use NULL for no bound)", q.Name, fact)
			}
		}
	}
}

func TestParseAndBind(t *testing.T) {
	q, err := Lookup("twinkel_flights")
	if err != nil {
		t.Fatal(err)
	}
	args, err := q.Parse(map[string]string{"to": "2021-08-31", "campaign": "Twinkels 2021"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := q.Bind(args)
	if err != nil {
		t.Fatal(err)
	}
	if got["campaign"] != "Twinkels 2021" || !got["to"].(time.Time).Equal(time.Date(2021, 8, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("bound %v", got)
	}
	if v, ok := got["from"]; !ok || v != nil {
		t.Errorf("from not given: bound %v, want NULL (no bound)", v)
	}
	for _, tc := range []struct {
		params map[string]string
		want   string
	}{
		{map[string]string{"to": "31-08-2021"}, `parameter to: "31-08-2021" is not a date like 2021-08-31`},
		{map[string]string{"flight": "2"}, `has no parameter "flight"; it takes: campaign (text), from (date), to (date)`},
	} {
		if _, err := q.Parse(tc.params); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%v) error %v, want %q", tc.params, err, tc.want)
		}
	}
	for _, tc := range []struct {
		args Args
		want string
	}{
		{Args{"to": "2021-08-31", "campaign": "x"}, `parameter to: string 2021-08-31 is not a date`},
		{Args{"to": nil}, `needs parameter campaign (text), which bereik takes from the database's configured.campaign: the configuration the last ingest stored has no value for it`},
		{Args{"campaign": nil}, `parameter campaign: needs a value (text)`},
	} {
		if _, err := q.Bind(tc.args); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Bind(%v) error %v, want %q", tc.args, err, tc.want)
		}
	}
	top, _ := Lookup("top_articles")
	if _, err := top.Parse(map[string]string{"limit": "vijf"}); err == nil || !strings.Contains(err.Error(), `"vijf" is not a whole number`) {
		t.Errorf("limit=vijf: %v", err)
	}
	if got, err := top.Bind(nil); err != nil || got["limit"] != int64(5) {
		t.Errorf("top_articles without parameters: %v, %v; want the default limit 5", got, err)
	}
}

func TestHeaderErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"-- name: x\n-- column: a integer rate\nSELECT 1", "a integer column cannot be a rate"},
		{"-- name: x\n-- column: a money\nSELECT 1", `bad column line "a money"`},
		{"-- name: x\n-- column: a text\n-- column: a text\nSELECT 1", "column a is declared twice"},
		{"-- name: x\nSELECT 1", "declares no result columns"},
		{"-- name: x\n-- param: a date sometimes\n-- column: a text\nSELECT 1", `bad param line "a date sometimes"`},
	} {
		if _, err := parse("x.sql", tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parse(%q) error %v, want %q", tc.text, err, tc.want)
		}
	}
}

func TestCheckComparesTheDeclaredColumns(t *testing.T) {
	q := Query{Name: "x", Columns: []Column{{Name: "a", Type: "integer"}, {Name: "b", Type: "date"}}}
	if err := q.check([]string{"a", "b"}, []string{"HUGEINT", "DATE"}); err != nil {
		t.Errorf("a HUGEINT is an integer: %v", err)
	}
	for _, tc := range []struct {
		columns, types []string
		want           string
	}{
		{[]string{"a", "b"}, []string{"VARCHAR", "DATE"}, "query x: the result's columns (a text, b date) are not the ones its header declares (a integer, b date)"},
		{[]string{"b", "a"}, []string{"DATE", "BIGINT"}, "(b date, a integer)"},
		{[]string{"a"}, []string{"BIGINT"}, "(a integer) are not"},
	} {
		if err := q.check(tc.columns, tc.types); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("check(%v, %v) error %v, want %q", tc.columns, tc.types, err, tc.want)
		}
	}
}

func TestLookupSuggestsTheClosestName(t *testing.T) {
	_, err := Lookup("top_article")
	if err == nil || !strings.Contains(err.Error(), `did you mean "top_articles"`) {
		t.Errorf("error %v", err)
	}
}
