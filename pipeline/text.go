package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sampleSize is how much of a file is read to tell its encoding, separator and kind.
const sampleSize = 64 << 10

// textFile is an export opened as UTF-8 text, with what sniffing found out about it.
type textFile struct {
	path     string
	encoding string // utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252, or xlsx for a workbook
	comma    rune
	kind     *source
	header   []string
	// headerLine is the 1-based line of the header; lines before it are preamble.
	headerLine int
	// rows reads the records after the header; FieldPos gives their lines. A workbook has
	// none: its records are read into the parseRun whole.
	rows *csv.Reader
	// lines reads a kind without a header (an access log) line by line, instead of rows.
	lines *bufio.Reader
	// preamble holds the lines above the header (Google Analytics' # lines).
	preamble []string
	// sample is the decoded start of the file, for locale detection of small files.
	sample []byte
}

// decoder returns the file's text as UTF-8, and the name of the encoding it found. A
// gzip-compressed file (told by its magic bytes, not its name) is decompressed first; its
// encoding is then named "gzip/" and the encoding of what it holds.
func decoder(r io.Reader) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, sampleSize)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, "", fmt.Errorf("starts like a gzip file but is not one: %w", err)
		}
		text, encoding, err := decodeText(zr)
		if err != nil {
			return nil, "", fmt.Errorf("cannot read the file on (%w); a compressed file cut off while it was written? nothing of it was loaded", err)
		}
		return text, "gzip/" + encoding, nil
	}
	return decodeText(br)
}

// decodeText tells a text's encoding from its start and returns it as UTF-8.
func decodeText(r io.Reader) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, sampleSize)
	head, err := br.Peek(sampleSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, "", err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, "utf-8-bom", nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), "utf-16le", nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()), "utf-16be", nil
	}
	// Without a BOM: UTF-8 if the sample is valid UTF-8 (allowing a rune cut off at its end),
	// else the Windows code page Dutch Excel saves in.
	valid := head
	if len(head) == sampleSize {
		for i := 0; i < utf8.UTFMax && len(valid) > 0 && !utf8.Valid(valid); i++ {
			valid = valid[:len(valid)-1]
		}
	}
	if utf8.Valid(valid) {
		return br, "utf-8", nil
	}
	return transform.NewReader(br, charmap.Windows1252.NewDecoder()), "windows-1252", nil
}

// sniff finds the header line, the separator and the kind of an export from its decoded
// start. When no kind's header is found, it tries the kinds without a header (access
// logs): one is recognised when most of the first (up to 10) non-blank lines match it;
// line is then 0. It returns errUnrecognised when nothing fits.
func sniff(sample []byte, among []*source) (kind *source, comma rune, header []string, line int, err error) {
	lines := strings.SplitN(string(sample), "\n", headerLines+1)
	if len(lines) == headerLines+1 {
		lines = lines[:headerLines] // the last one may be cut off
	}
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		for _, c := range []rune{',', ';', '\t'} {
			if !strings.ContainsRune(l, c) {
				continue
			}
			r := csv.NewReader(strings.NewReader(l))
			r.Comma = c
			r.LazyQuotes = true
			fields, ferr := r.Read()
			if ferr != nil {
				continue
			}
			if s := recognise(fields, among); s != nil {
				return s, c, fields, i + 1, nil
			}
		}
	}
	var first []string
	for _, l := range lines {
		if l = strings.TrimRight(l, "\r"); strings.TrimSpace(l) != "" && len(first) < 10 {
			first = append(first, l)
		}
	}
	for _, s := range among {
		if s.lineMatch == nil || len(first) == 0 {
			continue
		}
		n := 0
		for _, l := range first {
			if s.lineMatch(l) {
				n++
			}
		}
		if 2*n > len(first) {
			return s, 0, nil, 0, nil
		}
	}
	if len(among) == 1 {
		return nil, 0, nil, 0, fmt.Errorf("not a %s export, as --kind says: %w", among[0].kind, errNoHeaderOfKind(among[0]))
	}
	return nil, 0, nil, 0, errUnrecognised
}

// errNoHeaderOfKind says which header a kind needs.
func errNoHeaderOfKind(s *source) error {
	if s.lineMatch != nil {
		return errors.New("its first lines are not lines of that kind")
	}
	var need []string
	for _, f := range s.spec {
		if f.required {
			name := f.field
			if len(f.aliases) > 0 {
				name = f.aliases[0]
			}
			need = append(need, fmt.Sprintf("%q", name))
		}
	}
	return fmt.Errorf("no header with the columns %s in its first %d lines", strings.Join(need, ", "), headerLines)
}

// headerLines is how many lines from a file's start may hold its header.
const headerLines = 39

// recognise returns the kind whose header fields is, trimming the fields in place, or nil.
func recognise(fields []string, among []*source) *source {
	for j := range fields {
		fields[j] = strings.TrimSpace(fields[j])
	}
	for _, s := range among {
		if s.matches(fields) {
			return s
		}
	}
	return nil
}

var errUnrecognised = errors.New("not a recognised export: no header of a Meta Ads export, Meta Business Suite post export, LinkedIn posts sheet, X post activity export, YouTube Studio table, visit log, content catalogue or Matomo/Google Analytics page report in its first lines, and they are not lines of an access log in the combined log format")

// normHeader folds a header cell for matching: lower case, single spaces, no BOM or quotes.
func normHeader(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.Join(strings.Fields(s), " ")
	return s
}

// columns maps a kind's canonical field names to their index in a header.
type columns map[string]int

// headerSpec lists, per canonical field, the header spellings that mean it.
type headerSpec struct {
	field    string
	aliases  []string
	required bool
	// dutch marks aliases that only a Dutch-language export uses.
	dutch []string
}

// match finds each field of the spec in header; ok is false when a required field is missing.
func matchHeader(spec []headerSpec, header []string) (cols columns, dutch bool, ok bool) {
	cols = columns{}
	for i, h := range header {
		n := normHeader(h)
		for _, f := range spec {
			if _, seen := cols[f.field]; seen {
				continue
			}
			for _, a := range f.aliases {
				if n == a {
					cols[f.field] = i
				}
			}
			for _, a := range f.dutch {
				if n == a {
					cols[f.field] = i
					dutch = true
				}
			}
		}
	}
	for _, f := range spec {
		if _, found := cols[f.field]; f.required && !found {
			return nil, false, false
		}
	}
	return cols, dutch, true
}

// field returns the trimmed cell of a canonical field, or "" if the file has no such column.
func (c columns) field(rec []string, name string) string {
	i, ok := c[name]
	if !ok || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// col returns the 1-based column of a field, for error messages.
func (c columns) col(name string) int { return c[name] + 1 }

// lineError is a problem at a place in a file.
type lineError struct {
	Path   string
	Line   int
	Col    int
	Column string
	Reason string
	// Template is the reason with every value of the file left out (reasonf): what is
	// stored of a reject of a kind that holds personal data.
	Template string
}

func (e *lineError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Reason)
}

// blank reports whether every cell of a record is empty.
func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
