package pipeline

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// maxWorkbookBytes bounds the XLSX files ingest reads: a workbook is read whole into
// memory. maxSheetXMLBytes bounds what one part of it (a sheet, the shared strings)
// unpacks to, and maxSheetCells the cells of the sheet read: a small workbook can unpack
// to a sheet of hundreds of megabytes, and exports are far smaller. Within these bounds
// every part stays in memory: no temporary file is written.
const (
	maxWorkbookBytes = 64 << 20
	maxSheetXMLBytes = 24 << 20
	maxSheetCells    = 2_000_000
)

// zipMagic starts every zip archive, and so every XLSX workbook.
var zipMagic = []byte("PK\x03\x04")

// preferredSheets hold an export's rows where a workbook has several sheets: the posts
// sheet of LinkedIn's page analytics, in English and in Dutch. Other sheets are tried after
// them, in workbook order.
var preferredSheets = []string{"all posts", "alle berichten"}

// openWorkbook reads an XLSX export whole (refusing one over limit bytes, or one that
// unpacks to more than the bounds) and returns the table of the sheet that holds a
// recognised header. Its rows take the path of a CSV export's records: a line is a sheet
// row, a column a sheet column.
func openWorkbook(r io.Reader, path string, hints fileHints, limit int64) (*table, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: an XLSX workbook larger than %s is not an export bereik reads whole; nothing of it was loaded (save the sheet as CSV)", path, byteSize(limit))
	}
	if err := checkUnpackedSizes(data); err != nil {
		return nil, fmt.Errorf("%s: %w; nothing of it was loaded (save the sheet as CSV)", path, err)
	}
	sh, err := readWorkbook(data, hints.among())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t := sheetTable(path, "xlsx", sh.rows, sh.header, sh.kind)
	t.side = sh.side
	return t, nil
}

// sheetTable makes the table of a sheet's rows whose header is rows[header]. A sheet
// leaves out empty cells at the end of a row: rows are padded to the header's width.
func sheetTable(path, encoding string, rows [][]string, header int, kind *source) *table {
	t := &table{path: path, encoding: encoding, kind: kind, header: rows[header], headerLine: header + 1}
	held := &sliceRecords{}
	for i := header + 1; i < len(rows); i++ {
		rec := rows[i]
		if len(rec) < len(t.header) {
			rec = append(rec, make([]string, len(t.header)-len(rec))...)
		}
		held.recs = append(held.recs, rec)
		held.lines = append(held.lines, i+1)
	}
	t.recs = held
	return t
}

// checkUnpackedSizes refuses a workbook whose sheets or shared strings unpack to more
// than maxSheetXMLBytes. The sizes are those the zip declares; Go's zip reader fails a
// part that unpacks to more than it declares.
func checkUnpackedSizes(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("unreadable XLSX workbook: %w", err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		name := strings.ToLower(f.Name)
		if (strings.HasPrefix(name, "xl/worksheets/") || name == "xl/sharedstrings.xml") && f.UncompressedSize64 > maxSheetXMLBytes {
			return fmt.Errorf("its part %s unpacks to %s, more than the %s of any export bereik reads", f.Name, byteSize(int64(f.UncompressedSize64)), byteSize(maxSheetXMLBytes))
		}
	}
	if total > 4*maxSheetXMLBytes {
		return fmt.Errorf("it unpacks to %s, more than the %s of any export bereik reads", byteSize(int64(total)), byteSize(4*maxSheetXMLBytes))
	}
	return nil
}

func byteSize(n int64) string {
	if n >= 1<<20 {
		if n%(1<<20) == 0 {
			return fmt.Sprintf("%d MiB", n>>20)
		}
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// workbookSheet is the sheet of a workbook that holds an export, as text records.
type workbookSheet struct {
	name string
	// rows[i] is sheet row i+1; a cell's index is its column's, A being 0.
	rows   [][]string
	kind   *source
	header int // index of the header row in rows
	// side holds the other sheets the kind reads (source.sheets).
	side map[string][][]string
}

// wantsSheet reports whether a kind reads the sheet of that name beside its own.
func (s *source) wantsSheet(name string) bool {
	for _, prefix := range s.sheets {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(name)), prefix) {
			return true
		}
	}
	return false
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
	tmp, err := os.MkdirTemp("", "bereik-xlsx-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp) // excelize writes none within the bounds; should it, they go
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: 4*maxSheetXMLBytes + 1, UnzipXMLSizeLimit: maxSheetXMLBytes + 1, TmpDir: tmp})
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
		cells := countCells(rows)
		if cells > maxSheetCells {
			return nil, fmt.Errorf("sheet %q holds %d cells, more than the %d of any export bereik reads; nothing of it was loaded (save the sheet as CSV)", name, cells, maxSheetCells)
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
			sh := &workbookSheet{name: name, rows: rows, kind: kind, header: i, side: map[string][][]string{}}
			for _, other := range wb.GetSheetList() {
				if other == name || !kind.wantsSheet(other) {
					continue
				}
				rows, err := wb.GetRows(other, excelize.Options{RawCellValue: true})
				if err != nil {
					return nil, fmt.Errorf("sheet %q: %w", other, err)
				}
				if cells += countCells(rows); cells > maxSheetCells {
					return nil, fmt.Errorf("the sheets read hold more than the %d cells of any export bereik reads; nothing of it was loaded (save the sheet as CSV)", maxSheetCells)
				}
				sh.side[other] = rows
			}
			return sh, nil
		}
	}
	if len(looked) == 0 {
		return nil, fmt.Errorf("%w: the workbook has no sheets", errUnrecognised())
	}
	return nil, fmt.Errorf("%w (sheets looked at: %s)", errUnrecognised(), strings.Join(looked, ", "))
}

func countCells(rows [][]string) int {
	n := 0
	for _, r := range rows {
		n += len(r)
	}
	return n
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
