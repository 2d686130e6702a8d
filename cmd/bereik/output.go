package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"bereik/pipeline"
)

// writeBeside writes the file target through write: into a new file in target's folder,
// which is synced and renamed onto target only once it is whole. A kill, a full disk or
// an error leaves what was at target before (or nothing), never half a new file. Where
// target is a link, the file the link points to is replaced and the link kept. The report
// (and every other file bereik writes for people) is written this way.
func writeBeside(target string, write func(w io.Writer) error) (err error) {
	path := followLinks(target)
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	if err := f.Chmod(mode); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	return os.Rename(f.Name(), path)
}

// refuseDatabaseFiles returns an error if target is the database at dbPath, its WAL or
// its hashing key: the same file, also through a link or a hard link, or for one that
// does not exist (a WAL between loads) the same path. A report written there would
// destroy the database or its key.
func refuseDatabaseFiles(flag, target, dbPath string) error {
	targetInfo, targetErr := os.Stat(target)
	for _, f := range pipeline.DatabaseFiles(dbPath) {
		info, err := os.Stat(f.Path)
		same := err == nil && targetErr == nil && os.SameFile(info, targetInfo)
		if !same && err != nil && errors.Is(err, fs.ErrNotExist) {
			same = resolvePath(target) == resolvePath(f.Path)
		}
		if same {
			return withHint(fmt.Errorf("%s %s is %s: writing there would destroy it; nothing was written", flag, target, f.What),
				"give another output file")
		}
	}
	return nil
}

// resolvePath is path absolute, through the links of its folders and of itself, whether
// or not the file it names exists.
func resolvePath(path string) string {
	abs, err := filepath.Abs(followLinks(path))
	if err != nil {
		return filepath.Clean(path)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// followLinks returns the path a chain of links at path ends in, also where that file
// does not exist yet; path itself where it is no link.
func followLinks(path string) string {
	for range 40 { // as the kernel's limit on links in a row
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path
		}
		to, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return path
}
