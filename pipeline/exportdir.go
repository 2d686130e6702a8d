package pipeline

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// ManifestName is the file that marks a folder as an export bereik wrote, listing what
// it wrote there.
const ManifestName = "bereik-export.json"

// Manifest describes one export: the database it came from and how far that was loaded,
// the tables and questions with their rows, and every file written.
type Manifest struct {
	// Format marks the file as bereik's; it is 1.
	Format int `json:"bereik_export"`
	// Database is the database file exported.
	Database string `json:"database"`
	// LastLoad is when the last file was loaded into the database, and LastFileID its id:
	// two exports of the same LastFileID hold the same data.
	LastLoad   *time.Time `json:"last_load"`
	LastFileID int64      `json:"last_file_id"`
	// Parts are the tables and questions written, their paths relative to the folder.
	Parts []ExportedFile `json:"parts"`
	// Files are every file written, relative to the folder, with its size.
	Files []ManifestFile `json:"files"`
}

// ManifestFile is one file an export wrote.
type ManifestFile struct {
	Path  string `json:"path"`
	Bytes int64  `json:"bytes"`
}

// ExportFolder is an export being written: into a new folder beside its target, which
// Commit swaps in for the target once the export is whole. The folder at the target is
// never written into, so a kill or a full disk leaves it as it was, and of an earlier
// export only the files its manifest lists are deleted.
type ExportFolder struct {
	target string // the folder the export goes to, through links
	dir    string // the new folder beside it
	done   bool
	// Leftover, after Commit, says what of the earlier export could not be deleted.
	Leftover error
}

// NewExport prepares an export to the folder target: target must not exist, be empty, or
// hold an earlier bereik export and nothing else.
func NewExport(target string) (*ExportFolder, error) {
	path := target
	if resolved, err := filepath.EvalSymlinks(target); err == nil {
		path = resolved
	}
	if err := checkExportTarget(path); err != nil {
		return nil, fmt.Errorf("%s: %w", target, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &ExportFolder{target: path, dir: dir}, nil
}

// Dir is the folder to write the export into.
func (x *ExportFolder) Dir() string { return x.dir }

// Abort removes the new folder, unless Commit swapped it in.
func (x *ExportFolder) Abort() {
	if !x.done {
		os.RemoveAll(x.dir)
	}
}

// checkExportTarget refuses a target that is a file, or a folder holding anything but an
// earlier bereik export.
func checkExportTarget(path string) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return errors.New("is a file, not a folder; nothing was written")
	}
	entries, err := os.ReadDir(path)
	if err != nil || len(entries) == 0 {
		return err
	}
	m, err := readManifest(path)
	if err != nil {
		return fmt.Errorf("the folder holds files and is not a bereik export (it has no readable %s: %w); export into a new or empty folder, nothing was written or deleted", ManifestName, err)
	}
	var foreign []string
	for _, f := range filesUnder(path) {
		if f != ManifestName && !slices.ContainsFunc(m.Files, func(mf ManifestFile) bool { return mf.Path == f }) {
			foreign = append(foreign, f)
		}
	}
	if len(foreign) > 0 {
		if len(foreign) > 5 {
			foreign = append(foreign[:5], fmt.Sprintf("and %d more", len(foreign)-5))
		}
		return fmt.Errorf("the folder holds files an earlier bereik export did not write (%s); move them out, or export into a new folder; nothing was written or deleted", strings.Join(foreign, ", "))
	}
	return nil
}

func readManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if m.Format != 1 {
		return nil, fmt.Errorf("%s is not bereik's", ManifestName)
	}
	return &m, nil
}

// filesUnder lists the files under dir, relative to it, with / between folders.
func filesUnder(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

// Commit writes the manifest of parts (written into Dir) and puts the new folder in the
// target's place. It returns parts with their paths in the target.
func (x *ExportFolder) Commit(ctx context.Context, db *sql.DB, dbPath string, parts []ExportedFile) ([]ExportedFile, error) {
	m := Manifest{Format: 1, Database: dbPath}
	var last sql.NullTime
	var lastID sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(loaded_at), max(file_id) FROM ingest_log`).Scan(&last, &lastID); err != nil {
		return nil, err
	}
	if last.Valid {
		m.LastLoad = &last.Time
	}
	m.LastFileID = lastID.Int64
	final := make([]ExportedFile, len(parts))
	for i, p := range parts {
		rel, err := filepath.Rel(x.dir, p.Path)
		if err != nil {
			return nil, err
		}
		m.Parts = append(m.Parts, ExportedFile{Name: p.Name, Path: filepath.ToSlash(rel), Rows: p.Rows})
		final[i] = ExportedFile{Name: p.Name, Path: filepath.Join(x.target, rel), Rows: p.Rows}
	}
	for _, f := range filesUnder(x.dir) {
		info, err := os.Stat(filepath.Join(x.dir, f))
		if err != nil {
			return nil, err
		}
		m.Files = append(m.Files, ManifestFile{Path: f, Bytes: info.Size()})
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := writeSynced(filepath.Join(x.dir, ManifestName), append(b, '\n')); err != nil {
		return nil, err
	}
	old, err := x.swap()
	if err != nil {
		return nil, err
	}
	x.done = true
	if old != "" {
		x.Leftover = removeExport(old)
	}
	return final, nil
}

// swap puts the new folder in the target's place. An earlier export there is exchanged
// with it in one step where the file system can (Linux' RENAME_EXCHANGE), else moved
// aside first; swap returns where the earlier export is now, or "".
func (x *ExportFolder) swap() (string, error) {
	if err := checkExportTarget(x.target); err != nil { // again: a file may have come since
		return "", fmt.Errorf("%s: %w", x.target, err)
	}
	if err := os.Rename(x.dir, x.target); err == nil { // no folder there, or an empty one
		return "", nil
	}
	if err := exchange(x.dir, x.target); err == nil {
		return x.dir, nil // the new folder's name holds the earlier export now
	}
	aside, err := os.MkdirTemp(filepath.Dir(x.target), "."+filepath.Base(x.target)+".old-")
	if err != nil {
		return "", err
	}
	os.Remove(aside)
	if err := os.Rename(x.target, aside); err != nil {
		return "", err
	}
	if err := os.Rename(x.dir, x.target); err != nil {
		return "", errors.Join(err, os.Rename(aside, x.target))
	}
	return aside, nil
}

// removeExport deletes an earlier export: the files its manifest lists, then the folders
// left empty. Anything else stays, and the error says where.
func removeExport(dir string) error {
	m, err := readManifest(dir)
	if err != nil {
		return fmt.Errorf("the earlier export, moved to %s: %w; delete it by hand", dir, err)
	}
	for _, f := range m.Files {
		os.Remove(filepath.Join(dir, filepath.FromSlash(f.Path)))
	}
	os.Remove(filepath.Join(dir, ManifestName))
	var dirs []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs = append(dirs, path)
		}
		return nil
	})
	for _, d := range slices.Backward(dirs) {
		os.Remove(d) // fails, and keeps it, where it is not empty
	}
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("the earlier export was replaced; %s holds files it did not list, which were kept there", dir)
	}
	return nil
}

// writeSynced writes a file and syncs it to disk.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
