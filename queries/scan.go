package queries

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// A row type names the column each of its fields holds in a `col` tag:
//
//	type Flight struct {
//		Number      int64    `col:"flight"`
//		Impressions int64    `col:"impressions"`
//		CTR         *float64 `col:"ctr"`
//	}
//
// Fields are int64, float64, string, bool or time.Time, or a pointer to one where the
// column may be NULL (a string reads NULL as ""). Scan reads a result into such rows;
// RowValues and ResultOf turn rows back into a query's values.

// field is one tagged field of a row type, by its index path (see reflect.FieldByIndex).
type field struct {
	column string
	index  []int
}

var timeType = reflect.TypeFor[time.Time]()

// fieldsOf lists the tagged fields of the struct type T, and of the structs it embeds.
func fieldsOf[T any]() ([]field, error) {
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("row type %s is not a struct", t)
	}
	fields, err := tagged(t, nil)
	if err == nil && len(fields) == 0 {
		err = fmt.Errorf("row type %s names no column (`col` tags)", t)
	}
	return fields, err
}

func tagged(t reflect.Type, at []int) ([]field, error) {
	var fields []field
	for i := range t.NumField() {
		f := t.Field(i)
		index := append(append([]int(nil), at...), i)
		name, ok := f.Tag.Lookup("col")
		if !ok {
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				embedded, err := tagged(f.Type, index)
				if err != nil {
					return nil, err
				}
				fields = append(fields, embedded...)
			}
			continue
		}
		base := f.Type
		if base.Kind() == reflect.Pointer {
			base = base.Elem()
		}
		switch {
		case base == timeType, base.Kind() == reflect.Int64, base.Kind() == reflect.Float64,
			base.Kind() == reflect.String, base.Kind() == reflect.Bool:
		default:
			return nil, fmt.Errorf("row type %s: field %s is a %s, which no column is read into", t, f.Name, f.Type)
		}
		fields = append(fields, field{column: name, index: index})
	}
	return fields, nil
}

// Scan reads every row of a result into a T, field by field as T's `col` tags name the
// columns. Columns T does not name are passed over. A result that lacks a column T names,
// or a value that is not of its field's type, is an error naming the query, the row and
// the column. A whole number may come as an integral float or as decimal text (an
// uncast SUM is a HUGEINT).
func Scan[T any](res *Result) ([]T, error) {
	fields, err := fieldsOf[T]()
	if err != nil {
		return nil, err
	}
	at := make([]int, len(fields))
	var missing []string
	for i, f := range fields {
		if at[i] = res.Col(f.column); at[i] < 0 {
			missing = append(missing, f.column)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("query %s: result lacks column %s (it has %s)",
			res.Query, strings.Join(missing, ", "), strings.Join(res.Columns, ", "))
	}
	rows := make([]T, len(res.Rows))
	for r, values := range res.Rows {
		if len(values) != len(res.Columns) {
			return nil, fmt.Errorf("query %s: row %d has %d values for %d columns", res.Query, r+1, len(values), len(res.Columns))
		}
		row := reflect.ValueOf(&rows[r]).Elem()
		for i, f := range fields {
			if err := set(row.FieldByIndex(f.index), values[at[i]]); err != nil {
				return nil, fmt.Errorf("query %s: row %d: column %s %w", res.Query, r+1, f.column, err)
			}
		}
	}
	return rows, nil
}

// set puts a result's value into a field of its type; a pointer field takes NULL as nil.
func set(dst reflect.Value, v any) error {
	if dst.Kind() == reflect.Pointer {
		if v == nil {
			return nil
		}
		if x, ok := v.(float64); ok && dst.Type().Elem().Kind() == reflect.Float64 && (math.IsNaN(x) || math.IsInf(x, 0)) {
			return nil // a rate of nothing: no number
		}
		p := reflect.New(dst.Type().Elem())
		if err := set(p.Elem(), v); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	}
	switch dst.Kind() {
	case reflect.Int64:
		switch x := v.(type) {
		case int64:
			dst.SetInt(x)
			return nil
		case float64:
			if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
				dst.SetInt(int64(x))
				return nil
			}
		case string:
			if n, err := strconv.ParseInt(x, 10, 64); err == nil {
				dst.SetInt(n)
				return nil
			}
		}
		return holds(v, "a whole number")
	case reflect.Float64:
		switch x := v.(type) {
		case float64:
			dst.SetFloat(x)
			return nil
		case int64:
			dst.SetFloat(float64(x))
			return nil
		}
		return holds(v, "a number")
	case reflect.String:
		switch x := v.(type) {
		case string:
			dst.SetString(x)
			return nil
		case nil:
			return nil
		}
		return holds(v, "text")
	case reflect.Bool:
		if b, ok := v.(bool); ok {
			dst.SetBool(b)
			return nil
		}
		return holds(v, "true or false")
	}
	if t, ok := v.(time.Time); ok && dst.Type() == timeType {
		dst.Set(reflect.ValueOf(t))
		return nil
	}
	return holds(v, "a date")
}

func holds(v any, want string) error {
	return fmt.Errorf("holds %T %v, not %s", v, v, want)
}

// RowValues are the values of typed rows, one per column in the order of columns, as a
// query gives them: int64, float64, string, bool, time.Time, or nil for a nil pointer. Every
// column needs a field of T that names it.
func RowValues[T any](columns []Column, rows []T) ([][]any, error) {
	fields, err := fieldsOf[T]()
	if err != nil {
		return nil, err
	}
	at := make([][]int, len(columns))
	for i, c := range columns {
		for _, f := range fields {
			if f.column == c.Name {
				at[i] = f.index
			}
		}
		if at[i] == nil {
			return nil, fmt.Errorf("row type %s has no field for column %s", reflect.TypeFor[T](), c.Name)
		}
	}
	out := make([][]any, len(rows))
	for r := range rows {
		row := reflect.ValueOf(rows[r])
		out[r] = make([]any, len(columns))
		for i := range columns {
			v := row.FieldByIndex(at[i])
			if v.Kind() == reflect.Pointer {
				if v.IsNil() {
					continue
				}
				v = v.Elem()
			}
			out[r][i] = v.Interface()
		}
	}
	return out, nil
}

// ResultOf is the result the named query would give with these rows: for tests, and for
// anything that answers the report's questions without a database.
func ResultOf[T any](name string, rows []T) (*Result, error) {
	q, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	values, err := RowValues(q.Columns, rows)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	res := &Result{Query: name, Declared: q.Columns, Rows: values}
	for _, c := range q.Columns {
		res.Columns = append(res.Columns, c.Name)
	}
	return res, nil
}
