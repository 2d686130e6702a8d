package pipeline

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// XML Spreadsheet 2003 is what Facebook's Page Insights (and other tools of its time)
// downloaded as ".xls": not a binary Excel file but one XML document, a Workbook of
// Worksheets of Rows of Cells. It is read here as a workbook is: the sheet with a
// recognised header among its first rows becomes the table. Bounded like a workbook: at
// most maxWorkbookBytes of text and maxSheetCells cells.

// spreadsheetNS is the namespace of XML Spreadsheet 2003.
const spreadsheetNS = "urn:schemas-microsoft-com:office:spreadsheet"

// isSpreadsheetXML reports whether a file's decoded start is an XML Spreadsheet 2003.
func isSpreadsheetXML(sample []byte) bool {
	start := bytes.TrimLeft(sample, " \t\r\n\ufeff")
	return bytes.HasPrefix(start, []byte("<?xml")) && bytes.Contains(sample, []byte(spreadsheetNS))
}

// openSpreadsheetXML reads an XML Spreadsheet 2003 and returns the table of its sheet with
// a recognised header.
func openSpreadsheetXML(r io.Reader, path, encoding string, hints fileHints) (*table, error) {
	sheets, err := readSpreadsheetXML(io.LimitReader(r, maxWorkbookBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: unreadable XML spreadsheet: %w; nothing of it was loaded", path, err)
	}
	var looked []string
	for _, sh := range sheets {
		looked = append(looked, strconv.Quote(sh.name))
		for i := 0; i < len(sh.rows) && i < headerLines; i++ {
			if kind := recognise(sh.rows[i], hints.among()); kind != nil {
				t := sheetTable(path, "xml-spreadsheet", sh.rows, i, kind)
				t.side = map[string][][]string{}
				for _, other := range sheets {
					if other.name != sh.name && kind.wantsSheet(other.name) {
						t.side[other.name] = other.rows
					}
				}
				return t, nil
			}
		}
	}
	return nil, fmt.Errorf("%s: %w (sheets looked at: %s)", path, errUnrecognised(), strings.Join(looked, ", "))
}

type xmlSheet struct {
	name string
	rows [][]string
}

// readSpreadsheetXML reads every worksheet's rows as text. A number cell keeps its value
// as written (1234.5), a DateTime cell becomes 2021-06-15 or 2021-06-15 09:30:00. An
// ss:Index on a row or cell skips to that row or column.
func readSpreadsheetXML(r io.Reader) ([]xmlSheet, error) {
	counted := &countingLimit{r: r, limit: maxWorkbookBytes}
	dec := xml.NewDecoder(counted)
	// The text is UTF-8 already, whatever the declaration says it was.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	var (
		sheets   []xmlSheet
		sheet    *xmlSheet
		row      []string
		inRow    bool
		col      int // 0-based column of the next cell
		cellType string
		text     strings.Builder
		inData   bool
		cells    int
	)
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name && (a.Name.Space == spreadsheetNS || a.Name.Space == "") {
				return a.Value
			}
		}
		return ""
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if counted.over {
				return nil, fmt.Errorf("larger than %s, more than any export bereik reads", byteSize(maxWorkbookBytes))
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Worksheet":
				sheets = append(sheets, xmlSheet{name: attr(t, "Name")})
				sheet = &sheets[len(sheets)-1]
			case "Row":
				if sheet == nil {
					continue
				}
				if i, err := strconv.Atoi(attr(t, "Index")); err == nil && i > len(sheet.rows) && i <= 1<<20 {
					for len(sheet.rows) < i-1 {
						sheet.rows = append(sheet.rows, nil)
					}
				}
				row, inRow, col = nil, true, 0
			case "Cell":
				if !inRow {
					continue
				}
				if i, err := strconv.Atoi(attr(t, "Index")); err == nil && i > col && i <= 1<<14 {
					col = i - 1
				}
				for len(row) < col {
					row = append(row, "")
				}
				row = append(row, "")
				if cells++; cells > maxSheetCells {
					return nil, fmt.Errorf("more than %d cells, more than any export bereik reads", maxSheetCells)
				}
			case "Data":
				inData, cellType = true, attr(t, "Type")
				text.Reset()
			}
		case xml.CharData:
			if inData {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Data":
				inData = false
				if inRow && len(row) > 0 {
					row[len(row)-1] = spreadsheetCell(cellType, text.String())
				}
			case "Cell":
				if inRow {
					col = len(row)
				}
			case "Row":
				if sheet != nil && inRow {
					sheet.rows = append(sheet.rows, row)
				}
				inRow = false
			case "Worksheet":
				sheet = nil
			}
		}
	}
	return sheets, nil
}

// spreadsheetCell writes a cell of XML Spreadsheet 2003 as text.
func spreadsheetCell(typ, v string) string {
	if typ == "DateTime" {
		v = strings.Replace(strings.SplitN(v, ".", 2)[0], "T", " ", 1)
		return strings.TrimSuffix(v, " 00:00:00")
	}
	return v
}

// countingLimit reads up to limit bytes, then fails.
type countingLimit struct {
	r     io.Reader
	n     int64
	limit int64
	over  bool
}

func (c *countingLimit) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		c.over = true
		return 0, errors.New("input too large")
	}
	if int64(len(p)) > c.limit-c.n {
		p = p[:c.limit-c.n]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
