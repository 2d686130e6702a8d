package pipeline

import (
	"fmt"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/duckdb/duckdb-go/v2"
)

// dimValues gathers, as a file is parsed, the distinct values of the columns its kind
// keeps in dimension tables (computedColumn.dim: a page view's site and path, its
// referrer and UTM source and medium), so that each part adds to the dimensions the
// values they may lack, and the rows store only the keys. The parser's goroutine sees
// every batch before DuckDB scans it (see); insertParts takes what is new with each part
// (take), so that a part's rows are published only with their dimensions' rows.
type dimValues struct {
	mu   sync.Mutex
	sets []*dimSet
}

// dimSet is one dimension's distinct values met in the file so far.
type dimSet struct {
	key   computedColumn
	cols  []int // the schema's columns of key.of
	seen  map[dimRow]struct{}
	fresh []dimRow // met since the last take; guarded by dimValues.mu
}

// dimRow is one row's values of a dimension's columns: up to three texts, and which of
// them are NULL (bit i: text[i]).
type dimRow struct {
	text  [3]string
	nulls uint8
}

// dimSeenMax bounds the values a dimension remembers in one file: a file of millions of
// distinct referrers is forgotten in steps of this many (met again, a value is offered
// again, and the insert passes over what the dimension holds), so that memory does not
// grow with the file. A test makes it small.
var dimSeenMax = 1 << 18

// newDimValues returns the gatherer for a kind's dimensions, or nil for a kind without.
func newDimValues(kind *source) *dimValues {
	var d dimValues
	for _, c := range kind.computed {
		if c.dim == "" {
			continue
		}
		if len(c.of) > len(dimRow{}.text) {
			panic(fmt.Sprintf("dimension %s has %d columns; dimRow holds %d", c.dim, len(c.of), len(dimRow{}.text)))
		}
		s := &dimSet{key: c, seen: map[dimRow]struct{}{}}
		for _, name := range c.of {
			idx := kind.schema.FieldIndices(name)
			if len(idx) != 1 || kind.schema.Field(idx[0]).Type.ID() != arrow.STRING {
				panic(fmt.Sprintf("dimension %s: the schema has no text column %q", c.dim, name))
			}
			s.cols = append(s.cols, idx[0])
		}
		d.sets = append(d.sets, s)
	}
	if len(d.sets) == 0 {
		return nil
	}
	return &d
}

// see notes the values of a batch the dimensions have not been offered yet.
func (d *dimValues) see(rec arrow.RecordBatch) {
	for _, s := range d.sets {
		cols := make([]*array.String, len(s.cols))
		for i, c := range s.cols {
			cols[i] = rec.Column(c).(*array.String)
		}
		var fresh []dimRow
		for row := range int(rec.NumRows()) {
			var k dimRow
			for i, col := range cols {
				if col.IsNull(row) {
					k.nulls |= 1 << i
				} else {
					k.text[i] = col.Value(row) // the batch's memory: cloned below if kept
				}
			}
			if _, ok := s.seen[k]; ok {
				continue
			}
			if len(s.seen) >= dimSeenMax {
				clear(s.seen)
			}
			for i := range k.text {
				k.text[i] = strings.Clone(k.text[i])
			}
			s.seen[k] = struct{}{}
			fresh = append(fresh, k)
		}
		if len(fresh) > 0 {
			d.mu.Lock()
			s.fresh = append(s.fresh, fresh...)
			d.mu.Unlock()
		}
	}
}

// take returns, per dimension, the values met since the last take.
func (d *dimValues) take() [][]dimRow {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([][]dimRow, len(d.sets))
	for i, s := range d.sets {
		out[i], s.fresh = s.fresh, nil
	}
	return out
}

// insertDims adds to each dimension table the values met since the last call that it
// lacks, with the key DuckDB computes for the rows (the same expression on the same
// text), in the transaction of the part whose rows reference them.
func insertDims(c rawConn, ar *duckdb.Arrow, kind *source, d *dimValues) error {
	if d == nil {
		return nil
	}
	for i, rows := range d.take() {
		if len(rows) == 0 {
			continue
		}
		s := d.sets[i]
		fields := make([]arrow.Field, len(s.cols))
		for j, col := range s.cols {
			fields[j] = kind.schema.Field(col)
		}
		schema := arrow.NewSchema(fields, nil)
		b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
		for _, r := range rows {
			for j := range s.cols {
				sb := b.Field(j).(*array.StringBuilder)
				if r.nulls&(1<<j) != 0 {
					sb.AppendNull()
				} else {
					sb.Append(r.text[j])
				}
			}
		}
		rec := b.NewRecordBatch()
		b.Release()
		reader, err := array.NewRecordReader(schema, []arrow.RecordBatch{rec})
		rec.Release()
		if err != nil {
			return err
		}
		// The view's release releases the reader (cdata.ExportRecordReader).
		release, err := ar.RegisterView(reader, "bereik_dim")
		if err != nil {
			return err
		}
		cols := strings.Join(s.key.of, ", ")
		anyOf := make([]string, len(s.key.of))
		for j, name := range s.key.of {
			anyOf[j] = fmt.Sprintf("any_value(%s) AS %s", name, name)
		}
		_, err = c.exec(fmt.Sprintf(`INSERT INTO %[1]s (%[2]s, %[3]s)
			SELECT n.* FROM (SELECT %[2]s, %[5]s FROM (SELECT %[4]s AS %[2]s, %[3]s FROM bereik_dim) GROUP BY %[2]s) n
			ANTI JOIN %[1]s d ON d.%[2]s = n.%[2]s`,
			s.key.dim, s.key.name, cols, s.key.expr, strings.Join(anyOf, ", ")))
		release()
		if err != nil {
			return fmt.Errorf("add to %s: %w", s.key.dim, err)
		}
	}
	return nil
}
