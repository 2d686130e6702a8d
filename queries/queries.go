// Package queries owns the questions the reach report answers: one .sql file per question,
// embedded, each with a header that names it, says what it answers and lists its
// parameters. It binds parameters and returns typed rows; it never formats for people.
package queries

import (
	"cmp"
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:embed *.sql
var files embed.FS

// Query is one named question.
type Query struct {
	Name   string
	Doc    string
	Params []Param
	SQL    string
	File   string
}

// Param is one typed parameter of a query, bound as $name.
type Param struct {
	Name    string
	Type    string // date, integer, text
	Default string // "" means required
	Doc     string
}

// Result is the answer to one query: its columns and typed rows. Values are int64,
// float64, string, bool, time.Time or nil.
type Result struct {
	Query   string
	Params  map[string]any
	Columns []string
	Rows    [][]any
}

// Col returns the index of the named column, or -1.
func (r *Result) Col(name string) int { return slices.Index(r.Columns, name) }

// All returns every query, sorted by name.
func All() ([]Query, error) {
	entries, err := fs.Glob(files, "*.sql")
	if err != nil {
		return nil, err
	}
	var qs []Query
	for _, e := range entries {
		data, err := files.ReadFile(e)
		if err != nil {
			return nil, err
		}
		q, err := parse(e, string(data))
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	slices.SortFunc(qs, func(a, b Query) int { return cmp.Compare(a.Name, b.Name) })
	return qs, nil
}

// Lookup returns the named query; an unknown name gets an error that suggests the closest.
func Lookup(name string) (Query, error) {
	qs, err := All()
	if err != nil {
		return Query{}, err
	}
	best, bestDist := "", 1<<30
	for _, q := range qs {
		if q.Name == name {
			return q, nil
		}
		if d := distance(name, q.Name); d < bestDist {
			best, bestDist = q.Name, d
		}
	}
	return Query{}, fmt.Errorf("no query named %q; did you mean %q? (bereik queries lists them all)", name, best)
}

var headerLine = regexp.MustCompile(`^--\s*(name|doc|param):\s*(.*)$`)
var paramSpec = regexp.MustCompile(`^(\w+)\s+(date|integer|text)(?:\s*=\s*(.*?))?(?:\s+--\s*(.*))?$`)

func parse(file, text string) (Query, error) {
	q := Query{File: file, SQL: text}
	for _, line := range strings.Split(text, "\n") {
		m := headerLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			if strings.HasPrefix(strings.TrimSpace(line), "--") || strings.TrimSpace(line) == "" {
				continue
			}
			break
		}
		switch m[1] {
		case "name":
			q.Name = m[2]
		case "doc":
			q.Doc = strings.TrimSpace(q.Doc + " " + m[2])
		case "param":
			p := paramSpec.FindStringSubmatch(m[2])
			if p == nil {
				return q, fmt.Errorf("%s: bad param line %q (want: name date|integer|text [= default] [-- doc])", file, m[2])
			}
			q.Params = append(q.Params, Param{Name: p[1], Type: p[2], Default: p[3], Doc: p[4]})
		}
	}
	if q.Name == "" || q.Name+".sql" != file {
		return q, fmt.Errorf("%s: header must name the query after its file (-- name: %s)", file, strings.TrimSuffix(file, ".sql"))
	}
	return q, nil
}

// Bind checks the given parameters against the query and converts them to typed values;
// missing ones take their defaults.
func (q Query) Bind(given map[string]string) (map[string]any, error) {
	out := map[string]any{}
	for k := range given {
		if !slices.ContainsFunc(q.Params, func(p Param) bool { return p.Name == k }) {
			return nil, fmt.Errorf("query %s has no parameter %q; it takes: %s", q.Name, k, q.paramList())
		}
	}
	for _, p := range q.Params {
		raw, ok := given[p.Name]
		if !ok {
			if p.Default == "" {
				return nil, fmt.Errorf("query %s needs parameter %s (%s)", q.Name, p.Name, p.Type)
			}
			raw = p.Default
		}
		v, err := convert(p.Type, raw)
		if err != nil {
			return nil, fmt.Errorf("query %s parameter %s: %w", q.Name, p.Name, err)
		}
		out[p.Name] = v
	}
	return out, nil
}

func (q Query) paramList() string {
	if len(q.Params) == 0 {
		return "no parameters"
	}
	var s []string
	for _, p := range q.Params {
		s = append(s, p.Name+" ("+p.Type+")")
	}
	return strings.Join(s, ", ")
}

func convert(typ, raw string) (any, error) {
	switch typ {
	case "date":
		t, err := time.Parse(time.DateOnly, raw)
		if err != nil {
			return nil, fmt.Errorf("%q is not a date like 2021-08-31", raw)
		}
		return t, nil
	case "integer":
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a whole number", raw)
		}
		return n, nil
	default:
		return raw, nil
	}
}

// Run binds the parameters and runs the named query.
func Run(ctx context.Context, db *sql.DB, name string, params map[string]string) (*Result, error) {
	q, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	bound, args, err := q.Args(params)
	if err != nil {
		return nil, err
	}
	res, err := RunSQL(ctx, db, q.SQL, args...)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	res.Query, res.Params = name, bound
	return res, nil
}

// Args binds the given parameters (see Bind) and returns them also as the driver's named
// arguments, ready for the query's text.
func (q Query) Args(params map[string]string) (map[string]any, []any, error) {
	bound, err := q.Bind(params)
	if err != nil {
		return nil, nil, err
	}
	args := make([]any, 0, len(q.Params))
	for _, p := range q.Params {
		args = append(args, sql.Named(p.Name, bound[p.Name]))
	}
	return bound, args, nil
}

// RunSQL runs any SQL text and returns its typed rows.
func RunSQL(ctx context.Context, db *sql.DB, text string, args ...any) (*Result, error) {
	rows, err := db.QueryContext(ctx, text, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			vals[i] = normalise(v)
		}
		res.Rows = append(res.Rows, vals)
	}
	return res, rows.Err()
}

// normalise maps the driver's value types onto the few a Result holds.
func normalise(v any) any {
	switch x := v.(type) {
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	case uint64:
		return int64(x)
	case int:
		return int64(x)
	case float32:
		return float64(x)
	case []byte:
		return string(x)
	case *big.Int: // HUGEINT, as an un-cast sum() gives
		if x.IsInt64() {
			return x.Int64()
		}
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	case fmt.Stringer:
		if _, isTime := v.(time.Time); !isTime {
			return x.String()
		}
	}
	return v
}

// distance is the Levenshtein edit distance, for suggesting a query name.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
