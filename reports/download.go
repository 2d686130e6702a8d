package reports

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"time"
)

// tableData is a table's numbers as its query gave them, for the table's "Download CSV"
// button: numbers unformatted, days as 2006-01-02, a missing value as null, the columns
// named as the query names them. The page's script turns it into CSV; no request is made.
type tableData struct {
	File    string   `json:"file"` // the downloaded file's name
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// newTableData reads rows of domain values into raw values, one per column.
func newTableData(file string, columns []string, rows [][]any) (*tableData, error) {
	d := &tableData{File: file, Columns: columns, Rows: make([][]any, len(rows))}
	for i, row := range rows {
		if len(row) != len(columns) {
			return nil, fmt.Errorf("download %s: row %d has %d values for %d columns", file, i+1, len(row), len(columns))
		}
		d.Rows[i] = make([]any, len(row))
		for j, v := range row {
			d.Rows[i][j] = rawValue(v)
		}
	}
	return d, nil
}

// json marshals the data with encoding/json's HTML escaping on, so that no text in it can
// end its <script> element.
func (d *tableData) json() (template.JS, error) {
	data, err := json.Marshal(d)
	if err != nil {
		return "", fmt.Errorf("download %s: %w", d.File, err)
	}
	return template.JS(data), nil
}

// rawValue is a value as a CSV cell holds it: a day as 2006-01-02, nothing for a missing
// value or a number that is none (NaN, infinity), anything else as it is.
func rawValue(v any) any {
	switch x := v.(type) {
	case time.Time:
		return isoDay(x)
	case *int64:
		if x == nil {
			return nil
		}
		return *x
	case *float64:
		if x == nil {
			return nil
		}
		return rawValue(*x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return x
	case *string:
		if x == nil {
			return nil
		}
		return *x
	}
	return v
}

// stamp is a moment as a CSV cell holds it: 2006-01-02T15:04:05.
func stamp(t time.Time) string { return t.Format("2006-01-02T15:04:05") }

// isoDay names a day as 2006-01-02.
func isoDay(t time.Time) string { return t.Format(time.DateOnly) }

// The rows of each table's download, in the order of the query's columns (report.go).

func (q ProgrammeQuarter) values() []any {
	return []any{q.Start, q.End, q.Visits, q.Visitors, q.NewVisits, q.ReturningVisits}
}

func (f Flight) values() []any {
	return []any{f.Campaign, f.Number, f.Start, f.End, f.Format, f.DataStart, f.DataEnd,
		f.Impressions, f.UniqueReach, f.ReachUpperBound, f.Views, f.Clicks, f.CTR, f.Frequency}
}

func (t FormatTotal) values() []any {
	return []any{t.Format, t.Flights, t.Impressions, t.ReachSum, t.Views, t.Clicks, t.CTR}
}

func (s FunnelStep) values() []any {
	return []any{s.Step, s.Stage, s.Impressions, s.Clicks, s.Visits, s.Visitors, s.AvgVisitSeconds}
}

func (a TopArticle) values() []any {
	return []any{a.Site, a.Rank, a.Path, a.PageTitle, a.ItemTitle, a.ItemType, a.Visits, a.Visitors, a.Source}
}

// valuesOf collects the download rows of a table's records.
func valuesOf[T interface{ values() []any }](records []T) [][]any {
	rows := make([][]any, len(records))
	for i, r := range records {
		rows[i] = r.values()
	}
	return rows
}
