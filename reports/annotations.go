package reports

import (
	"slices"
	"time"

	"bereik/queries"
)

// Annotation is a note the analyst wrote for a day (bereik annotate). Its text is data:
// the report shows it, never runs or renders it as markup.
type Annotation struct {
	Day  time.Time `col:"day"`
	Text string    `col:"text"`
}

const queryAnnotations = "annotations"

// annotationsQuery is asked by every report: the visits chart marks the annotations, a
// campaign report lists them under its header.
var annotationsQuery = sectionQuery{
	name: queryAnnotations,
	args: periodArgs,
	read: func(r *Report, res *queries.Result) error {
		if err := rowsInto(func(r *Report) *[]Annotation { return &r.Annotations })(r, res); err != nil {
			return err
		}
		slices.SortStableFunc(r.Annotations, func(a, b Annotation) int { return byDay(a.Day, b.Day) })
		return nil
	},
}

// annotationList is the analyst's annotations as a list: 9 aug 2021 — start vlucht 2.
type annotationList struct {
	ID      string
	Heading string
	Items   []string
}

// annotationList lists the report's annotations that keep holds, or is nil when there
// are none.
func (r *Report) annotationList(l locale, id string, keep func(Annotation) bool) *annotationList {
	list := &annotationList{ID: id, Heading: l.say(phAnnotations)}
	for _, a := range r.Annotations {
		if keep(a) {
			list.Items = append(list.Items, l.say(phAnnotationItem, l.shortDate(a.Day), a.Text))
		}
	}
	if len(list.Items) == 0 {
		return nil
	}
	return list
}
