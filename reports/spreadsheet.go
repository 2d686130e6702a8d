package reports

import (
	"regexp"
	"strings"
)

// formulaLeads are the first characters that make a spreadsheet (Excel, LibreOffice,
// Google Sheets) read a CSV cell as a formula or a command: = + - @, a tab, a carriage
// return.
const formulaLeads = "=+-@\t\r"

// SpreadsheetText returns text as a CSV cell must hold it to stay text when a spreadsheet
// opens the file: with a leading ' where it starts like a formula (a post title
// `=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`). It is for text only: a number such as -5
// stays a number, also where it reaches here as text (a DECIMAL of an ad-hoc query): a
// spreadsheet reads a number in full as that number, never as a formula. The report's
// "CSV downloaden" button applies the same rule in the page (csvCell in
// templates/report.js); a test holds the two together.
func SpreadsheetText(s string) string {
	if s != "" && strings.IndexByte(formulaLeads, s[0]) >= 0 && !plainNumber.MatchString(s) {
		return "'" + s
	}
	return s
}

// plainNumber is a number in full, as a spreadsheet reads it: -5, +0.25, -1e3.
var plainNumber = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)
