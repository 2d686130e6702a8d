package pipeline

import (
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// Typed appends to column i of a record batch under construction. A parser checks every
// cell of a row first and appends only when the whole row is good, so columns stay aligned.

func appendString(b *array.RecordBuilder, i int, s string) {
	b.Field(i).(*array.StringBuilder).Append(s)
}

// appendText appends s, or NULL when it is empty.
func appendText(b *array.RecordBuilder, i int, s string) {
	if s == "" {
		b.Field(i).(*array.StringBuilder).AppendNull()
		return
	}
	b.Field(i).(*array.StringBuilder).Append(s)
}

func appendInt64(b *array.RecordBuilder, i int, v int64, ok bool) {
	if !ok {
		b.Field(i).(*array.Int64Builder).AppendNull()
		return
	}
	b.Field(i).(*array.Int64Builder).Append(v)
}

func appendInt32(b *array.RecordBuilder, i int, v int32, ok bool) {
	if !ok {
		b.Field(i).(*array.Int32Builder).AppendNull()
		return
	}
	b.Field(i).(*array.Int32Builder).Append(v)
}

func appendUint64(b *array.RecordBuilder, i int, v uint64) {
	b.Field(i).(*array.Uint64Builder).Append(v)
}

func appendFloat64(b *array.RecordBuilder, i int, v float64, ok bool) {
	if !ok {
		b.Field(i).(*array.Float64Builder).AppendNull()
		return
	}
	b.Field(i).(*array.Float64Builder).Append(v)
}

func appendBool(b *array.RecordBuilder, i int, v bool, ok bool) {
	if !ok {
		b.Field(i).(*array.BooleanBuilder).AppendNull()
		return
	}
	b.Field(i).(*array.BooleanBuilder).Append(v)
}

func appendDate(b *array.RecordBuilder, i int, t time.Time) {
	b.Field(i).(*array.Date32Builder).Append(arrow.Date32FromTime(t))
}

// appendWallClock appends a local wall-clock time as a TIMESTAMP without zone.
func appendWallClock(b *array.RecordBuilder, i int, t time.Time) {
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	b.Field(i).(*array.TimestampBuilder).Append(arrow.Timestamp(wall.UnixMicro()))
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
