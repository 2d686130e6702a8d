package pipeline

import (
	"fmt"
	"strings"
)

// evidence is what a file's own cells say about how it writes numbers (1.234,5 or
// 1,234.5) and dates (05/06/2021 as 5 June or as 6 May). It is decided once, on a
// bounded sample of the file's first records (so that a huge file is never held in
// memory to decide it), and every record after the sample is checked against it: a
// later cell that says otherwise fails the file instead of being read the wrong way.
type evidence struct {
	kind *source
	cols columns
	// numbers and dates are the sample's evidence; later is what the records after the
	// sample say, checked against the decision.
	numbers, laterNumbers localeEvidence
	dates, laterDates     dateEvidence
	// byDefault marks a decision that no cell made (header language or separator).
	localeByDefault, datesByDefault bool
}

// sampleRecords bounds the records read ahead to decide a file's number locale and date
// order; sampleCellBytes bounds their cells' bytes.
const (
	sampleRecords   = 20_000
	sampleCellBytes = 8 << 20
)

// observe reads a record's number and date cells as evidence.
func (e *evidence) observe(rec []string, decided bool) {
	nums, dates := &e.numbers, &e.dates
	if decided {
		nums, dates = &e.laterNumbers, &e.laterDates
	}
	for _, name := range e.kind.numbers {
		if _, ok := e.cols[name]; ok {
			nums.observe(e.cols.field(rec, name))
		}
	}
	for _, name := range e.kind.dates {
		if _, ok := e.cols[name]; ok {
			dates.observe(e.cols.field(rec, name))
		}
	}
}

// decide sets the run's number locale and date order from the sample.
func (e *evidence) decide(p *parseRun) error {
	loc, err := e.numbers.decide(p.dutch, p.f.comma)
	if err != nil {
		return err
	}
	p.locale = loc
	e.localeByDefault = e.numbers.dutch == 0 && e.numbers.english == 0
	dayFirst, err := e.dates.decide()
	switch {
	case err != nil:
		return err
	case e.dates.dayFirst == 0 && e.dates.monthFirst == 0:
		// Every date could be read both ways (or there are none like 05/06/2021). Dates
		// written with - or . are day first (Dutch Excel: 4-6-2021); with / the header's
		// language says, as Meta, LinkedIn and Excel write dates in it.
		e.datesByDefault = true
		dayFirst = p.dutch || (e.dates.ambiguous != "" && !e.dates.slashes)
		if e.dates.ambiguous == "" {
			break
		}
		if !e.dates.slashes {
			p.note("every date in the file reads both day first and month first (%q); they are read day first, as dates written with - or . are", e.dates.ambiguous)
			break
		}
		order, lang := "month first (06/15/2021)", "English"
		if dayFirst {
			order, lang = "day first (15/06/2021)", "Dutch"
		}
		p.note("every date in the file reads both day first and month first (%q); they are read %s, as the header language (%s) writes them", e.dates.ambiguous, order, lang)
	}
	p.dayFirst = dayFirst
	return nil
}

// check fails the file when the records read after the sample contradict its decision.
func (e *evidence) check(p *parseRun, line int) error {
	late := e.laterNumbers
	contradicts := (p.locale == localeDutch && late.english > 0) || (p.locale != localeDutch && late.dutch > 0)
	if contradicts && (!e.localeByDefault || e.numbers.ambiguous != "" || (late.dutch > 0 && late.english > 0)) {
		cell, way, was := late.firstEnglish, "the English way", "the Dutch way"
		if p.locale != localeDutch {
			cell, way, was = late.firstDutch, "the Dutch way", "the English way"
		}
		return fmt.Errorf("%s:%d: %q is written %s, but the file's first rows were read %s; export the file again in one language; nothing of this file was loaded", p.f.path, line, cell, way, was)
	}
	if contradicts {
		// The sample held only numbers that read the same either way (whole numbers):
		// the first number that says it settles the locale for the rest of the file.
		p.locale = localeEnglish
		if late.dutch > 0 {
			p.locale = localeDutch
		}
		e.localeByDefault = false
	}
	// A date after the sample that says the other order than the sample decided is
	// rejected as its row, like one in the sample, where cells decided the order. Where
	// the sample decided by the header's language and read ambiguous dates so, it may
	// have read them wrongly: the file fails. Where it read none, the first date that
	// says settles the order.
	d := e.laterDates
	if !e.datesByDefault || (p.dayFirst && d.monthFirst == 0) || (!p.dayFirst && d.dayFirst == 0) {
		return nil
	}
	if e.dates.ambiguous != "" {
		cell, was := d.firstMonthFirst, "day first"
		if !p.dayFirst {
			cell, was = d.firstDayFirst, "month first"
		}
		return fmt.Errorf("%s:%d: the date %q can only be read the other way than the file's first rows were read (%s, as its header language writes them); export the file again with dates like 2021-06-15; nothing of this file was loaded", p.f.path, line, cell, was)
	}
	p.dayFirst = d.dayFirst > 0
	e.datesByDefault = false
	return nil
}

// slashDate reads the start of a date of three numbers, day and month in either order:
// 05/06/2021, 5-6-2021, 05.06.21, with or without a time after it. It returns the first
// two numbers and their separator; ok is false for anything else (2021-06-05 among it).
// It runs on every date cell of a file, so it does without regular expressions.
func slashDate(s string) (a, b int, sep byte, ok bool) {
	num := func(s string, min, max int) (int, string, bool) {
		n, i := 0, 0
		for ; i < len(s) && i < max && s[i] >= '0' && s[i] <= '9'; i++ {
			n = n*10 + int(s[i]-'0')
		}
		return n, s[i:], i >= min
	}
	var rest string
	if a, rest, ok = num(s, 1, 2); !ok || rest == "" || strings.IndexByte("/.-", rest[0]) < 0 {
		return 0, 0, 0, false
	}
	sep = rest[0]
	if b, rest, ok = num(rest[1:], 1, 2); !ok || rest == "" || rest[0] != sep {
		return 0, 0, 0, false
	}
	y, rest, ok := num(rest[1:], 2, 4)
	if !ok || (y >= 100 && y < 1000) || (rest != "" && (rest[0] >= '0' && rest[0] <= '9')) {
		return 0, 0, 0, false
	}
	return a, b, sep, true
}

// dateEvidence is what a file's date cells say about the order of day and month.
type dateEvidence struct {
	dayFirst, monthFirst           int
	firstDayFirst, firstMonthFirst string
	ambiguous                      string
	// slashes marks a file with an ambiguous date written with /.
	slashes bool
}

func (e *dateEvidence) observe(cell string) {
	a, b, sep, ok := slashDate(cell)
	if !ok {
		return
	}
	switch {
	case a > 12 && b <= 12:
		e.dayFirst++
		if e.firstDayFirst == "" {
			e.firstDayFirst = cell
		}
	case b > 12 && a <= 12:
		e.monthFirst++
		if e.firstMonthFirst == "" {
			e.firstMonthFirst = cell
		}
	case a <= 12 && b <= 12:
		if e.ambiguous == "" {
			e.ambiguous = cell
		}
		e.slashes = e.slashes || sep == '/'
	}
}

// decide returns whether the cells write the day first; with no evidence either way it
// returns false and no error, and the caller falls back to the header language. Where
// cells say both, the order most of them say is the file's (the others are rows a
// person typed or pasted otherwise, and are rejected); as many each way is an error.
func (e *dateEvidence) decide() (bool, error) {
	if e.dayFirst > 0 && e.dayFirst == e.monthFirst {
		return false, fmt.Errorf("dates are written both day first (%q) and month first (%q), as often each way; export the file again with one date format; nothing of this file was loaded", e.firstDayFirst, e.firstMonthFirst)
	}
	return e.dayFirst > e.monthFirst, nil
}
