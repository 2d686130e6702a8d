package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"bereik/pipeline"
	"bereik/queries"
)

// readParquet runs SQL that reads exported files, in a database of its own: query --sql
// may not read files. It returns the result as query --format csv prints it.
func readParquet(tb testing.TB, sql string) string {
	tb.Helper()
	db, err := pipeline.Open(context.Background(), filepath.Join(tb.TempDir(), "scratch.duckdb"), pipeline.OpenOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	res, err := queries.RunSQL(context.Background(), db, sql)
	if err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	var b bytes.Buffer
	if err := writeCSV(&b, res); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// folderSums returns the SHA-256 of every file under dir, by path relative to it.
func folderSums(tb testing.TB, dir string) map[string][32]byte {
	tb.Helper()
	sums := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		sums[rel] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return sums
}

// checkCompleteExport checks that dir is a whole export: its manifest lists every file in
// it, each at its size, and every table's and question's rows read back from its Parquet.
func checkCompleteExport(tb testing.TB, dir string) pipeline.Manifest {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dir, pipeline.ManifestName))
	if err != nil {
		tb.Fatalf("no manifest: %v", err)
	}
	var m pipeline.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		tb.Fatal(err)
	}
	listed := map[string]int64{pipeline.ManifestName: int64(len(b))}
	for _, f := range m.Files {
		listed[filepath.FromSlash(f.Path)] = f.Bytes
	}
	found := folderSums(tb, dir)
	if len(found) != len(listed) {
		tb.Errorf("%s holds %d files, its manifest lists %d", dir, len(found), len(listed))
	}
	for rel := range found {
		info, err := os.Stat(filepath.Join(dir, rel))
		if want, ok := listed[rel]; !ok || err != nil || info.Size() != want {
			tb.Errorf("%s: %v; the manifest lists it %v at %d bytes", rel, err, ok, want)
		}
	}
	var union []string
	for _, p := range m.Parts {
		from := "'" + filepath.Join(dir, p.Path) + "'"
		if info, err := os.Stat(filepath.Join(dir, p.Path)); err == nil && info.IsDir() {
			from = "read_parquet('" + filepath.Join(dir, p.Path) + "/**/*.parquet', hive_partitioning = true)"
		}
		union = append(union, fmt.Sprintf("SELECT '%s' AS part, count(*) AS n, %d AS listed FROM %s", p.Name, p.Rows, from))
	}
	got := readParquet(tb, "SELECT part, n, listed FROM ("+strings.Join(union, " UNION ALL ")+") WHERE n <> listed")
	if got != "part,n,listed\n" {
		tb.Errorf("rows read back differ from the manifest's:\n%s", got)
	}
	return m
}

// bytesWritten returns how many bytes the process pid has written so far (wchar of
// /proc/PID/io), and false once it has exited.
func bytesWritten(pid int) (int64, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/io", pid))
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "wchar: "); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

// TestExportNeverDeletesWhatItDidNotWrite: export --parquet into a folder that holds the
// user's own files and no bereik manifest is refused (exit 2), every file left as it was;
// so is an earlier export that the user has put a file into since. An empty folder, a new
// one or an earlier export alone is written. Before, everything under DIR/tables was
// deleted.
func TestExportNeverDeletesWhatItDidNotWrite(t *testing.T) {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	base := t.TempDir()
	mine := filepath.Join(base, "analyse")
	for _, f := range []string{"tables/mijn-cijfers.csv", "tables/page_views/notities.txt", "questions/oud.parquet", "LEESMIJ.txt"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(mine, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeText(t, filepath.Join(mine, f), "van mij")
	}
	sums := folderSums(t, mine)
	var stderr bytes.Buffer
	if code := run([]string{"export", "--db", db, "--parquet", mine}, nil, &bytes.Buffer{}, &stderr); code != exitFailed ||
		!strings.Contains(stderr.String(), "is not a bereik export") {
		t.Errorf("export into a folder of one's own: exit %d, %s", code, stderr.String())
	}
	if got := folderSums(t, mine); len(got) != len(sums) {
		t.Errorf("the folder holds %d files, had %d", len(got), len(sums))
	}
	if left, _ := filepath.Glob(filepath.Join(base, ".analyse.*")); len(left) > 0 {
		t.Errorf("left beside it: %v", left)
	}

	// A new folder, and again over the export it holds.
	out := filepath.Join(base, "parquet")
	bereik(t, "export", "--db", db, "--parquet", out)
	first := checkCompleteExport(t, out)
	bereik(t, "export", "--db", db, "--parquet", out)
	if m := checkCompleteExport(t, out); m.LastFileID != first.LastFileID || len(m.Files) != len(first.Files) || m.LastLoad == nil {
		t.Errorf("the export again: %d files of the database's load %d, want %d of %d", len(m.Files), m.LastFileID, len(first.Files), first.LastFileID)
	}
	if left, _ := filepath.Glob(filepath.Join(base, ".parquet.*")); len(left) > 0 {
		t.Errorf("left beside the export: %v", left)
	}
	// A file of the user's in the earlier export: refused, and kept.
	writeText(t, filepath.Join(out, "tables", "page_views", "notities.txt"), "mijn notities")
	stderr.Reset()
	if code := run([]string{"export", "--db", db, "--parquet", out}, nil, &bytes.Buffer{}, &stderr); code != exitFailed ||
		!strings.Contains(stderr.String(), "tables/page_views/notities.txt") {
		t.Errorf("export over an export holding a file of the user's: exit %d, %s", code, stderr.String())
	}
	if b, err := os.ReadFile(filepath.Join(out, "tables", "page_views", "notities.txt")); err != nil || string(b) != "mijn notities" {
		t.Errorf("the user's file: %q, %v", b, err)
	}
	t.Logf("the demo's export: %d files, %d tables and questions", len(first.Files), len(first.Parts))
}

// TestExportOnAFullDiskOrKilledKeepsTheLastExport writes an export, then exports again in
// a process that cannot write a file past 64 kB (a full disk, for real) and in one killed
// (SIGKILL) halfway through writing, placed by bytes written. After each, the folder holds
// the earlier export whole: every file byte for byte as its manifest lists it. Before, the
// files were rewritten in place and a cut-off export left truncated Parquet under the
// final names.
func TestExportOnAFullDiskOrKilledKeepsTheLastExport(t *testing.T) {
	if _, ok := bytesWritten(os.Getpid()); !ok {
		t.Fatal("/proc/PID/io is not readable here: the kill cannot be placed")
	}
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "parquet")
	bereik(t, "export", "--db", db, "--parquet", out)
	before := folderSums(t, out)
	var total int64
	for rel := range before {
		info, _ := os.Stat(filepath.Join(out, rel))
		total += info.Size()
	}

	full := cli("export", "--db", db, "--parquet", out)
	full.Env = append(full.Env, fileSizeLimit+"=65536")
	msg, err := full.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitFailed {
		t.Fatalf("export on a full disk: %v, want exit 2\n%s", err, msg)
	}
	checkCompleteExport(t, out)
	if after := folderSums(t, out); len(after) != len(before) {
		t.Fatalf("after the full disk the export holds %d files, had %d", len(after), len(before))
	} else {
		for rel, sum := range before {
			if after[rel] != sum {
				t.Errorf("after the full disk %s changed", rel)
			}
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".parquet.*")); len(left) > 0 {
		t.Errorf("a failed export left %v", left)
	}

	kill := cli("export", "--db", db, "--parquet", out)
	if err := kill.Start(); err != nil {
		t.Fatal(err)
	}
	for {
		written, alive := bytesWritten(kill.Process.Pid)
		if !alive || written >= total/2 {
			break
		}
		runtime.Gosched()
	}
	kill.Process.Signal(syscall.SIGKILL)
	err = kill.Wait()
	killed := err != nil && strings.Contains(err.Error(), "killed")
	checkCompleteExport(t, out)
	same := 0
	for rel, sum := range folderSums(t, out) {
		if before[rel] == sum {
			same++
		}
	}
	if killed && same != len(before) {
		t.Errorf("after a kill halfway the export has %d of its %d files as they were", same, len(before))
	}
	t.Logf("%d files, %d bytes; a full disk (64 kB) and a kill halfway (killed before the end: %v) left it whole", len(before), total, killed)
}
