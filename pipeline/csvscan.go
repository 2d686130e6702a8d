package pipeline

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
)

// csvScanner reads the records of a comma- or semicolon-separated table exactly as
// encoding/csv's Reader does with FieldsPerRecord -1 (quotes as RFC 4180 has them, no
// lazy quotes, no comments, no trimming: the same cells, the same lines, the same
// *csv.ParseError), and fails a record longer than limit bytes as boundedRecords does.
// It writes a record's cells straight into a chunk of records read ahead (appendTo),
// without the Reader's copy of each record and string per record, and splits a line
// without a quote (nearly every line of a visit log) with one search per cell: the
// Reader took a seventh of a large ingest's CPU (docs/BENCHMARKS.md).
type csvScanner struct {
	path    string
	r       *bufio.Reader
	comma   byte
	limit   int
	offset  int // lines above the table's first line (csvError)
	numLine int // lines read
	rawLen  int // the last line's bytes as read, its line end included
	raw     []byte
	one     recordChunk // next's record
	rec     []string
}

// errLineTooLong is a line longer than the scanner's limit.
var errLineTooLong = errors.New("line too long")

func newCSVScanner(path string, r io.Reader, comma byte, limit, offset int) *csvScanner {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	return &csvScanner{path: path, r: br, comma: comma, limit: limit, offset: offset}
}

// next returns the next record, its cells in one new string as encoding/csv's are.
func (s *csvScanner) next() ([]string, int, error) {
	c := &s.one
	c.text, c.ends, c.firsts, c.lines = c.text[:0], c.ends[:0], append(c.firsts[:0], 0), c.lines[:0]
	if err := s.appendTo(c); err != nil {
		return nil, 0, err
	}
	text := string(c.text)
	s.rec = s.rec[:0]
	start := int32(0)
	for _, end := range c.ends {
		s.rec = append(s.rec, text[start:end])
		start = end
	}
	return s.rec, c.lines[0], nil
}

// readLine is encoding/csv's: the next line with its newline, \r\n made \n, and a \r
// before the end of the file dropped.
func (s *csvScanner) readLine() ([]byte, error) {
	line, err := s.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		s.raw = append(s.raw[:0], line...)
		for err == bufio.ErrBufferFull && len(s.raw) <= s.limit {
			line, err = s.r.ReadSlice('\n')
			s.raw = append(s.raw, line...)
		}
		line = s.raw
	}
	s.numLine++
	// As boundedRecords counted: a line's bytes but its \n, a \r before it included.
	if s.rawLen = len(line); len(line)-lengthNL(line) > s.limit {
		return nil, errLineTooLong
	}
	n := len(line)
	if n > 0 && err == io.EOF {
		err = nil
		if line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

// appendTo reads the next record into c: its cells after c.text, their ends, its line.
// On an error c is as it was.
func (s *csvScanner) appendTo(c *recordChunk) error {
	text0, ends0 := len(c.text), len(c.ends)
	fail := func(err error) error {
		c.text, c.ends = c.text[:text0], c.ends[:ends0]
		return csvError(s.path, err, s.offset)
	}
	// The next line that is not empty.
	var line []byte
	var errRead error
	for errRead == nil {
		line, errRead = s.readLine()
		if errRead == nil && len(line) == lengthNL(line) {
			continue
		}
		break
	}
	recLine := s.numLine
	switch {
	case errRead == io.EOF:
		return io.EOF
	case errors.Is(errRead, errLineTooLong):
		return fail(&errRecordTooLong{line: recLine, limit: s.limit})
	}
	if bytes.IndexByte(line, '"') < 0 {
		// No quote: the cells are what the separators part.
		line = line[:len(line)-lengthNL(line)]
		for {
			i := bytes.IndexByte(line, s.comma)
			if i < 0 {
				break
			}
			c.text = append(c.text, line[:i]...)
			c.ends = append(c.ends, int32(len(c.text)))
			line = line[i+1:]
		}
		c.text = append(c.text, line...)
		c.ends = append(c.ends, int32(len(c.text)))
	} else {
		var err error
		if errRead, err = s.quoted(c, line, errRead, recLine); err != nil {
			return fail(err)
		}
	}
	if errRead != nil {
		return fail(errRead)
	}
	c.firsts = append(c.firsts, int32(len(c.ends)))
	c.lines = append(c.lines, recLine+s.offset)
	return nil
}

// quoted parses a record with a quote in its first line: encoding/csv's readRecord, cell
// by cell, with its positions of errors. It returns the error of reading its lines, if
// reading one failed once the record had its cells (encoding/csv returns it with the
// record), and the error that ends the record.
func (s *csvScanner) quoted(c *recordChunk, line []byte, errRead error, recLine int) (readErr, err error) {
	size := s.rawLen // the record's bytes as read
	col, lineNo := 1, recLine
cells:
	for {
		if len(line) == 0 || line[0] != '"' {
			// A cell without quotes: a quote in it is an error.
			i := bytes.IndexByte(line, s.comma)
			field := line
			if i >= 0 {
				field = field[:i]
			} else {
				field = field[:len(field)-lengthNL(field)]
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				return errRead, &csv.ParseError{StartLine: recLine, Line: s.numLine, Column: col + j, Err: csv.ErrBareQuote}
			}
			c.text = append(c.text, field...)
			c.ends = append(c.ends, int32(len(c.text)))
			if i < 0 {
				return errRead, nil
			}
			line = line[i+1:]
			col += i + 1
			continue
		}
		// A quoted cell, maybe over several lines.
		line = line[1:]
		col++
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				c.text = append(c.text, line[:i]...)
				line = line[i+1:]
				col += i + 1
				switch {
				case len(line) > 0 && line[0] == '"': // "" is a quote
					c.text = append(c.text, '"')
					line = line[1:]
					col++
				case len(line) > 0 && line[0] == s.comma: // the cell's end
					line = line[1:]
					col++
					c.ends = append(c.ends, int32(len(c.text)))
					continue cells
				case lengthNL(line) == len(line): // the record's end
					c.ends = append(c.ends, int32(len(c.text)))
					return errRead, nil
				default:
					return errRead, &csv.ParseError{StartLine: recLine, Line: s.numLine, Column: col - 1, Err: csv.ErrQuote}
				}
			case len(line) > 0:
				// The line ends within the cell: it goes on on the next line.
				c.text = append(c.text, line...)
				if errRead != nil {
					return nil, errRead
				}
				col += len(line)
				line, errRead = s.readLine()
				if errors.Is(errRead, errLineTooLong) {
					return nil, &errRecordTooLong{line: recLine, limit: s.limit}
				}
				// As boundedRecords counted: the record's bytes but its last \n.
				if size += s.rawLen; size-lengthNL(line) > s.limit {
					return nil, &errRecordTooLong{line: recLine, limit: s.limit}
				}
				if len(line) > 0 {
					lineNo++
					col = 1
				}
				if errRead == io.EOF {
					errRead = nil
				}
			default:
				// The file ends within the cell.
				if errRead == nil {
					return nil, &csv.ParseError{StartLine: recLine, Line: lineNo, Column: col, Err: csv.ErrQuote}
				}
				return nil, errRead
			}
		}
	}
}

// lengthNL is 1 if b ends in a newline, else 0.
func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}
