package queries

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type scanned struct {
	Name    string     `col:"name"`
	Count   int64      `col:"count"`
	Maybe   *int64     `col:"maybe"`
	Rate    *float64   `col:"rate"`
	Day     time.Time  `col:"day"`
	Later   *time.Time `col:"later"`
	Total   bool       `col:"total"`
	Comment *string    `col:"comment"`
	Note    string     // no tag: no column
}

func TestScanReadsTypedRows(t *testing.T) {
	day := time.Date(2021, 8, 31, 0, 0, 0, 0, time.UTC)
	res := &Result{
		Query:   "test",
		Columns: []string{"extra", "name", "count", "maybe", "rate", "day", "later", "total", "comment"},
		Rows: [][]any{
			{"x", "a", int64(3), nil, 0.5, day, day, true, "c"},
			// A HUGEINT sum as text, a whole float, NULL text as "", NaN as no rate.
			{"y", nil, "1271743", 2.0, math.NaN(), day, nil, false, nil},
		},
	}
	got, err := Scan[scanned](res)
	if err != nil {
		t.Fatal(err)
	}
	two, half, c := int64(2), 0.5, "c"
	want := []scanned{
		{Name: "a", Count: 3, Rate: &half, Day: day, Later: &day, Total: true, Comment: &c},
		{Count: 1271743, Maybe: &two, Day: day},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scan (-want +got):\n%s", diff)
	}

	for _, tc := range []struct {
		change func(*Result)
		want   string
	}{
		{func(r *Result) { r.Columns[2] = "counted" }, "query test: result lacks column count (it has extra, name, counted"},
		{func(r *Result) { r.Rows[1][2] = "veel" }, "query test: row 2: column count holds string veel, not a whole number"},
		{func(r *Result) { r.Rows[0][5] = nil }, "query test: row 1: column day holds <nil> <nil>, not a date"},
		{func(r *Result) { r.Rows[0][4] = "1%" }, "query test: row 1: column rate holds string 1%, not a number"},
		{func(r *Result) { r.Rows[0] = r.Rows[0][:3] }, "query test: row 1 has 3 values for 9 columns"},
	} {
		r := &Result{Query: res.Query, Columns: append([]string(nil), res.Columns...)}
		for _, row := range res.Rows {
			r.Rows = append(r.Rows, append([]any(nil), row...))
		}
		tc.change(r)
		if _, err := Scan[scanned](r); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
}

func TestResultOfIsScanReversed(t *testing.T) {
	type annotation struct {
		Day  time.Time `col:"day"`
		Text string    `col:"text"`
	}
	rows := []annotation{{time.Date(2021, 8, 9, 0, 0, 0, 0, time.UTC), "start vlucht 2"}}
	res, err := ResultOf("annotations", rows)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"day", "text"}, res.Columns); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	back, err := Scan[annotation](res)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rows, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	type partial struct {
		Day time.Time `col:"day"`
	}
	if _, err := ResultOf("annotations", []partial{{}}); err == nil || !strings.Contains(err.Error(), "has no field for column text") {
		t.Errorf("a row type without every column: %v", err)
	}
	// The fields of an embedded struct name columns too.
	type Group struct {
		Total bool `col:"is_total"`
	}
	type theme struct {
		Name *string `col:"theme"`
		Group
	}
	values, err := RowValues([]Column{{Name: "theme"}, {Name: "is_total"}}, []theme{{Group: Group{Total: true}}})
	if diff := cmp.Diff([][]any{{nil, true}}, values); err != nil || diff != "" {
		t.Errorf("embedded fields: %v (-want +got):\n%s", err, diff)
	}
}
