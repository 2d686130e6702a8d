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
// referrer and UTM source and medium), with the keys the parser computed for them, so
// that each part adds to the dimensions the values they may lack, and the rows store only
// the keys. The parser notes each row's values as it writes the row (note); insertParts
// takes what is new with each part (take), so that a part's rows are published only with
// their dimensions' rows.
type dimValues struct {
	mu   sync.Mutex
	sets []*dimSet
}

// dimSet is one dimension's distinct keys met in the file so far.
type dimSet struct {
	key   computedColumn
	seen  map[uint64]struct{}
	fresh []dimRow // met since the last take; guarded by dimValues.mu
}

// dimRow is one key's values of a dimension's columns: up to three texts, and which of
// them are NULL (bit i: text[i]).
type dimRow struct {
	key   uint64
	text  [3]string
	nulls uint8
}

// dimSeenMax bounds the keys a dimension remembers in one file: a file of millions of
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
		d.sets = append(d.sets, &dimSet{key: c, seen: map[uint64]struct{}{}})
	}
	if len(d.sets) == 0 {
		return nil
	}
	return &d
}

// note notes the values of one row for dimension set (the kind's computed columns in
// order), under the key computed from them: text[i] as given, NULL where nullEmpty and
// it is empty. A nil dimValues notes nothing.
func (d *dimValues) note(set int, key uint64, nullEmpty bool, text ...string) {
	if d == nil {
		return
	}
	s := d.sets[set]
	if _, ok := s.seen[key]; ok {
		return
	}
	if len(s.seen) >= dimSeenMax {
		clear(s.seen)
	}
	s.seen[key] = struct{}{}
	r := dimRow{key: key}
	for i, t := range text {
		if nullEmpty && t == "" {
			r.nulls |= 1 << i
		}
		r.text[i] = strings.Clone(t) // not the chunk of records it points into
	}
	d.mu.Lock()
	s.fresh = append(s.fresh, r)
	d.mu.Unlock()
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
// lacks, under the keys the parser computed, in the transaction of the part whose rows
// reference them.
func insertDims(c rawConn, ar *duckdb.Arrow, d *dimValues) error {
	if d == nil {
		return nil
	}
	for i, rows := range d.take() {
		if len(rows) == 0 {
			continue
		}
		s := d.sets[i]
		fields := []arrow.Field{{Name: s.key.name, Type: arrow.PrimitiveTypes.Uint64}}
		for _, col := range s.key.of {
			fields = append(fields, arrow.Field{Name: col, Type: arrow.BinaryTypes.String, Nullable: true})
		}
		schema := arrow.NewSchema(fields, nil)
		b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
		keys := b.Field(0).(*array.Uint64Builder)
		for _, r := range rows {
			keys.Append(r.key)
			for j := range s.key.of {
				sb := b.Field(j + 1).(*array.StringBuilder)
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
		// A key met again after its dimension forgot it (dimSeenMax) is offered twice.
		cols := strings.Join(s.key.of, ", ")
		anyOf := make([]string, len(s.key.of))
		for j, name := range s.key.of {
			anyOf[j] = fmt.Sprintf("any_value(%s) AS %s", name, name)
		}
		_, err = c.exec(fmt.Sprintf(`INSERT INTO %[1]s (%[2]s, %[3]s)
			SELECT n.* FROM (SELECT %[2]s, %[4]s FROM bereik_dim GROUP BY %[2]s) n
			ANTI JOIN %[1]s d ON d.%[2]s = n.%[2]s`,
			s.key.dim, s.key.name, cols, strings.Join(anyOf, ", ")))
		release()
		if err != nil {
			return fmt.Errorf("add to %s: %w", s.key.dim, err)
		}
	}
	return nil
}
