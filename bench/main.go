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
	reps := flag.Int("reps", 2, "repetitions of the headline comparison and of the scaling ingests (the shortest time and the largest peak count)")
	logLines := flag.Int("log-lines", 2_000_000, "lines of the access log compared with GoAccess")
	flag.Parse()
	if err := run(*dir, *bin, *rows, *reps, *logLines); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// measurement is one step's wall time and peak resident memory.
type measurement struct {
	seconds float64
	rssMiB  float64
}

// keep takes run r of a step measured more than once into m: the shortest time and the
// largest peak (first: r is the first run).
func (m *measurement) keep(r measurement, first bool) {
	if first || r.seconds < m.seconds {
		m.seconds = r.seconds
	}
	m.rssMiB = max(m.rssMiB, r.rssMiB)
}

func run(dir, bin string, rows, reps, logLines int) error {
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
		base.keep(b, i == 0)
		ingest.keep(g, i == 0)
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
	// 5: an access log, ingest plus report, against GoAccess on the same log.
	access, err := accessLog(dir, files[len(files)-1], logLines)
	if err != nil {
		return err
	}
	accessDB := db("access")
	accessIngest, err := child(bin, "ingest", "--db", accessDB, access)
	if err != nil {
		return err
	}
	accessReport, err := child(bin, "report", "--db", accessDB, "--programme", "-o", filepath.Join(dir, "access-report.html"))
	if err != nil {
		return err
	}
	var goaccess measurement
	goaccessBin, lookErr := exec.LookPath("goaccess")
	if lookErr == nil {
		if goaccess, err = child(goaccessBin, access, "--log-format=COMBINED", "--no-global-config", "-o", filepath.Join(dir, "goaccess.html")); err != nil {
			return err
		}
	}
	// 6: scaling. Each smaller file is ingested as often as the large one in step 2, so
	// that the peaks compared are the same statistic: the largest of reps runs.
	var scaling []measurement
	for _, f := range files[:len(files)-1] {
		var m measurement
		for i := range reps {
			r, err := child(bin, "ingest", "--db", db("scale"), f)
			if err != nil {
				return err
			}
			m.keep(r, i == 0)
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
	accessBoth := measurement{seconds: accessIngest.seconds + accessReport.seconds, rssMiB: max(accessIngest.rssMiB, accessReport.rssMiB)}
	line("5 access log ("+group(logLines)+" lines): bereik ingest", accessIngest, "")
	line("5 access log: bereik report --programme", accessReport, "")
	line("5 access log: bereik ingest + report", accessBoth, "")
	goaccessRatio := "-"
	if lookErr == nil {
		goaccessRatio = fmt.Sprintf("%.2f", goaccess.seconds/accessBoth.seconds)
		line("5 access log: GoAccess "+goaccessVersion(goaccessBin)+" to HTML", goaccess, goaccessRatio)
	} else {
		fmt.Println("5 access log: GoAccess is not installed (apt-get install goaccess): not compared")
	}
	for i, m := range scaling {
		line(fmt.Sprintf("6 scaling: ingest %s rows", group(sizes[i])), m, fmt.Sprintf("%.2f us/row", m.seconds*1e6/float64(sizes[i])))
	}
	fmt.Println()
	fmt.Println("ratio columns: 2 = baseline / ingest (above 1 is faster than read_csv); 3 = delta into full / into empty;")
	fmt.Println("4 = report / baseline; 5 = GoAccess / (bereik ingest + report). Targets: 2 >= 1.0 (aim 1.3),")
	fmt.Println("ingest peak <= 600 MiB and at 10M no more than 10% above 3M, 3 <= 1.5, 4 <= 0.4 and report peak <= 1 GiB, 5 >= 5.")
	fmt.Printf("report_vs_read_csv=%.2f\n", report.seconds/base.seconds)
	fmt.Printf("report_peak_mib=%.0f\n", report.rssMiB)
	fmt.Printf("ingest_peak_mib_3m=%.0f\n", scaling[1].rssMiB)
	fmt.Printf("ingest_peak_mib_10m=%.0f\n", scaling[2].rssMiB)
	fmt.Printf("delta_ratio=%.2f\n", nightly.seconds/empty.seconds)
	fmt.Printf("goaccess_vs_bereik=%s\n", goaccessRatio)
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

// accessLog writes, once, an access log of n lines in the combined log format of the
// large visit log's Kennisplein page views, in time order: each page view a GET of its page
// with its referrer, followed by requests a browser makes for it (a style sheet, an image)
// and, every so often, a request by a crawler, a redirect and a 404. The client is made
// from the visitor, the user agent from a few browsers.
func accessLog(dir, visitLog string, n int) (string, error) {
	path := filepath.Join(dir, fmt.Sprintf("kennisplein.access-%d.log", n))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	in, err := os.Open(visitLog)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.Create(path + ".tmp")
	if err != nil {
		return "", err
	}
	defer out.Close()
	w := bufio.NewWriterSize(out, 1<<20)
	agents := []string{
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36",
		"Mozilla/5.0 (iPhone; CPU iPhone OS 14_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.1 Mobile/15E148 Safari/604.1",
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.1 Safari/605.1.15",
		"Mozilla/5.0 (X11; Linux x86_64; rv:89.0) Gecko/20100101 Firefox/89.0",
	}
	const host = "https://www.kennispleingehandicaptensector.nl"
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	lines := 0
	for i := 0; sc.Scan() && lines < n; i++ {
		f := strings.Split(sc.Text(), ",")
		if i == 0 || len(f) < 11 || f[3] != "kennisplein" {
			continue
		}
		t, err := time.Parse(time.DateTime, f[0])
		if err != nil {
			continue
		}
		var v uint64
		fmt.Sscanf(f[2], "%x", &v)
		ip := fmt.Sprintf("%d.%d.%d.%d", 10+v%200, (v>>8)%256, (v>>16)%256, 1+(v>>24)%254)
		ua := agents[v%uint64(len(agents))]
		at := t.Format("02/Jan/2006:15:04:05") + " +0200"
		page := strings.TrimPrefix(f[4], host)
		ref := f[6]
		if ref == "" {
			ref = "-"
		}
		fmt.Fprintf(w, "%s - - [%s] \"GET %s HTTP/1.1\" 200 %d \"%s\" \"%s\"\n", ip, at, page, 18000+v%9000, ref, ua)
		fmt.Fprintf(w, "%s - - [%s] \"GET /wp-content/themes/kennisplein/style.css HTTP/1.1\" 200 48213 \"%s\" \"%s\"\n", ip, at, f[4], ua)
		lines += 2
		if i%3 == 0 {
			fmt.Fprintf(w, "%s - - [%s] \"GET /wp-content/uploads/2021/06/foto.jpg HTTP/1.1\" 200 88120 \"%s\" \"%s\"\n", ip, at, f[4], ua)
			lines++
		}
		if i%20 == 0 {
			fmt.Fprintf(w, "66.249.66.%d - - [%s] \"GET %s HTTP/1.1\" 200 18000 \"-\" \"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)\"\n", v%250, at, page)
			fmt.Fprintf(w, "%s - - [%s] \"GET /oude-pagina HTTP/1.1\" 404 512 \"-\" \"%s\"\n", ip, at, ua)
			lines += 2
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	if err := out.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(path+".tmp", path)
}

// goaccessVersion is GoAccess's version, as it prints it.
func goaccessVersion(bin string) string {
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return ""
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(first), "GoAccess - "), ".")
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
