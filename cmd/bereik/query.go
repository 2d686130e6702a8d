package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"bereik/pipeline"
	"bereik/queries"
	"bereik/reports"
)

// paramsFlag collects repeated --param key=value.
type paramsFlag map[string]string

func (p paramsFlag) String() string { return fmt.Sprint(map[string]string(p)) }
func (p paramsFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("%q: want key=value", s)
	}
	p[k] = v
	return nil
}

func runQuery(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "query", "[--db PATH] NAME [--param key=value]... [--format table|csv|json]\n"+
		"       bereik query [--db PATH] --sql 'SELECT ...'\n\n"+
		"Runs one named question (bereik queries lists them) read-only and prints its rows.\n\n"+
		"Example: bereik query --db out/bereik.duckdb twinkel_flights --param to=2021-08-31 --format csv")
	db := dbFlag(e, fs)
	wait := waitFlag(fs)
	params := paramsFlag{}
	fs.Var(params, "param", "a parameter as key=value (repeatable)")
	format := fs.String("format", "table", "output: table, csv or json")
	text := fs.String("sql", "", "run this SQL instead of a named question: it reads the database, read-only, and no file,\n"+
		"extension or setting (no COPY TO, ATTACH, INSTALL, LOAD, read_csv, SET)")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if (len(rest) != 1 && *text == "") || (len(rest) != 0 && *text != "") {
		fs.Usage()
		return errUsage
	}
	if *format != "table" && *format != "csv" && *format != "json" {
		return fmt.Errorf("--format must be table, csv or json, not %q", *format)
	}
	var typed queries.Args
	if *text == "" {
		q, err := queries.Lookup(rest[0])
		if err != nil {
			return err
		}
		if typed, err = q.Parse(params); err != nil {
			return err
		}
	}
	// The analyst's own SQL runs behind DuckDB's guards: it reads the database and
	// nothing else (README: "What query --sql may do").
	conn, err := pipeline.Open(ctx, *db, pipeline.OpenOptions{ReadOnly: true, Wait: *wait, Sandboxed: *text != ""})
	if err != nil {
		return err
	}
	defer conn.Close()
	var res *queries.Result
	if *text != "" {
		res, err = queries.RunSQL(ctx, conn, *text)
	} else {
		res, err = queries.Run(ctx, conn, rest[0], typed)
	}
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		err = writeCSV(e.stdout, res)
	case "json":
		err = writeJSON(e.stdout, res)
	default:
		err = writeTable(e.stdout, res)
	}
	if err != nil {
		return err
	}
	return nil
}

// rawValue writes a value for machines: full precision, ISO dates, empty for NULL.
func rawValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format(time.DateOnly)
		}
		return x.Format("2006-01-02T15:04:05")
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return fmt.Sprint(v)
}

// writeCSV writes a result as CSV. Text that a spreadsheet would run as a formula (a post
// title starting with =, +, -, @, a tab or a carriage return) gets a leading ', as in the
// report's CSV download; numbers stay numbers.
func writeCSV(w io.Writer, res *queries.Result) error {
	cw := csv.NewWriter(w)
	cw.Write(res.Columns)
	for _, row := range res.Rows {
		rec := make([]string, len(row))
		for i, v := range row {
			if text, ok := v.(string); ok {
				rec[i] = reports.SpreadsheetText(text)
				continue
			}
			rec[i] = rawValue(v)
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

func writeJSON(w io.Writer, res *queries.Result) error {
	var b strings.Builder
	b.WriteString("[")
	for r, row := range res.Rows {
		if r > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for i, v := range row {
			if i > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(res.Columns[i])
			var val []byte
			var err error
			switch x := v.(type) {
			case time.Time:
				val, err = json.Marshal(rawValue(x))
			case float64:
				if math.IsNaN(x) || math.IsInf(x, 0) {
					val = []byte("null")
				} else {
					val, err = json.Marshal(x)
				}
			default:
				val, err = json.Marshal(x)
			}
			if err != nil {
				return err
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(val)
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTable prints aligned columns with numbers formatted for people, as each named
// query's header declares its columns (-- column: name type kind): counts with thousands
// grouped, ordinals (ranks, steps, lines) as they are, rates as percentages, durations as
// 1:14. Columns of --sql are not declared: whole numbers grouped, fractions two decimals.
func writeTable(w io.Writer, res *queries.Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	tw.Write([]byte(strings.Join(res.Columns, "\t") + "\t\n"))
	for _, row := range res.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			var c queries.Column
			if i < len(res.Declared) {
				c = res.Declared[i]
			}
			cells[i] = humanValue(c, v)
		}
		tw.Write([]byte(strings.Join(cells, "\t") + "\t\n"))
	}
	return tw.Flush()
}

func humanValue(c queries.Column, v any) string {
	switch x := v.(type) {
	case nil:
		return "-"
	case int64:
		switch c.Kind {
		case "ordinal":
			return strconv.FormatInt(x, 10)
		case "duration":
			return clock(float64(x))
		}
		return groupThousands(strconv.FormatInt(x, 10))
	case float64:
		switch c.Kind {
		case "rate":
			return strconv.FormatFloat(x*100, 'f', 2, 64) + "%"
		case "duration":
			return clock(x)
		}
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
	return rawValue(v)
}

// clock writes seconds as a stopwatch shows them: 74 is 1:14, 3725 is 1:02:05.
func clock(seconds float64) string {
	if s, ok := reports.Stopwatch(seconds); ok {
		return s
	}
	return "-"
}

func groupThousands(digits string) string {
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
