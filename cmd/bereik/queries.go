package main

import (
	"context"
	"fmt"
	"strings"

	"bereik/queries"
)

func runQueries(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "queries", "\n\nLists every named question, what it answers and its parameters.\n\nExample: bereik queries")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	qs, err := queries.All()
	if err != nil {
		return err
	}
	for _, q := range qs {
		fmt.Fprintf(e.stdout, "%s\n    %s\n", q.Name, wrap(q.Doc, 88, "    "))
		for _, p := range q.Params {
			def := "required"
			switch {
			case p.Default != "":
				def = "default " + p.Default
			case p.Optional:
				def = "optional"
			case p.Stored != "":
				def = "default from the database: " + p.Stored
			}
			fmt.Fprintf(e.stdout, "    --param %s=%s (%s)  %s\n", p.Name, strings.ToUpper(p.Type), def, p.Doc)
		}
		var columns []string
		for _, c := range q.Columns {
			columns = append(columns, c.Name)
		}
		fmt.Fprintf(e.stdout, "    columns: %s\n", wrap(strings.Join(columns, ", "), 79, "             "))
		fmt.Fprintln(e.stdout)
	}
	return nil
}

// wrap folds text at width, indenting continuation lines.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(text) {
		if i > 0 && n+1+len(w) > width {
			b.WriteString("\n" + indent)
			n = 0
		} else if i > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
