// Package queries owns the questions the reach report answers: one .sql file per question,
// embedded, each with a header that names it, says what it answers and lists its
// parameters. It binds parameters and returns typed rows; it never formats for people.
package queries

import (
	"cmp"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed *.sql
var files embed.FS

// Query is one named question.
type Query struct {
	Name    string
	Doc     string
	Params  []Param
	Columns []Column // the result's columns, in order, as the header declares them
	SQL     string
	File    string
}

// Param is one typed parameter of a query, bound as $name. A parameter is required unless
// it has a Default, is Optional (NULL when not given: no bound) or names where the
// database keeps its value (Stored).
type Param struct {
	Name     string
	Type     string // date, integer, text
	Default  string // a literal default; "" for none
	Optional bool   // NULL when not given
	Stored   string // "configured.campaign": the value bereik.toml gave at the last ingest
	Doc      string
}

// Column is one column of a query's result as its header declares it: its name, its type
// and how a person reads its numbers.
type Column struct {
	Name string
	Type string // text, integer, double, date, timestamp, boolean
	// Kind is how a number reads: count (whole numbers, grouped), ordinal (a rank, step,
	// line or id: not grouped), rate (a fraction, as a percentage), ratio (two decimals)
	// or duration (seconds, as 1:14). It is "" for text, dates and booleans.
	Kind string
	Doc  string
}

// Args are a query's parameters as typed values: time.Time for a date, int64 for an
// integer, string for text, nil for an optional parameter left without a bound.
type Args map[string]any

// Result is the answer to one query: its columns and typed rows. Values are int64,
// float64, string, bool, time.Time or nil.
type Result struct {
	Query   string
	Args    Args
	Columns []string
	// Declared are the query's declared columns, as many as Columns and in their order;
	// nil for SQL that is not a named query.
	Declared []Column
	Rows     [][]any
}

// Col returns the index of the named column, or -1.
func (r *Result) Col(name string) int { return slices.Index(r.Columns, name) }

// All returns every query, sorted by name.
func All() ([]Query, error) {
	qs, err := parsed()
	return slices.Clone(qs), err
}

// parsed reads the embedded files once.
var parsed = sync.OnceValues(func() ([]Query, error) {
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
})

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

var (
	headerLine = regexp.MustCompile(`^--\s*(name|doc|param|column):\s*(.*)$`)
	paramSpec  = regexp.MustCompile(`^(\w+)\s+(date|integer|text)(?:\s+(optional)|\s+from\s+(\w+\.\w+)|\s*=\s*(.*?))?(?:\s+--\s*(.*))?$`)
	columnSpec = regexp.MustCompile(`^(\w+)\s+(text|integer|double|date|timestamp|boolean)(?:\s+(count|ordinal|rate|ratio|duration))?(?:\s+--\s*(.*))?$`)
)

// kinds are the kinds a column of each type may have; the first is its default.
var kinds = map[string][]string{
	"integer": {"count", "ordinal", "duration"},
	"double":  {"ratio", "rate", "duration"},
}

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
				return q, fmt.Errorf("%s: bad param line %q (want: name date|integer|text [optional | from table.column | = default] [-- doc])", file, m[2])
			}
			q.Params = append(q.Params, Param{Name: p[1], Type: p[2], Optional: p[3] != "", Stored: p[4], Default: p[5], Doc: p[6]})
		case "column":
			c := columnSpec.FindStringSubmatch(m[2])
			if c == nil {
				return q, fmt.Errorf("%s: bad column line %q (want: name text|integer|double|date|timestamp|boolean [count|ordinal|rate|ratio|duration] [-- doc])", file, m[2])
			}
			col := Column{Name: c[1], Type: c[2], Kind: c[3], Doc: c[4]}
			allowed := kinds[col.Type]
			switch {
			case col.Kind == "" && len(allowed) > 0:
				col.Kind = allowed[0]
			case col.Kind != "" && !slices.Contains(allowed, col.Kind):
				return q, fmt.Errorf("%s: column %s: a %s column cannot be a %s", file, col.Name, col.Type, col.Kind)
			}
			if slices.ContainsFunc(q.Columns, func(d Column) bool { return d.Name == col.Name }) {
				return q, fmt.Errorf("%s: column %s is declared twice", file, col.Name)
			}
			q.Columns = append(q.Columns, col)
		}
	}
	if q.Name == "" || q.Name+".sql" != file {
		return q, fmt.Errorf("%s: header must name the query after its file (-- name: %s)", file, strings.TrimSuffix(file, ".sql"))
	}
	if len(q.Columns) == 0 {
		return q, fmt.Errorf("%s: header declares no result columns (-- column: name type [kind] [-- doc])", file)
	}
	return q, nil
}

// ErrNotConfigured means a parameter was not given and the configuration the database
// keeps does not give it either.
var ErrNotConfigured = errors.New("the configuration the last ingest stored has no value for it; give it, or add it to bereik.toml and run bereik ingest")

// Parse reads parameters given as text (bereik query --param key=value) into typed
// values: a date like 2021-08-31, a whole number, or text.
func (q Query) Parse(given map[string]string) (Args, error) {
	args := Args{}
	for _, k := range slices.Sorted(maps.Keys(given)) {
		raw := given[k]
		p, err := q.param(k)
		if err != nil {
			return nil, err
		}
		v, err := convert(p.Type, raw)
		if err != nil {
			return nil, fmt.Errorf("query %s parameter %s: %w", q.Name, p.Name, err)
		}
		args[k] = v
	}
	return args, nil
}

// param returns the named parameter; an unknown name gets an error that lists them all.
func (q Query) param(name string) (Param, error) {
	i := slices.IndexFunc(q.Params, func(p Param) bool { return p.Name == name })
	if i < 0 {
		return Param{}, fmt.Errorf("query %s has no parameter %q; it takes: %s", q.Name, name, q.paramList())
	}
	return q.Params[i], nil
}

// Bind checks the given parameters against the query's: every one known and of its
// type. A missing one takes its default, or NULL where it is optional; any other missing
// one is an error.
func (q Query) Bind(args Args) (Args, error) {
	for _, k := range slices.Sorted(maps.Keys(args)) {
		if _, err := q.param(k); err != nil {
			return nil, err
		}
	}
	out := Args{}
	for _, p := range q.Params {
		v, ok := args[p.Name]
		switch {
		case ok:
			var err error
			if v, err = typed(p, v); err != nil {
				return nil, fmt.Errorf("query %s parameter %s: %w", q.Name, p.Name, err)
			}
		case p.Default != "":
			var err error
			if v, err = convert(p.Type, p.Default); err != nil {
				return nil, fmt.Errorf("query %s parameter %s: default: %w", q.Name, p.Name, err)
			}
		case p.Optional:
			v = nil
		case p.Stored != "":
			return nil, fmt.Errorf("query %s needs parameter %s (%s), which bereik takes from the database's %s: %w", q.Name, p.Name, p.Type, p.Stored, ErrNotConfigured)
		default:
			return nil, fmt.Errorf("query %s needs parameter %s (%s)", q.Name, p.Name, p.Type)
		}
		out[p.Name] = v
	}
	return out, nil
}

// typed checks that a given value is of the parameter's type.
func typed(p Param, v any) (any, error) {
	if v == nil {
		if p.Optional {
			return nil, nil
		}
		return nil, fmt.Errorf("needs a value (%s)", p.Type)
	}
	switch p.Type {
	case "date":
		if t, ok := v.(time.Time); ok {
			return t, nil
		}
	case "integer":
		switch n := v.(type) {
		case int64:
			return n, nil
		case int:
			return int64(n), nil
		}
	default:
		if s, ok := v.(string); ok {
			return s, nil
		}
	}
	return nil, fmt.Errorf("%T %v is not a %s", v, v, p.Type)
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

// Run binds the parameters and runs the named query. A parameter not given whose value
// the database keeps (Param.Stored) is read from the database first. The result's columns
// must be the ones the query's header declares.
func Run(ctx context.Context, db *sql.DB, name string, args Args) (*Result, error) {
	q, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	bound, named, err := q.Prepare(ctx, db, args)
	if err != nil {
		return nil, err
	}
	res, types, err := run(ctx, db, q.SQL, named...)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	if err := q.check(res.Columns, types); err != nil {
		return nil, err
	}
	res.Query, res.Args, res.Declared = name, bound, q.Columns
	return res, nil
}

// Prepare fills the parameters not given whose value the database keeps, binds them (see
// Bind) and returns them also as the driver's named arguments, ready for the query's text.
func (q Query) Prepare(ctx context.Context, db *sql.DB, args Args) (Args, []any, error) {
	args = maps.Clone(args)
	if args == nil {
		args = Args{}
	}
	for _, p := range q.Params {
		if _, given := args[p.Name]; given || p.Stored == "" {
			continue
		}
		v, err := stored(ctx, db, p.Stored)
		if err != nil {
			return nil, nil, fmt.Errorf("query %s parameter %s: %w", q.Name, p.Name, err)
		}
		if v != nil {
			args[p.Name] = v
		}
	}
	bound, err := q.Bind(args)
	if err != nil {
		return nil, nil, err
	}
	named := make([]any, 0, len(q.Params))
	for _, p := range q.Params {
		named = append(named, sql.Named(p.Name, bound[p.Name]))
	}
	return bound, named, nil
}

// stored reads a value the database keeps, named as table.column (both words: see
// paramSpec); nil when the table holds no row or a NULL.
func stored(ctx context.Context, db *sql.DB, at string) (any, error) {
	table, column, _ := strings.Cut(at, ".")
	var v any
	err := db.QueryRowContext(ctx, `SELECT "`+column+`" FROM "`+table+`"`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", at, err)
	}
	return normalise(v), nil
}

// check compares a result's columns and their database types with the declared ones.
func (q Query) check(columns, types []string) error {
	var got, want []string
	for i, c := range columns {
		got = append(got, c+" "+sqlType(types[i]))
	}
	for _, c := range q.Columns {
		want = append(want, c.Name+" "+c.Type)
	}
	if !slices.Equal(got, want) {
		return fmt.Errorf("query %s: the result's columns (%s) are not the ones its header declares (%s)",
			q.Name, strings.Join(got, ", "), strings.Join(want, ", "))
	}
	return nil
}

// sqlType maps a DuckDB type name onto a declared column type.
func sqlType(dbType string) string {
	switch t := strings.ToUpper(dbType); {
	case slices.Contains([]string{"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
		"UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"}, t):
		return "integer"
	case t == "DOUBLE" || t == "FLOAT" || strings.HasPrefix(t, "DECIMAL"):
		return "double"
	case t == "DATE":
		return "date"
	case strings.HasPrefix(t, "TIMESTAMP"):
		return "timestamp"
	case t == "VARCHAR":
		return "text"
	case t == "BOOLEAN":
		return "boolean"
	default:
		return strings.ToLower(t)
	}
}

// RunSQL runs any SQL text and returns its typed rows; its columns are not declared.
func RunSQL(ctx context.Context, db *sql.DB, text string, args ...any) (*Result, error) {
	res, _, err := run(ctx, db, text, args...)
	return res, err
}

// run runs SQL text and returns its typed rows and its columns' database types.
func run(ctx context.Context, db *sql.DB, text string, args ...any) (*Result, []string, error) {
	rows, err := db.QueryContext(ctx, text, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, nil, err
	}
	colTypes, err := rows.ColumnTypes()
	if err != nil {
		return nil, nil, err
	}
	types := make([]string, len(colTypes))
	for i, ct := range colTypes {
		types[i] = ct.DatabaseTypeName()
	}
	res := &Result{Columns: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, nil, err
		}
		for i, v := range vals {
			vals[i] = normalise(v)
		}
		res.Rows = append(res.Rows, vals)
	}
	return res, types, rows.Err()
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
