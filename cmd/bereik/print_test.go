package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// printBoxesScript lists what is wrong with the page's layout as it is now: per block of
// the report, the boxes of its charts, its tables' captions and its tables' rows must
// not intersect, and every one, and every chart's drawing, must fit the page's width.
const printBoxesScript = `(() => {
  const width = document.documentElement.clientWidth;
  const box = el => { const r = el.getBoundingClientRect(); return { l: r.left, r: r.right, t: r.top, b: r.bottom }; };
  const union = boxes => ({ l: Math.min(...boxes.map(b => b.l)), r: Math.max(...boxes.map(b => b.r)),
    t: Math.min(...boxes.map(b => b.t)), b: Math.max(...boxes.map(b => b.b)) });
  const problems = [];
  document.querySelectorAll('.block').forEach((block, i) => {
    const parts = [];
    block.querySelectorAll('[data-chart]').forEach(el => {
      parts.push(['chart ' + el.id, box(el)]);
      const drawing = el.querySelector('svg');
      if (!drawing) { problems.push('chart ' + el.id + ' is not drawn'); }
      else if (box(drawing).r > width + 1) { problems.push('chart ' + el.id + ' is drawn ' + Math.round(box(drawing).r) + ' px wide on a page of ' + width); }
    });
    block.querySelectorAll('table').forEach(table => {
      const caption = table.querySelector('caption');
      const name = caption ? caption.id : 'table ' + i;
      if (caption) { parts.push(['caption of ' + name, box(caption)]); }
      const rows = [...table.querySelectorAll('thead, tbody, tfoot')].map(box);
      if (rows.length) { parts.push(['rows of ' + name, union(rows)]); }
    });
    parts.forEach(([name, b]) => {
      if (b.l < -1 || b.r > width + 1) { problems.push(name + ' runs from ' + Math.round(b.l) + ' to ' + Math.round(b.r) + ' px on a page of ' + width); }
    });
    for (let a = 0; a < parts.length; a++) {
      for (let c = a + 1; c < parts.length; c++) {
        const x = parts[a][1], y = parts[c][1];
        if (x.l < y.r - 1 && y.l < x.r - 1 && x.t < y.b - 1 && y.t < x.b - 1) { problems.push(parts[a][0] + ' overlaps ' + parts[c][0]); }
      }
    }
  });
  if (document.documentElement.scrollWidth > width + 1) { problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide, its paper ' + width); }
  return problems;
})()`

// printWidths are the widths a report is laid out at when printed on A4 and Letter in
// the report's 15 mm margins, in CSS pixels (96 an inch), as bereik report --pdf lays it
// out.
var printWidths = map[string]int64{"A4": papers["a4"].printableWidth(), "Letter": papers["letter"].printableWidth()}

// TestReportPrintsInChromium lays the demo's reports out in Chromium in print media at
// the printable width of A4 and of Letter: in every block, the charts, the tables'
// captions and the tables' rows do not overlap, and each fits the page's width. It saves
// a screenshot of each in the test's artifact directory. It needs Chromium; skipped
// without one, except in CI.
func TestReportPrintsInChromium(t *testing.T) {
	chromium := chromiumPath(t)
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(filepath.Dir(db), "exports", "bereik.toml")
	browser := newBrowser(t, chromium)
	own := readOwnScripts(t)
	dir := t.TempDir()
	for _, report := range []struct {
		name string
		args []string
	}{
		{"quarter", []string{"--quarter", "2021-06"}},
		{"programme", []string{"--programme"}},
		{"campaign", []string{"--campaign", "Twinkels 2021", "--lang", "en"}},
	} {
		file := filepath.Join(dir, report.name+".html")
		bereik(t, append([]string{"report", "--db", db, "--config", config, "-o", file}, report.args...)...)
		for paper, width := range printWidths {
			t.Run(report.name+" on "+paper, func(t *testing.T) {
				p := openPage(t, browser, file, 1280, false)
				if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(width, 1100)); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](nextFrames+"().then(() => true)", chromedp.EvalAwaitPromise)); err != nil {
					t.Fatal(err)
				}
				problems, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](printBoxesScript))
				if err != nil {
					t.Fatal(err)
				}
				for _, problem := range problems {
					t.Errorf("printed on %s (%d px): %s", paper, width, problem)
				}
				p.facts = p.read(t)
				for _, problem := range p.problems(file, own) {
					t.Errorf("printed on %s: %s", paper, problem)
				}
				p.screenshot(t, filepath.Join(t.ArtifactDir(), report.name+"-print-"+paper+".png"))
			})
		}
	}
}

// TestReportAsPDF writes the quarter's report as a PDF through Chromium, beside its
// target, and refuses the database as the target; without Chromium it says how to
// install it and writes nothing.
func TestReportAsPDF(t *testing.T) {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("without Chromium", func(t *testing.T) {
		t.Setenv("CHROMIUM", "")
		t.Setenv("PATH", t.TempDir())
		dir := t.TempDir()
		var stderr bytes.Buffer
		code := run([]string{"report", "--db", db, "--quarter", "2021-06", "--pdf", filepath.Join(dir, "q.pdf")}, nil, &bytes.Buffer{}, &stderr)
		if code != exitFailed || !strings.Contains(stderr.String(), "writing a PDF needs Chromium") || !strings.Contains(stderr.String(), "apt-get install chromium") {
			t.Errorf("exit %d, stderr %q; want exit 2 saying how to install Chromium", code, stderr.String())
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("without Chromium, %d files were written", len(entries))
		}
	})
	t.Run("the database as target", func(t *testing.T) {
		var stderr bytes.Buffer
		code := run([]string{"report", "--db", db, "--quarter", "2021-06", "--pdf", db}, nil, &bytes.Buffer{}, &stderr)
		if code != exitFailed || !strings.Contains(stderr.String(), "--pdf "+db+" is the database") {
			t.Errorf("exit %d, stderr %q; want exit 2 refusing the database", code, stderr.String())
		}
	})
	t.Run("with Chromium", func(t *testing.T) {
		chromium := chromiumPath(t)
		t.Setenv("CHROMIUM", chromium)
		dir := t.TempDir()
		pdf, html := filepath.Join(dir, "kwartaal.pdf"), filepath.Join(dir, "kwartaal.html")
		bereik(t, "report", "--db", db, "--quarter", "2021-06", "--pdf", pdf, "--paper", "letter", "-o", html)
		doc, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(doc, []byte("%PDF-")) || len(doc) < 50_000 {
			t.Errorf("%s is %d bytes starting %q, want a PDF of the report", pdf, len(doc), doc[:min(8, len(doc))])
		}
		if _, err := os.Stat(html); err != nil {
			t.Errorf("with -o the HTML is written too: %v", err)
		}
		// Written beside its target and renamed: nothing else is left in the folder.
		if entries, _ := os.ReadDir(dir); len(entries) != 2 {
			t.Errorf("the folder holds %d files, want the PDF and the HTML", len(entries))
		}
		if text, err := exec.Command("pdftotext", pdf, "-").Output(); err == nil && !strings.Contains(string(text), "12.456") {
			t.Errorf("the PDF's text lacks the main site's visits 12.456")
		}
	})
}
