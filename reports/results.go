package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"bereik/queries"
)

// cells reads one row of a query's result by column name. The first value that is not
// of the type the report expects is remembered as the row's error.
type cells struct {
	index  map[string]int
	values []any
	err    error
}

// eachRow checks that the result has the columns the report reads, then calls read for
// every row; it stops at the first row with a value of the wrong type.
func eachRow(query string, res *queries.Result, columns []string, read func(*cells)) error {
	index := map[string]int{}
	for i, name := range res.Columns {
		index[name] = i
	}
	var missing []string
	for _, name := range columns {
		if _, ok := index[name]; !ok {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("query %s: result lacks column %s (it has %s)",
			query, strings.Join(missing, ", "), strings.Join(res.Columns, ", "))
	}
	for i, row := range res.Rows {
		if len(row) != len(res.Columns) {
			return fmt.Errorf("query %s: row %d has %d values for %d columns", query, i+1, len(row), len(res.Columns))
		}
		c := &cells{index: index, values: row}
		read(c)
		if c.err != nil {
			return fmt.Errorf("query %s: row %d: %w", query, i+1, c.err)
		}
	}
	return nil
}

func (c *cells) value(col string) any { return c.values[c.index[col]] }

func (c *cells) fail(col string, v any, want string) {
	if c.err == nil {
		c.err = fmt.Errorf("column %s holds %T %v, not %s", col, v, v, want)
	}
}

// check records err as the row's error unless it already has one.
func (c *cells) check(err error) {
	if c.err == nil && err != nil {
		c.err = err
	}
}

func (c *cells) date(col string) time.Time {
	v := c.value(col)
	t, ok := v.(time.Time)
	if !ok {
		c.fail(col, v, "a date")
	}
	return t
}

// count reads a whole number. Besides int64 it takes an integral float64 and a decimal
// string: DuckDB's SUM over BIGINT is a HUGEINT, which reaches a Result as its text.
func (c *cells) count(col string) int64 {
	v := c.value(col)
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x)
		}
	case string:
		if n, err := strconv.ParseInt(x, 10, 64); err == nil {
			return n
		}
	}
	c.fail(col, v, "a whole number")
	return 0
}

// optDate reads a date or moment that may be missing.
func (c *cells) optDate(col string) *time.Time {
	if c.value(col) == nil {
		return nil
	}
	t := c.date(col)
	return &t
}

// flag reads a boolean.
func (c *cells) flag(col string) bool {
	v := c.value(col)
	b, ok := v.(bool)
	if !ok {
		c.fail(col, v, "true or false")
	}
	return b
}

func (c *cells) optCount(col string) *int64 {
	if c.value(col) == nil {
		return nil
	}
	n := c.count(col)
	return &n
}

func (c *cells) optRatio(col string) *float64 {
	v := c.value(col)
	switch x := v.(type) {
	case nil:
		return nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return &x
	case int64:
		f := float64(x)
		return &f
	}
	c.fail(col, v, "a number")
	return nil
}

func (c *cells) text(col string) string {
	v := c.value(col)
	s, ok := v.(string)
	if !ok {
		c.fail(col, v, "text")
	}
	return s
}

// optText reads text that may be missing; nil reads as "".
func (c *cells) optText(col string) string {
	if c.value(col) == nil {
		return ""
	}
	return c.text(col)
}

func (c *cells) optTextPtr(col string) *string {
	if c.value(col) == nil {
		return nil
	}
	s := c.text(col)
	return &s
}
