// Command bench measures bereik's ingest against DuckDB's own CSV reader on the same
// visit log in the same run, and the nightly delta, the report and peak memory. It is
// what `make bench` runs; docs/BENCHMARKS.md explains the method and keeps the results.
//
// Every step runs as a child process, so that its peak RSS is its own (getrusage of the
// child). Times vary between runs on a shared machine: each comparison takes the minimum
// of its repetitions, measured alternately.
package main

import (
	"bufio"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "read-csv" {
		if err := readCSV(os.Args[2], os.Args[3]); err != nil {
			fmt.Fprintln(os.Stderr, "bench read-csv:", err)
			os.Exit(1)
		}
		return
	}
	dir := flag.String("dir", "out/bench", "folder for the generated visit logs and databases")
	bin := flag.String("bereik", "bin/bereik", "the bereik binary to measure")
	rows := flag.Int("rows", 10_000_000, "rows of the large visit log")
	reps := flag.Int("reps", 2, "repetitions of the headline comparison (the minimum counts)")
	flag.Parse()
	if err := run(*dir, *bin, *rows, *reps); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// measurement is one step's wall time and peak resident memory.
type measurement struct {
	seconds float64
	rssMiB  float64
}

func run(dir, bin string, rows, reps int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	sizes := []int{rows / 10, rows * 3 / 10, rows}
	files, delta, err := visitLogs(dir, bin, sizes, 30_000)
	if err != nil {
		return err
	}
	large := files[len(files)-1]
	info, err := os.Stat(large)
	if err != nil {
		return err
	}
	fmt.Printf("machine: %d cores; visit log: %s rows, %.2f GB\n\n", numCPU(), group(rows), float64(info.Size())/1e9)

	self, err := os.Executable()
	if err != nil {
		return err
	}
	db := func(name string) string {
		p := filepath.Join(dir, name+".duckdb")
		for _, suffix := range []string{"", ".wal", ".key"} {
			os.Remove(p + suffix)
		}
		return p
	}
	// 1 and 2: the headline, alternating the baseline and bereik.
	var base, ingest measurement
	for i := range reps {
		b, err := child(self, "read-csv", large, db("baseline"))
		if err != nil {
			return err
		}
		g, err := child(bin, "ingest", "--db", db("ingest"), large)
		if err != nil {
			return err
		}
		if i == 0 || b.seconds < base.seconds {
			base.seconds = b.seconds
		}
		if i == 0 || g.seconds < ingest.seconds {
			ingest.seconds = g.seconds
		}
		base.rssMiB, ingest.rssMiB = max(base.rssMiB, b.rssMiB), max(ingest.rssMiB, g.rssMiB)
	}
	full := filepath.Join(dir, "ingest.duckdb") // the last repetition's database

	// 4: the report on the full database (before the delta, so it reads exactly `rows`).
	report, err := child(bin, "report", "--db", full, "--programme", "-o", filepath.Join(dir, "report.html"))
	if err != nil {
		return err
	}
	// 3: the nightly delta, into the full database and into an empty one.
	empty, err := child(bin, "ingest", "--db", db("delta-empty"), delta)
	if err != nil {
		return err
	}
	nightly, err := child(bin, "ingest", "--db", full, delta)
	if err != nil {
		return err
	}
	// 6: scaling.
	var scaling []measurement
	for _, f := range files[:len(files)-1] {
		m, err := child(bin, "ingest", "--db", db("scale"), f)
		if err != nil {
			return err
		}
		scaling = append(scaling, m)
	}
	scaling = append(scaling, ingest)

	fmt.Printf("%-48s %10s %10s %10s\n", "step", "seconds", "peak MiB", "ratio")
	line := func(name string, m measurement, ratio string) {
		fmt.Printf("%-48s %10.2f %10.0f %10s\n", name, m.seconds, m.rssMiB, ratio)
	}
	ratio := base.seconds / ingest.seconds
	line("1 baseline: DuckDB read_csv + CHECKPOINT", base, "")
	line("2 bereik ingest", ingest, fmt.Sprintf("%.2f", ratio))
	line("3 nightly delta (30.000 rows) into empty db", empty, "")
	line("3 nightly delta into the "+group(rows)+"-row db", nightly, fmt.Sprintf("%.2f", nightly.seconds/empty.seconds))
	line("4 bereik report --programme", report, fmt.Sprintf("%.2f", report.seconds/base.seconds))
	for i, m := range scaling {
		line(fmt.Sprintf("6 scaling: ingest %s rows", group(sizes[i])), m, fmt.Sprintf("%.2f us/row", m.seconds*1e6/float64(sizes[i])))
	}
	fmt.Println()
	fmt.Println("ratio columns: 2 = baseline / ingest (above 1 is faster than read_csv); 3 = delta into full / into empty;")
	fmt.Println("4 = report / baseline. Targets: 2 >= 1.0 (aim 1.3), ingest peak <= 600 MiB, 3 <= 1.5, 4 <= 0.4.")
	fmt.Printf("ingest_vs_read_csv=%.2f\n", ratio)
	return nil
}

// child runs a command and returns its wall time and peak RSS.
func child(name string, args ...string) (measurement, error) {
	cmd := exec.Command(name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	start := time.Now()
	err := cmd.Run()
	m := measurement{seconds: time.Since(start).Seconds()}
	if err != nil {
		return m, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.rssMiB = float64(ru.Maxrss) / 1024 // KiB on Linux
	}
	return m, nil
}

// readCSV is the baseline: DuckDB's own CSV reader into a table of the same column types
// bereik's visit log has, through the same driver.
func readCSV(file, dbPath string) error {
	db, err := sql.Open("duckdb", dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(`CREATE TABLE page_views AS SELECT * FROM read_csv(` + quote(file) + `,
		header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
		columns = {'timestamp': 'TIMESTAMP', 'visit_id': 'VARCHAR', 'visitor_id': 'VARCHAR', 'site': 'VARCHAR',
		           'url': 'VARCHAR', 'page_title': 'VARCHAR', 'referrer': 'VARCHAR', 'utm_source': 'VARCHAR',
		           'utm_medium': 'VARCHAR', 'utm_campaign': 'VARCHAR', 'time_on_page': 'INTEGER'})`)
	if err != nil {
		return err
	}
	_, err = db.Exec(`CHECKPOINT`)
	return err
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// visitLogs writes, once, visit logs of the given sizes (prefixes of one reproducible
// stream made by `bereik demo --scale`) and a delta of the rows after the largest.
func visitLogs(dir, bin string, sizes []int, deltaRows int) ([]string, string, error) {
	var files []string
	for _, n := range sizes {
		files = append(files, filepath.Join(dir, fmt.Sprintf("visits-%d.csv", n)))
	}
	delta := filepath.Join(dir, fmt.Sprintf("delta-%d.csv", deltaRows))
	ready := filepath.Join(dir, "visit-logs.ready")
	if _, err := os.Stat(ready); err == nil {
		return files, delta, nil
	}
	largest := sizes[len(sizes)-1]
	demoDir := filepath.Join(dir, "demo")
	os.RemoveAll(demoDir)
	// The demo writes about 184.000 page views per unit of scale.
	scale := fmt.Sprint((largest+deltaRows)/180_000 + 1)
	fmt.Fprintf(os.Stderr, "bench: generating the visit logs (bereik demo --scale %s), once\n", scale)
	if out, err := exec.Command(bin, "demo", "--dir", demoDir, "--scale", scale).CombinedOutput(); err != nil {
		return nil, "", fmt.Errorf("demo: %w\n%s", err, out)
	}
	months, err := filepath.Glob(filepath.Join(demoDir, "bezoeken_*.csv"))
	if err != nil {
		return nil, "", err
	}
	outs := make([]*bufio.Writer, len(files)+1)
	for i, name := range append(append([]string{}, files...), delta) {
		f, err := os.Create(name)
		if err != nil {
			return nil, "", err
		}
		defer f.Close()
		outs[i] = bufio.NewWriterSize(f, 1<<20)
	}
	written := 0
	for mi, month := range months { // bezoeken_YYYY-MM.csv sort in time order
		f, err := os.Open(month)
		if err != nil {
			return nil, "", err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for first := true; sc.Scan(); first = false {
			line := append(sc.Bytes(), '\n')
			if first {
				if mi == 0 {
					for _, w := range outs {
						w.Write(line)
					}
				}
				continue
			}
			for i, n := range sizes {
				if written < n {
					outs[i].Write(line)
				}
			}
			if written >= largest && written < largest+deltaRows {
				outs[len(outs)-1].Write(line)
			}
			written++
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, "", err
		}
	}
	if written < largest+deltaRows {
		return nil, "", fmt.Errorf("the demo wrote %d rows, fewer than %d", written, largest+deltaRows)
	}
	for _, w := range outs {
		if err := w.Flush(); err != nil {
			return nil, "", err
		}
	}
	os.RemoveAll(demoDir)
	return files, delta, os.WriteFile(ready, nil, 0o644)
}

func group(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func numCPU() int {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return 0
	}
	return strings.Count(string(data), "processor\t:")
}
