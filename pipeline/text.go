package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sampleSize is how much of a file is read to tell its encoding, separator and kind.
const sampleSize = 64 << 10

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
	// Without a BOM: the first text that is not ASCII decides. Valid UTF-8 there makes
	// the file UTF-8, anything else the Windows code page Dutch Excel saves in. A file
	// that changes encoding later has those rows rejected (batches.go), whichever came
	// first.
	if i := bytes.IndexFunc(head, func(r rune) bool { return r >= utf8.RuneSelf }); i < 0 || utf8Starts(head[i:]) {
		return br, "utf-8", nil
	}
	return transform.NewReader(br, charmap.Windows1252.NewDecoder()), "windows-1252", nil
}

// utf8Starts reports whether b starts with a valid multi-byte UTF-8 rune, or with the
// start of one cut off by the end of b.
func utf8Starts(b []byte) bool {
	if r, size := utf8.DecodeRune(b); r != utf8.RuneError || size > 1 {
		return true
	}
	return !utf8.FullRune(b) && len(b) < utf8.UTFMax
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
		return nil, 0, nil, 0, fmt.Errorf("not %s (%s), as --kind says: %w", among[0].is, among[0].kind, errNoHeaderOfKind(among[0]))
	}
	if near := nearest(lines, among); near != "" {
		return nil, 0, nil, 0, errors.New(near)
	}
	return nil, 0, nil, 0, errUnrecognised()
}

// errNoHeaderOfKind says which header a kind needs.
func errNoHeaderOfKind(s *source) error {
	if s.lineMatch != nil {
		return errors.New("its first lines are not lines of that kind")
	}
	return fmt.Errorf("no header with the columns %s in its first %d lines", strings.Join(s.required(), ", "), headerLines)
}

// required names the columns a kind's header must have, as its English export names
// them: "a" or "b" where one of several will do.
func (s *source) required() []string {
	var need []string
	for _, f := range s.spec {
		if f.required {
			need = append(need, fmt.Sprintf("%q", f.name()))
		}
	}
	for _, group := range s.oneOf {
		var names []string
		for _, field := range group {
			names = append(names, fmt.Sprintf("%q", s.specOf(field).name()))
		}
		need = append(need, strings.Join(names, " or "))
	}
	return need
}

// specOf returns the spec of a field of the kind.
func (s *source) specOf(field string) headerSpec {
	i := slices.IndexFunc(s.spec, func(f headerSpec) bool { return f.field == field })
	if i < 0 {
		panic("kind " + s.kind + " has no field " + field)
	}
	return s.spec[i]
}

// nearest says which kind a file that no kind recognises nearly is: the kind whose
// required columns a header line has all but one or two of, at least two of them. It
// names the kind and what is missing ("looks like a Meta Ads Manager export, but has no
// "Impressions" column"), or returns "" when no header line comes close.
func nearest(lines []string, among []*source) string {
	best, bestHave, bestMissing := (*source)(nil), 0, []string(nil)
	for _, l := range lines {
		l = strings.TrimRight(l, "\r")
		for _, c := range []rune{',', ';', '\t'} {
			if !strings.ContainsRune(l, c) {
				continue
			}
			r := csv.NewReader(strings.NewReader(l))
			r.Comma, r.LazyQuotes = c, true
			fields, err := r.Read()
			if err != nil {
				continue
			}
			for _, s := range among {
				have, missing := s.partialMatch(fields)
				if have >= 2 && len(missing) > 0 && len(missing) <= 2 && have > bestHave {
					best, bestHave, bestMissing = s, have, missing
				}
			}
		}
	}
	if best == nil {
		return ""
	}
	cols := "column"
	if len(bestMissing) > 1 {
		cols = "columns"
	}
	return fmt.Sprintf("looks like %s (%s), but has no %s %s; export it again with %s, or see the README's Supported exports",
		best.is, best.kind, strings.Join(bestMissing, " and "), cols, strings.Join(bestMissing, " and "))
}

// partialMatch counts the kind's required fields (and groups of which one is required)
// a header has, and names those it lacks.
func (s *source) partialMatch(header []string) (have int, missing []string) {
	cols := matchFields(s.spec, header)
	for _, f := range s.spec {
		if !f.required {
			continue
		}
		if _, ok := cols[f.field]; ok {
			have++
		} else {
			missing = append(missing, fmt.Sprintf("%q", f.name()))
		}
	}
	for _, group := range s.oneOf {
		if slices.ContainsFunc(group, func(f string) bool { _, ok := cols[f]; return ok }) {
			have++
		} else {
			missing = append(missing, fmt.Sprintf("%q", s.specOf(group[0]).name()))
		}
	}
	return have, missing
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

// errUnrecognised says that no kind recognises a file, naming every kind.
func errUnrecognised() error {
	var kinds []string
	for _, s := range sources {
		kinds = append(kinds, s.is)
	}
	return fmt.Errorf("not a recognised export: its first lines are not the header of %s", strings.Join(kinds, ", "))
}

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
	// patterns and dutchPatterns match headers that carry a value of their own: Amount
	// spent (EUR) names its currency. The first group is that value (columns.capture).
	patterns, dutchPatterns []*regexp.Regexp
}

// name is the field's header as an English export names it.
func (f headerSpec) name() string {
	if len(f.aliases) > 0 {
		return strings.ToUpper(f.aliases[0][:1]) + f.aliases[0][1:]
	}
	if len(f.patterns) > 0 {
		n := strings.NewReplacer(`^`, "", `$`, "", `\(`, "(", `\)`, ")", "([a-z]{3})", "EUR").Replace(f.patterns[0].String())
		return strings.ToUpper(n[:1]) + n[1:]
	}
	return f.field
}

// matchFields finds each field of the spec in header, required or not.
func matchFields(spec []headerSpec, header []string) columns {
	cols, _, _ := matchAll(spec, header)
	return cols
}

// matchHeader finds each field of the spec in header; ok is false when a required field
// is missing.
func matchHeader(spec []headerSpec, header []string) (cols columns, dutch bool, ok bool) {
	return matchAll(spec, header)
}

func matchAll(spec []headerSpec, header []string) (cols columns, dutch bool, ok bool) {
	cols = columns{}
	for i, h := range header {
		n := normHeader(h)
		for _, f := range spec {
			if _, seen := cols[f.field]; seen {
				continue
			}
			if slices.Contains(f.aliases, n) || matchesAny(f.patterns, n) {
				cols[f.field] = i
			}
			if slices.Contains(f.dutch, n) || matchesAny(f.dutchPatterns, n) {
				cols[f.field] = i
				dutch = true
			}
		}
	}
	for _, f := range spec {
		if _, found := cols[f.field]; f.required && !found {
			return cols, dutch, false
		}
	}
	return cols, dutch, true
}

func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
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

// cp1252Byte returns the Windows-1252 byte of a rune decoded from it.
func cp1252Byte(r rune) (byte, bool) { return charmap.Windows1252.EncodeRune(r) }

// blank reports whether every cell of a record is empty.
func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
