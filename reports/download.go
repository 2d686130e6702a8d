package reports

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"time"

	"bereik/queries"
)

// tableData is a table's numbers as its query gave them, for the table's "CSV
// downloaden" button: numbers unformatted (no thousands separators; fractions as
// fractions), days as 2006-01-02, moments as 2006-01-02T15:04:05, a missing value as
// null, the columns ordered as the query's header declares them. The page's script turns
// it into CSV as the report's language writes it: in Dutch with ";" between the fields, a
// decimal comma and Dutch headers, so that a Dutch Excel opens it with a double-click; in
// English with "," and English headers. No request is made.
type tableData struct {
	File    string   `json:"file"`    // the downloaded file's name: its section and period
	Columns []string `json:"columns"` // the columns' headers, in the report's language
	Rows    [][]any  `json:"rows"`
	Sep     string   `json:"sep"`     // the field separator
	Decimal string   `json:"decimal"` // the decimal separator
}

// downloadable gives a table its download button and the rows it downloads: the rows of
// query that the table shows, every column the query declares. The file is named after
// the table's section (file, in the report's language: l.say(phFileKeyFigures)) and the
// report's period:
// kerncijfers_2021-06-01_2021-08-31.csv.
func downloadable[T any](t *tableView, l locale, r *Report, file, query string, rows []T) error {
	res, err := queries.ResultOf(query, rows)
	if err != nil {
		return fmt.Errorf("download %s: %w", file, err)
	}
	d := &tableData{
		File: file + "_" + isoDay(r.Options.From) + "_" + isoDay(r.Options.To) + ".csv",
		Rows: res.Rows, Sep: l.csvSeparator, Decimal: l.decimal,
	}
	for _, c := range res.Declared {
		d.Columns = append(d.Columns, l.columnHeader(query, c.Name))
	}
	for _, row := range d.Rows {
		for i, v := range row {
			row[i] = rawValue(res.Declared[i], v)
		}
	}
	t.Data, err = d.json()
	t.Download = l.say(phDownload)
	return err
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

// rawValue is a value as a CSV cell holds it: a date as 2006-01-02, a timestamp as
// 2006-01-02T15:04:05, nothing for a number that is none (NaN, infinity), anything else as
// it is.
func rawValue(c queries.Column, v any) any {
	switch x := v.(type) {
	case time.Time:
		if c.Type == "timestamp" {
			return stamp(x)
		}
		return isoDay(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
	}
	return v
}

// stamp is a moment as a CSV cell holds it: 2006-01-02T15:04:05.
func stamp(t time.Time) string { return t.Format("2006-01-02T15:04:05") }

// isoDay names a day as 2006-01-02.
func isoDay(t time.Time) string { return t.Format(time.DateOnly) }
