package pipeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// numberLocale says how a file writes numbers.
type numberLocale int

const (
	localeUnknown numberLocale = iota
	localeDutch                // 1.271.743 and 0,86
	localeEnglish              // 1,271,743 and 0.86
)

func (l numberLocale) String() string {
	switch l {
	case localeDutch:
		return "Dutch (1.234,5)"
	case localeEnglish:
		return "English (1,234.5)"
	}
	return "unknown"
}

var (
	// groupedDots and groupedCommas read the same either way: 1.234 is a thousand in Dutch
	// and one point two in English. A leading 0 is never a group of thousands: 0.035 (a
	// click-through rate) can only be English.
	groupedDot   = regexp.MustCompile(`^-?[1-9]\d{0,2}\.\d{3}$`)
	groupedComma = regexp.MustCompile(`^-?[1-9]\d{0,2},\d{3}$`)
	plainNumber  = regexp.MustCompile(`^-?[\d.,]+$`)
	// dutchNumber and englishNumber are well-formed numbers with grouped thousands and/or
	// a decimal part; only those count as evidence.
	dutchNumber   = regexp.MustCompile(`^-?([1-9]\d{0,2}(\.\d{3})+|\d+)(,\d+)?$`)
	englishNumber = regexp.MustCompile(`^-?([1-9]\d{0,2}(,\d{3})+|\d+)(\.\d+)?$`)
	spaceGrouped  = regexp.MustCompile(`^-?\d{1,3}( \d{3})+([.,]\d+)?$`)
)

// localeEvidence is what the number cells of a file say about its locale.
type localeEvidence struct {
	dutch, english int
	// firstDutch and firstEnglish are example cells, for the error message.
	firstDutch, firstEnglish string
	ambiguous                string
}

// observe reads one number cell as evidence.
func (e *localeEvidence) observe(cell string) {
	s := strings.TrimSuffix(strings.TrimSpace(cell), "%")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\u00a0", ""), " ", "")
	if s == "" || !plainNumber.MatchString(s) {
		return
	}
	dutch, english := dutchNumber.MatchString(s), englishNumber.MatchString(s)
	switch {
	case !strings.ContainsAny(s, ".,"):
		return
	case groupedDot.MatchString(s) || groupedComma.MatchString(s):
		if e.ambiguous == "" {
			e.ambiguous = cell
		}
	case dutch && !english:
		e.vote(localeDutch, cell)
	case english && !dutch:
		e.vote(localeEnglish, cell)
	}
}

func (e *localeEvidence) vote(l numberLocale, cell string) {
	if l == localeDutch {
		e.dutch++
		if e.firstDutch == "" {
			e.firstDutch = cell
		}
		return
	}
	e.english++
	if e.firstEnglish == "" {
		e.firstEnglish = cell
	}
}

// decide returns the file's locale from the cells, the header language and the separator.
// Where the cells allow two readings and nothing else tells, it refuses to guess.
func (e *localeEvidence) decide(dutchHeader bool, comma rune) (numberLocale, error) {
	switch {
	case e.dutch > 0 && e.english > 0:
		return localeUnknown, fmt.Errorf("numbers are written both the Dutch way (%q) and the English way (%q); export the file again in one language", e.firstDutch, e.firstEnglish)
	case e.dutch > 0:
		return localeDutch, nil
	case e.english > 0:
		return localeEnglish, nil
	case dutchHeader || comma == ';':
		// Dutch column names, or the separator Dutch Excel uses because , is its decimal mark.
		return localeDutch, nil
	case e.ambiguous != "":
		return localeUnknown, fmt.Errorf("cannot tell whether %q means thousands (Dutch) or a decimal (English): no other number or header in the file says which; save it with Dutch column names or ; as separator, or with English ones and no thousands separators", e.ambiguous)
	}
	return localeEnglish, nil
}

// parseCount reads a whole, non-negative number in the file's locale. ok is false for an
// empty or "-" cell (not applicable).
func parseCount(cell string, loc numberLocale) (n int64, ok bool, err error) {
	f, ok, err := parseNumber(cell, loc)
	if err != nil || !ok {
		return 0, ok, err
	}
	if f < 0 || f != float64(int64(f)) {
		return 0, false, fmt.Errorf("%q is not a whole number of zero or more", cell)
	}
	return int64(f), true, nil
}

// parseNumber reads a number in the file's locale; "%" is allowed and dropped.
func parseNumber(cell string, loc numberLocale) (f float64, ok bool, err error) {
	s := strings.TrimSpace(cell)
	if s == "" || s == "-" || s == "–" {
		return 0, false, nil
	}
	s = strings.TrimSuffix(s, "%")
	if spaced := strings.ReplaceAll(s, "\u00a0", " "); strings.Contains(spaced, " ") {
		// A space may group thousands (1 234), nothing else.
		if !spaceGrouped.MatchString(spaced) {
			return 0, false, fmt.Errorf("%q is not a number", cell)
		}
		s = strings.ReplaceAll(spaced, " ", "")
	}
	// Only a well-formed number of the file's locale is read: deleting separators from
	// 1,2,3 would make 123 of it.
	if (loc == localeDutch && !dutchNumber.MatchString(s)) || (loc != localeDutch && !englishNumber.MatchString(s)) {
		return 0, false, fmt.Errorf("%q is not a number", cell)
	}
	if loc == localeDutch {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.ReplaceAll(s, ",", ".")
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	f, perr := strconv.ParseFloat(s, 64)
	if perr != nil {
		return 0, false, fmt.Errorf("%q is not a number", cell)
	}
	return f, true, nil
}
