package pipeline

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// IngestOptions says where and how to load.
type IngestOptions struct {
	// DBPath locates the hashing key beside the database.
	DBPath string
	Config *Config
	Logger *slog.Logger
	// Progress, if set, is told the bytes read so far of all the files, and their total.
	Progress func(done, total int64)
	// Site is the configured site of exports that cannot say it themselves: an access log
	// without virtual-host field and without a host or site name in its file name, a page
	// report of bare paths without one in its name. "" means not given.
	Site string
	// Period is the reporting period of page reports that say it neither in a preamble
	// nor in their file name. The zero Period means not given.
	Period Period
	// Kind, if set, is the one source kind every file is read as (see Kinds), instead of
	// the kind its content is recognised as.
	Kind string
	// Campaign is the configured campaign of Meta Ads exports without a campaign column.
	// "" means not given.
	Campaign string
}

// Kinds lists the names of the source kinds ingest reads.
func Kinds() []string {
	var names []string
	for _, s := range sources {
		names = append(names, s.kind)
	}
	return names
}

// Period is a span of whole days, both included.
type Period struct {
	Start, End time.Time
}

// IsZero reports whether the period is not given.
func (p Period) IsZero() bool { return p.Start.IsZero() && p.End.IsZero() }

func (p Period) String() string {
	return p.Start.Format(time.DateOnly) + ".." + p.End.Format(time.DateOnly)
}

// ParsePeriod reads a period written as 2021-06-01..2021-08-31.
func ParsePeriod(s string) (Period, error) {
	from, to, ok := strings.Cut(strings.TrimSpace(s), "..")
	if ok {
		start, err1 := time.Parse(time.DateOnly, strings.TrimSpace(from))
		end, err2 := time.Parse(time.DateOnly, strings.TrimSpace(to))
		if err1 == nil && err2 == nil {
			if end.Before(start) {
				return Period{}, fmt.Errorf("period %q ends before it starts", s)
			}
			return Period{Start: start, End: end}, nil
		}
	}
	return Period{}, fmt.Errorf("%q is not a period like 2021-06-01..2021-08-31", s)
}

// fileHints is what the ingest options say about files that cannot say it themselves.
type fileHints struct {
	site     string
	period   Period
	campaign string
	// kinds are the kinds a file may be; nil means every kind.
	kinds []*source
}

// among returns the kinds a file may be.
func (h fileHints) among() []*source {
	if h.kinds != nil {
		return h.kinds
	}
	return sources
}

// FileOutcome is what ingest did with one file.
type FileOutcome struct {
	Path     string
	Kind     string
	Encoding string
	// Status is "loaded", "unchanged" (same content loaded before) or "failed".
	Status   string
	Rows     int64
	Rejected int64
	Skipped  int64
	Replaced int64
	// Counts are what the file's kind counts besides rows: an access log's requests left
	// out because a bot made them, ad rows that overlap no single flight.
	Counts []Count
	// Notes are what ingest has to say about the file as a whole: how it read its dates.
	Notes []string
	Err   error
}

// Count returns the file's count of the given name, 0 if its kind keeps none.
func (o FileOutcome) Count(name string) int64 {
	for _, c := range o.Counts {
		if c.Name == name {
			return c.N
		}
	}
	return 0
}

// Partial reports whether the outcome should make a nightly job look: the file failed,
// or some of its rows were rejected.
func (o FileOutcome) Partial() bool { return o.Status == "failed" || o.Rejected > 0 }

// Ingest loads every file in paths (folders are walked) into db, each in its own
// transaction. A file that fails leaves the database as it was before that file; the
// others still load. The returned error is for failures that stop everything.
func Ingest(ctx context.Context, db *sql.DB, opts IngestOptions, paths []string) ([]FileOutcome, error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Site != "" && !opts.Config.hasSite(opts.Site) {
		return nil, fmt.Errorf("site %q is not configured; the sites of %s are %s", opts.Site, opts.Config.Source, strings.Join(opts.Config.siteNames(), ", "))
	}
	if !opts.Period.IsZero() && (opts.Period.Start.IsZero() || opts.Period.End.Before(opts.Period.Start)) {
		return nil, fmt.Errorf("period %s needs a start and an end not before it", opts.Period)
	}
	if opts.Campaign != "" && opts.Config.campaign(opts.Campaign) == nil {
		var names []string
		for _, c := range opts.Config.Campaigns {
			names = append(names, fmt.Sprintf("%q", c.Name))
		}
		return nil, fmt.Errorf("campaign %q is not configured; the campaigns of %s are %s", opts.Campaign, opts.Config.Source, strings.Join(names, ", "))
	}
	hints := fileHints{site: opts.Site, period: opts.Period, campaign: opts.Campaign}
	if opts.Kind != "" {
		i := slices.IndexFunc(sources, func(s *source) bool { return s.kind == opts.Kind })
		if i < 0 {
			return nil, fmt.Errorf("unknown kind %q; the kinds are %s", opts.Kind, strings.Join(Kinds(), ", "))
		}
		hints.kinds = []*source{sources[i]}
	}
	// A damaged database is refused before anything is written to it: a load could
	// succeed beside a block that every report then fails on. Every block is read once a
	// day (the first run of a nightly job); between, DuckDB verifies the blocks a run
	// reads and writes, and status reads them all.
	if err := checkBlocksDaily(ctx, db, opts.DBPath); err != nil {
		return nil, err
	}
	// The key is checked before anything is written: a database refused for its key is
	// left as it was.
	var hashed int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM page_views LIMIT 1)`).Scan(&hashed); err != nil {
		return nil, err
	}
	keys, err := loadKeyer(opts.DBPath, hashed > 0)
	if err != nil {
		return nil, err
	}
	if err := checkKeyFingerprint(ctx, db, keys, hashed > 0); err != nil {
		return nil, err
	}
	if err := removeUnpublishedParts(ctx, db); err != nil {
		return nil, fmt.Errorf("remove the parts of files not published: %w", err)
	}
	if err := syncConfig(ctx, db, opts.Config); err != nil {
		return nil, fmt.Errorf("store configuration: %w", err)
	}
	files, err := expand(paths)
	if err != nil {
		return nil, err
	}
	progress := newProgress(files, opts.Progress)
	var out []FileOutcome
	for _, in := range files {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		path := in.path
		if in.passedOver != nil {
			o := FileOutcome{Path: path, Status: "failed", Err: fmt.Errorf("%s: %w", path, in.passedOver)}
			log.Error("file not loaded", "file", o.Path, "error", o.Err.Error())
			out = append(out, o)
			continue
		}
		start := time.Now()
		o := ingestFile(ctx, db, opts.Config, keys, hints, path, progress)
		progress.fileDone(path)
		attrs := []any{"file", o.Path, "kind", o.Kind, "rows", o.Rows, "rejected", o.Rejected,
			"skipped", o.Skipped, "replaced", o.Replaced, "seconds", time.Since(start).Seconds()}
		var warn string
		for _, c := range o.Counts {
			if c.N > 0 {
				attrs = append(attrs, c.Name, c.N)
				if c.Warn != "" && warn == "" {
					warn = c.Warn
				}
			}
		}
		for _, n := range o.Notes {
			log.Info(n, "file", o.Path)
		}
		switch {
		case o.Status == "failed":
			log.Error("file not loaded", "file", o.Path, "error", o.Err.Error())
		case o.Status == "unchanged":
			log.Info("already loaded, nothing to do", "file", o.Path)
		case warn != "":
			log.Warn("loaded, but "+warn, attrs...)
		case o.Rejected > 0:
			log.Warn("loaded with rejected rows (bereik status lists them)", attrs...)
		case o.Replaced > 0:
			log.Info("loaded, replacing rows of an earlier export of the same period", attrs...)
		default:
			log.Info("loaded", attrs...)
		}
		out = append(out, o)
	}
	return out, nil
}

// input is one file an ingest was given or found in a folder. A file that is not a
// regular file is not opened: reading a named pipe would block the ingest, and the lock
// with it, forever.
type input struct {
	path string
	// passedOver, if set, says why the file is not read.
	passedOver error
}

// expand walks folders into their files, in name order with the copies of a download
// after it. Hidden files, configuration and the database's own files are not exports and
// are passed over in silence; what is not a regular file (a named pipe, a socket, a
// device, a link to one or to nothing) is passed over with its reason. A link given on
// the command line is followed, to a file or a folder; a link inside a folder is followed
// to a regular file only, never to a folder (which could lead round in a circle).
func expand(paths []string) ([]input, error) {
	var files []input
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if !info.IsDir() {
			files = append(files, input{path: p, passedOver: notRegular(info.Mode())})
			continue
		}
		root := p
		if l, err := os.Lstat(p); err == nil && l.Mode()&fs.ModeSymlink != 0 {
			// WalkDir does not follow a link it starts from; through the link's name with
			// a trailing separator it walks the folder the link points to.
			root = p + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && path != root {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || notAnExport(name) {
				return nil
			}
			in := input{path: path, passedOver: notRegular(d.Type())}
			if d.Type()&fs.ModeSymlink != 0 {
				switch target, err := os.Stat(path); {
				case err != nil:
					in.passedOver = fmt.Errorf("a link to nothing that can be read (%w); passed over", err)
				case target.IsDir():
					in.passedOver = errors.New("a link to a folder: links inside a folder are followed to files only; give the folder on the command line to load it")
				default:
					in.passedOver = notRegular(target.Mode())
				}
			}
			files = append(files, in)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// A browser names a second download of the same export "x (1).csv", which sorts
	// before "x.csv"; a newer export of the same posts, ads or days replaces an older one,
	// so the copies load in download order: x.csv, x (1).csv, x (2).csv. (Modification
	// times would say it too, but a copy resets them.)
	slices.SortStableFunc(files, func(a, b input) int {
		ab, an := downloadCopy(a.path)
		bb, bn := downloadCopy(b.path)
		if c := strings.Compare(ab, bb); c != 0 {
			return c
		}
		return an - bn
	})
	return slices.CompactFunc(files, func(a, b input) bool { return a.path == b.path }), nil
}

// notRegular says why a file of this mode is not read, or returns nil for a regular file.
func notRegular(mode fs.FileMode) error {
	var what string
	switch {
	case mode.IsRegular():
		return nil
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		what = "a device"
	default:
		what = "not a regular file (" + mode.Type().String() + ")"
	}
	return fmt.Errorf("%s, not an export file: passed over without reading it", what)
}

// openRegular opens a file for reading, refusing anything but a regular file: it is
// opened without blocking, so that a named pipe put in a file's place after expand saw
// it cannot hold the ingest.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = notRegular(info.Mode())
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// downloadCopy splits a browser's " (N)" copy number off a file name: "x (2).csv" is
// copy 2 of "x.csv", which is copy 0.
var copyNumber = regexp.MustCompile(`^(.*) \((\d{1,4})\)(\.[^./]*)?$`)

func downloadCopy(path string) (string, int) {
	m := copyNumber.FindStringSubmatch(path)
	if m == nil {
		return path, 0
	}
	n, _ := strconv.Atoi(m[2])
	return m[1] + m[3], n
}

func notAnExport(name string) bool {
	for _, suffix := range []string{".toml", ".key", ".duckdb", ".duckdb.wal", ".md"} {
		if strings.HasSuffix(strings.ToLower(name), suffix) {
			return true
		}
	}
	return false
}

func ingestFile(ctx context.Context, db *sql.DB, cfg *Config, keys *keyer, hints fileHints, path string, progress *progress) FileOutcome {
	o := FileOutcome{Path: path}
	fail := func(err error) FileOutcome {
		o.Status, o.Err = "failed", fileNotLoaded{err}
		return o
	}
	d, err := digestFirst(ctx, db, path)
	if err != nil {
		return fail(err)
	}
	// A file hashed first and found in the ingest log is passed over unparsed.
	switch err := withConn(ctx, db, func(c rawConn) error { return notLoaded(c, d.sha) }); {
	case errors.Is(err, errAlreadyLoaded):
		o.Status = "unchanged"
		return o
	case err != nil:
		return fail(err)
	}
	f, err := openRegular(path)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	run, err := openRun(progress.reader(d.reading(f)), path, cfg, keys, hints)
	if err != nil {
		return fail(err)
	}
	o.Kind, o.Encoding = run.f.kind.kind, run.f.encoding
	res, err := load(ctx, db, run, d)
	o.Notes = run.notes
	switch {
	case errors.Is(err, errAlreadyLoaded):
		o.Status = "unchanged"
		return o
	case err != nil:
		return fail(err)
	}
	o.Status, o.Rows, o.Rejected, o.Skipped, o.Replaced = "loaded", res.rows, res.rejected, res.skipped, res.replaced
	o.Counts = run.counts()
	return o
}

// HashWhileParsingFrom is the size from which a file is hashed while it is parsed instead
// of before: the SHA-256 of 2,6 GB takes 2,7 s, which the parse then no longer waits for.
// A file of the size of one loaded already may well be that file, and is hashed first all
// the same, so that it is passed over unparsed.
const HashWhileParsingFrom = 64 << 20

// hashWhileParsing is HashWhileParsingFrom, which a test makes small.
var hashWhileParsing int64 = HashWhileParsingFrom

// digest is a file's SHA-256 and size, which tell an unchanged file: hashed before the
// file is parsed (sha is set), or from the bytes the parser reads (reading), once they
// are read (sum).
type digest struct {
	sha  string
	size int64
	h    hash.Hash
	n    int64
	src  io.Reader
	eof  bool // src has said io.EOF: the hash holds the whole file as it was read
}

// digestFirst hashes a file before it is parsed, unless it is hashed while parsed
// (hashWhileParsing).
func digestFirst(ctx context.Context, db *sql.DB, path string) (*digest, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() >= hashWhileParsing {
		var sameSize int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM ingest_log WHERE bytes = ?`, info.Size()).Scan(&sameSize); err != nil {
			return nil, err
		}
		if sameSize == 0 {
			return &digest{h: sha256.New()}, nil
		}
	}
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &digest{h: sha256.New()}
	d.reading(f)
	if _, _, err := d.sum(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// reading returns r, hashing what is read of it unless the file is hashed already.
func (d *digest) reading(r io.Reader) io.Reader {
	if d.sha != "" {
		return r
	}
	d.src = r
	return d
}

// Read reads the file on, hashing what it reads.
func (d *digest) Read(b []byte) (int, error) {
	n, err := d.src.Read(b)
	d.n += int64(n)
	d.h.Write(b[:n])
	if errors.Is(err, io.EOF) {
		d.eof = true
	}
	return n, err
}

// sum returns the file's SHA-256 and size. A file hashed while parsed is read to its end
// first if its parser stopped before it (Google Analytics' further sections); what a
// file still being written gains after the parser read its end is not in the hash, so
// that the next ingest sees the file as changed and loads it.
func (d *digest) sum() (string, int64, error) {
	if d.sha == "" {
		if !d.eof {
			if _, err := io.Copy(io.Discard, d); err != nil {
				return "", 0, err
			}
		}
		d.sha, d.size = hex.EncodeToString(d.h.Sum(nil)), d.n
	}
	return d.sha, d.size, nil
}

// progress counts the bytes read of all files of one ingest and reports them.
type progress struct {
	report      func(done, total int64)
	total, done int64 // done counts the files finished
	sizes       map[string]int64
	read        int64 // of the current file
}

func newProgress(files []input, report func(done, total int64)) *progress {
	p := &progress{report: report, sizes: map[string]int64{}}
	for _, f := range files {
		if info, err := os.Stat(f.path); err == nil && f.passedOver == nil {
			p.sizes[f.path] = info.Size()
			p.total += info.Size()
		}
	}
	return p
}

// reader counts what is read through it; a progress without a report passes r through.
func (p *progress) reader(r io.Reader) io.Reader {
	if p.report == nil {
		return r
	}
	p.read = 0
	return &countingReader{r: r, p: p}
}

// fileDone counts a file as read whole, whether it was loaded, passed over or failed.
func (p *progress) fileDone(path string) {
	if p.report == nil {
		return
	}
	p.done += p.sizes[path]
	p.read = 0
	p.report(p.done, p.total)
}

type countingReader struct {
	r io.Reader
	p *progress
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.read += int64(n)
	c.p.report(c.p.done+c.p.read, c.p.total)
	return n, err
}
