package pipeline

import (
	"fmt"
	"io"
)

// A reject's reason is written from a format and the values it quotes, kept apart, so
// that it can be stored without the values. Rows of kinds that hold personal data (visit
// and access logs) can carry a visitor id or a client address in any column, and a
// reason quoting one cell of such a row (`site "…" is not configured`) could carry it
// into the database: for those kinds only the reason without values is stored (see
// load), whatever the column. A parser never formats a value into the format itself.

// reasonf formats a reason whole, for the terminal and for kinds without personal data,
// and without its values: each argument stands as … ("…" for %q), except a known one
// (not a value of the file: a count, a field's name) and a valueError, which stands as
// its own format without values.
func reasonf(format string, args ...any) (whole, withoutValues string) {
	return fmt.Sprintf(format, args...), fmt.Sprintf(format, valuesLeftOut(args)...)
}

func valuesLeftOut(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch x := a.(type) {
		case known:
			out[i] = x
		case *valueError:
			out[i] = known{fmt.Sprintf(x.format, valuesLeftOut(x.args)...)}
		default:
			out[i] = leftOut{}
		}
	}
	return out
}

// valueError is an error whose message quotes values of a file, kept apart from its
// format: as the argument of a reason, it stands without its values there too.
type valueError struct {
	format string
	args   []any
}

// valuef returns an error that quotes values (see valueError).
func valuef(format string, args ...any) error { return &valueError{format: format, args: args} }

func (e *valueError) Error() string { return fmt.Sprintf(e.format, e.args...) }

// known marks an argument of a reason that is not a value of the file (a count, a field's
// name, a duration bereik worked out): a reason without values shows it too.
type known struct{ v any }

func (k known) Format(f fmt.State, verb rune) { fmt.Fprintf(f, fmt.FormatString(f, verb), k.v) }

// leftOut stands for a value in a reason without values.
type leftOut struct{}

func (leftOut) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		io.WriteString(f, `"…"`)
		return
	}
	io.WriteString(f, "…")
}

// lineReject returns a reject at a line and column, its reason written by reasonf.
func lineReject(path string, line, col int, column, format string, args ...any) *lineError {
	whole, template := reasonf(format, args...)
	return &lineError{Path: path, Line: line, Col: col, Column: column, Reason: whole, Template: template}
}

// storedReason is the reason of a reject as the database keeps it: without any value of
// the row for a kind that holds personal data. A reject made without a template (not
// through reasonf) has its reason left out entirely for such a kind.
func (e *lineError) storedReason(personal bool) string {
	switch {
	case !personal:
		return e.Reason
	case e.Template != "":
		return e.Template
	}
	return "this row could not be read (the reason is not stored: it could quote personal data)"
}
