package pipeline

import (
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// batch is the Arrow record batch a parser fills, row by row. Parsers write its columns
// by name: each resolves its columns once per file (textOf, countOf, ...), and a name the
// kind's schema lacks, or of another type, is a programming error that TestKindSchemas
// catches for every kind. A parser checks every cell of a row first and then writes every
// column of the row, so that the columns stay aligned; nextBatch checks that they are.
type batch struct {
	b *array.RecordBuilder
}

func newBatch(s *arrow.Schema) *batch {
	return &batch{b: array.NewRecordBuilder(memory.DefaultAllocator, s)}
}

// builder returns the builder of the named column, of type B.
func builder[B array.Builder](o *batch, name string) B {
	idx := o.b.Schema().FieldIndices(name)
	if len(idx) != 1 {
		panic(fmt.Sprintf("the schema has no column %q", name))
	}
	b, ok := o.b.Field(idx[0]).(B)
	if !ok {
		var want B
		panic(fmt.Sprintf("column %q is %s, not %T", name, o.b.Schema().Field(idx[0]).Type, want))
	}
	return b
}

// aligned returns an error unless every column holds the same number of values.
func (o *batch) aligned(kind string) error {
	fields := o.b.Fields()
	n := fields[0].Len()
	for i, f := range fields {
		if f.Len() != n {
			return fmt.Errorf("internal error: kind %s wrote %d values in column %s and %d in column %s", kind, n, o.b.Schema().Field(0).Name, f.Len(), o.b.Schema().Field(i).Name)
		}
	}
	return nil
}

// textCol is a VARCHAR column.
type textCol struct{ b *array.StringBuilder }

func textOf(o *batch, name string) textCol { return textCol{builder[*array.StringBuilder](o, name)} }

// put appends s, also when it is empty.
func (c textCol) put(s string) { c.b.Append(s) }

// putOrNull appends s, or NULL when it is empty.
func (c textCol) putOrNull(s string) {
	if s == "" {
		c.b.AppendNull()
		return
	}
	c.b.Append(s)
}

// countCol is a BIGINT column.
type countCol struct{ b *array.Int64Builder }

func countOf(o *batch, name string) countCol { return countCol{builder[*array.Int64Builder](o, name)} }

// put appends v, or NULL when ok is false.
func (c countCol) put(v int64, ok bool) {
	if !ok {
		c.b.AppendNull()
		return
	}
	c.b.Append(v)
}

// intCol is an INTEGER column.
type intCol struct{ b *array.Int32Builder }

func intOf(o *batch, name string) intCol { return intCol{builder[*array.Int32Builder](o, name)} }

func (c intCol) put(v int32, ok bool) {
	if !ok {
		c.b.AppendNull()
		return
	}
	c.b.Append(v)
}

// hashCol is a UBIGINT column of keyed hashes.
type hashCol struct{ b *array.Uint64Builder }

func hashOf(o *batch, name string) hashCol { return hashCol{builder[*array.Uint64Builder](o, name)} }

func (c hashCol) put(v uint64) { c.b.Append(v) }

// floatCol is a DOUBLE column.
type floatCol struct{ b *array.Float64Builder }

func floatOf(o *batch, name string) floatCol {
	return floatCol{builder[*array.Float64Builder](o, name)}
}

func (c floatCol) put(v float64, ok bool) {
	if !ok {
		c.b.AppendNull()
		return
	}
	c.b.Append(v)
}

// boolCol is a BOOLEAN column.
type boolCol struct{ b *array.BooleanBuilder }

func boolOf(o *batch, name string) boolCol { return boolCol{builder[*array.BooleanBuilder](o, name)} }

func (c boolCol) put(v, ok bool) {
	if !ok {
		c.b.AppendNull()
		return
	}
	c.b.Append(v)
}

// dateCol is a DATE column.
type dateCol struct{ b *array.Date32Builder }

func dateOf(o *batch, name string) dateCol { return dateCol{builder[*array.Date32Builder](o, name)} }

func (c dateCol) put(t time.Time) { c.b.Append(arrow.Date32FromTime(t)) }

// timeCol is a TIMESTAMP column (without zone) of local wall-clock times.
type timeCol struct{ b *array.TimestampBuilder }

func timeOf(o *batch, name string) timeCol { return timeCol{builder[*array.TimestampBuilder](o, name)} }

// put appends t's wall-clock time in its own location.
func (c timeCol) put(t time.Time) {
	c.b.Append(arrow.Timestamp(wallClock(t).UnixMicro()))
}

// putOrNull appends t, or NULL for the zero time.
func (c timeCol) putOrNull(t time.Time) {
	if t.IsZero() {
		c.b.AppendNull()
		return
	}
	c.put(t)
}

func field(name string, t arrow.DataType) arrow.Field {
	return arrow.Field{Name: name, Type: t, Nullable: true}
}

var (
	typString = arrow.BinaryTypes.String
	typInt64  = arrow.PrimitiveTypes.Int64
	typInt32  = arrow.PrimitiveTypes.Int32
	typUint64 = arrow.PrimitiveTypes.Uint64
	typFloat  = arrow.PrimitiveTypes.Float64
	typBool   = arrow.FixedWidthTypes.Boolean
	typDate   = arrow.FixedWidthTypes.Date32
	typTime   = &arrow.TimestampType{Unit: arrow.Microsecond}
)
