package pipeline

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// maxWorkbookBytes bounds the XLSX files ingest reads: a workbook is read whole into memory.
const maxWorkbookBytes = 64 << 20

// zipMagic starts every zip archive, and so every XLSX workbook.
var zipMagic = []byte("PK\x03\x04")

// preferredSheets hold an export's rows where a workbook has several sheets: the posts
// sheet of LinkedIn's page analytics, in English and in Dutch. Other sheets are tried after
// them, in workbook order.
var preferredSheets = []string{"all posts", "alle berichten"}

// workbookSheet is the sheet of a workbook that holds an export, as text records.
type workbookSheet struct {
	name string
	// rows[i] is sheet row i+1; a cell's index is its column's, A being 0.
	rows   [][]string
	kind   *source
	header int // index of the header row in rows
}

// openWorkbook reads an XLSX export whole (refusing one over limit bytes) and prepares
// parsing the sheet that holds a recognised header. Its rows take the path of a CSV
// export's records: a line is a sheet row, a column a sheet column.
func openWorkbook(r io.Reader, path string, cfg *Config, keys *keyer, hints fileHints, limit int64) (*parseRun, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: an XLSX workbook larger than %s is not an export bereik reads whole; nothing of it was loaded (save the sheet as CSV)", path, byteSize(limit))
	}
	sh, err := readWorkbook(data, hints.among())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tf := &textFile{path: path, encoding: "xlsx", kind: sh.kind, header: sh.rows[sh.header], headerLine: sh.header + 1}
	run := newParseRun(tf, cfg, keys, hints)
	run.pending = [][]string{}
	for i := sh.header + 1; i < len(sh.rows); i++ {
		run.pending = append(run.pending, sh.rows[i])
		run.lines = append(run.lines, i+1)
	}
	if sh.kind.numbers != nil {
		if err := run.decideLocale(); err != nil {
			return nil, err
		}
	}
	return run, nil
}

func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// readWorkbook finds the sheet with a recognised header among its first lines and returns
// its rows as text. A workbook is untrusted input to a third-party reader: a panic inside
// it becomes this file's error instead of ending the whole ingest.
func readWorkbook(data []byte, among []*source) (sh *workbookSheet, err error) {
	defer func() {
		if r := recover(); r != nil {
			sh, err = nil, fmt.Errorf("unreadable XLSX workbook (%v); nothing of it was loaded", r)
		}
	}()
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 16 * maxWorkbookBytes})
	if err != nil {
		return nil, fmt.Errorf("unreadable XLSX workbook: %w", err)
	}
	defer wb.Close()
	var looked []string
	for _, name := range sheetOrder(wb.GetSheetList()) {
		rows, err := wb.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			looked = append(looked, fmt.Sprintf("%q (unreadable: %v)", name, err))
			continue
		}
		looked = append(looked, strconv.Quote(name))
		for i := 0; i < len(rows) && i < headerLines; i++ {
			kind := recognise(rows[i], among)
			if kind == nil {
				continue
			}
			if err := typeCells(wb, name, rows, i+1); err != nil {
				return nil, fmt.Errorf("sheet %q: %w", name, err)
			}
			return &workbookSheet{name: name, rows: rows, kind: kind, header: i}, nil
		}
	}
	if len(looked) == 0 {
		return nil, fmt.Errorf("%w: the workbook has no sheets", errUnrecognised)
	}
	return nil, fmt.Errorf("%w (sheets looked at: %s)", errUnrecognised, strings.Join(looked, ", "))
}

// sheetOrder puts the preferred sheets first, then the others in workbook order.
func sheetOrder(names []string) []string {
	var first, rest []string
	for _, n := range names {
		if slices.Contains(preferredSheets, strings.ToLower(strings.TrimSpace(n))) {
			first = append(first, n)
		} else {
			rest = append(rest, n)
		}
	}
	return append(first, rest...)
}

var (
	// xmlNumber is how a workbook stores a number cell's value.
	xmlNumber = regexp.MustCompile(`^-?\d+(\.\d+)?([eE][-+]?\d+)?$`)
	// xmlDateTime is how a workbook stores a date cell (t="d") without a zone.
	xmlDateTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$`)
)

// typeCells rewrites, from row index from on, the cells whose text depends on the cell's
// type rather than on what the exporter wrote: a number cell becomes its plain value
// (1234, 0.0123: the formatted value would follow the number format, 1,234), a date
// cell (a serial number with a date format) becomes 2021-06-15 or 2021-06-15 09:30:00.
// Text cells stay as they are, and are read like a CSV export's cells.
func typeCells(wb *excelize.File, sheet string, rows [][]string, from int) error {
	date1904 := false
	if props, err := wb.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	dateStyle := map[int]bool{}
	for i := from; i < len(rows); i++ {
		for j, v := range rows[i] {
			isNumber, isDate := xmlNumber.MatchString(v), xmlDateTime.MatchString(v)
			if !isNumber && !isDate {
				continue
			}
			axis, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return err
			}
			typ, err := wb.GetCellType(sheet, axis)
			if err != nil {
				return err
			}
			switch {
			case isDate && typ == excelize.CellTypeDate:
				rows[i][j] = strings.Replace(strings.SplitN(v, ".", 2)[0], "T", " ", 1)
			case isNumber && (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber):
				id, err := wb.GetCellStyle(sheet, axis)
				if err != nil {
					return err
				}
				isDateStyle, seen := dateStyle[id]
				if !seen {
					style, err := wb.GetStyle(id)
					isDateStyle = err == nil && isDateFormat(style)
					dateStyle[id] = isDateStyle
				}
				rows[i][j] = numberCell(v, isDateStyle, date1904)
			}
		}
	}
	return nil
}

// numberCell writes a number cell's stored value as text: a date serial as an ISO date,
// a number plainly. A number of 15 digits or more is kept as stored: a spreadsheet has
// already rounded it, and an id read from it would be wrong.
func numberCell(v string, date, date1904 bool) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.Abs(f) >= 1e15 {
		return v
	}
	if date && f >= 1 {
		t, err := excelize.ExcelDateToTime(f, date1904)
		if err != nil {
			return v
		}
		t = t.Round(time.Second)
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
			return t.Format(time.DateOnly)
		}
		return t.Format(time.DateTime)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// builtInDateFormats are the built-in number formats that show a date.
var builtInDateFormats = map[int]bool{14: true, 15: true, 16: true, 17: true, 22: true,
	27: true, 28: true, 29: true, 30: true, 31: true, 32: true, 33: true, 34: true, 35: true, 36: true,
	50: true, 51: true, 52: true, 53: true, 54: true, 55: true, 56: true, 57: true, 58: true}

// formatLiteral matches the parts of a format code that are not date or time tokens:
// quoted text, [colours] and [$-413] locales, escaped characters.
var formatLiteral = regexp.MustCompile(`"[^"]*"|\[[^\]]*\]|\\.`)

// isDateFormat reports whether a cell style shows its number as a date.
func isDateFormat(s *excelize.Style) bool {
	if s == nil {
		return false
	}
	if builtInDateFormats[s.NumFmt] {
		return true
	}
	if s.CustomNumFmt == nil {
		return false
	}
	code := strings.ToLower(formatLiteral.ReplaceAllString(*s.CustomNumFmt, ""))
	return strings.ContainsAny(code, "yd")
}
