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
		for _, p := range q.Params {
			if _, err := q.Bind(map[string]string{}); err != nil && p.Default != "" {
				t.Errorf("%s: defaults do not bind: %v", q.Name, err)
			}
			if !strings.Contains(q.SQL, "$"+p.Name) {
				t.Errorf("%s declares parameter %s but never uses $%s", q.Name, p.Name, p.Name)
			}
		}
	}
}

func TestBind(t *testing.T) {
	q, err := Lookup("twinkel_flights")
	if err != nil {
		t.Fatal(err)
	}
	got, err := q.Bind(map[string]string{"to": "2021-08-31"})
	if err != nil {
		t.Fatal(err)
	}
	if got["campaign"] != "Twinkels 2021" || !got["to"].(time.Time).Equal(time.Date(2021, 8, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("bound %v", got)
	}
	for _, tc := range []struct {
		params map[string]string
		want   string
	}{
		{map[string]string{"to": "31-08-2021"}, `parameter to: "31-08-2021" is not a date like 2021-08-31`},
		{map[string]string{"flight": "2"}, `has no parameter "flight"; it takes: campaign (text), from (date), to (date)`},
	} {
		if _, err := q.Bind(tc.params); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Bind(%v) error %v, want %q", tc.params, err, tc.want)
		}
	}
	top, _ := Lookup("top_articles")
	if _, err := top.Bind(map[string]string{"limit": "vijf"}); err == nil || !strings.Contains(err.Error(), `"vijf" is not a whole number`) {
		t.Errorf("limit=vijf: %v", err)
	}
}

func TestLookupSuggestsTheClosestName(t *testing.T) {
	_, err := Lookup("top_article")
	if err == nil || !strings.Contains(err.Error(), `did you mean "top_articles"`) {
		t.Errorf("error %v", err)
	}
}
