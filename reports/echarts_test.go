package reports

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// drawScript runs the page's own init script in Node, against the embedded ECharts in
// server-side rendering mode, and prints each chart's SVG. The document is a stub that
// holds the page's chart containers and data blocks.
const drawScript = `
const fs = require('fs'), vm = require('vm');
const html = fs.readFileSync(process.argv[2], 'utf8');
const real = require(process.argv[3]);
const blocks = {};
for (const m of html.matchAll(/<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g)) blocks[m[1]] = m[2];
const containers = [...html.matchAll(/<div id="([^"]+)"[^>]*data-chart>/g)].map(m => ({ id: m[1], textContent: 'fallback' }));
const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(m => m[1]);
const lang = /<html lang="(\w+)"/.exec(html)[1];
const svgs = {};
let alerted = false;
vm.runInNewContext(scripts[scripts.length - 1], {
  document: {
    documentElement: { lang, classList: { add() {} } },
    querySelectorAll: selector => selector === '[data-chart]' ? containers : [],
    getElementById: id => blocks[id] === undefined ? null : { textContent: blocks[id] },
  },
  window: { addEventListener() {} },
  alert: () => { alerted = true; },
  Intl, JSON, Object, Array, String,
  echarts: {
    init(el, theme, o) {
      if (!o || o.renderer !== 'svg') throw new Error('charts must use the SVG renderer');
      const c = real.init(null, theme, { renderer: 'svg', ssr: true, width: 800, height: 400 });
      if (el.textContent !== '') throw new Error('chart ' + el.id + ' still holds its text for a page without scripts');
      return { setOption(opts) { c.setOption(opts); svgs[el.id] = c.renderToSVGString(); }, resize() {} };
    },
  },
});
// Exit only once the output is written: a pipe takes large writes asynchronously.
process.stdout.write(JSON.stringify({ alerted, svgs }), () => process.exit(0));
`

// TestChartsDrawWithECharts draws every chart of a rendered report with the embedded
// ECharts. It needs Node and is skipped without it.
func TestChartsDrawWithECharts(t *testing.T) {
	node := lookNode(t)
	dir := t.TempDir()
	results := withTopTitles(t, publishedResults(t), "__f__function(){alert(1)}__f__")
	results = withAnnotations(t, results, "2021-08-09", "start vlucht 2")
	out := render(t, results, programmeOptions(t, "nl"))
	for name, text := range map[string]string{"report.html": out, "echarts.js": echartsLibrary, "draw.js": drawScript} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(node, filepath.Join(dir, "draw.js"), filepath.Join(dir, "report.html"), filepath.Join(dir, "echarts.js"))
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderrOf(err))
	}
	var drawn struct {
		Alerted bool
		SVGs    map[string]string
	}
	if err := json.Unmarshal(stdout, &drawn); err != nil {
		t.Fatalf("node output: %v", err)
	}
	if drawn.Alerted {
		t.Error("drawing the charts ran text from an export")
	}
	containers := regexp.MustCompile(`<div id="([^"]+)"[^>]*data-chart>`).FindAllStringSubmatch(out, -1)
	if len(containers) != 17 {
		t.Errorf("%d charts on the page, want 17", len(containers))
	}
	for _, c := range containers {
		if !strings.Contains(drawn.SVGs[c[1]], "<svg") {
			t.Errorf("chart %s was not drawn", c[1])
		}
	}
	texts := func(svg string) string {
		var s []string
		for _, m := range regexp.MustCompile(`>([^<>]+)</text>`).FindAllStringSubmatch(svg, -1) {
			s = append(s, m[1])
		}
		return strings.Join(s, "|")
	}
	for id, want := range map[string][]string{
		"chart-visits": {"sep-nov 2019", "jun-aug 2021", "Nieuw", "Terugkerend", "5.000", "start vlucht 2"},
		// The ads' clicks, not their impressions, then each step with its part of the one before.
		"chart-funnel":  {"Advertenties: klikken op links", "Kennisplein: bezoeken", "12.253 (0,86%)", "5.363 (43,77%)", "892 (16,63%)"},
		"chart-twinkel": {"Vlucht 1", "Vlucht 2 (deels)", "statisch (foto met quote)", "1.000.000"},
		// The __f__ title is drawn as text, its marker broken by an invisible word joiner.
		"chart-top-kennisplein": {"__f\u2060__function(){ale", "1.874"},
		"chart-top-vilans":      {"2.301"},
		// The top five channels and the rest, as parts of each quarter: the axis in percent.
		"chart-referrals":          {"mrt-mei 2021", "jun-aug 2021", "Direct", "Eigen sites", "Andere sites", "Zoekmachines", "YouTube", "Overig", "100%"},
		"chart-channels":           {"mrt-mei 2021", "LinkedIn", "Facebook", "YouTube"},
		"chart-knowledge-products": {"Dossier Ervaringsleren", "7.329", "776"},
		"chart-themes":             {"Meedoen &amp; Activering", "27.498", "(geen thema)"},
		"chart-organisations":      {"Ipse de Bruggen", "19.008"},
		"chart-posts-linkedin":     {"10.400", "8.192"},
		"chart-posts-youtube":      {"Milan over communicatie", "1.639"},
		"chart-forecast":           {"Gemeten t/m 31 aug 2021", "Prognose 28 nov 2021", "1.423.737", "3.126.638"},
		"chart-top-twinkels":       {"Prinsenstichting bouwt", "2.032"},
		"chart-gaps":               {"Dagen met gegevens", "Zonder gegevens", "kennisplein · paginawee"},
	} {
		got := texts(drawn.SVGs[id])
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: drawn text %q lacks %q", id, got, w)
			}
		}
	}
}

// lookNode finds Node, or skips the test without it (fails it on CI).
func lookNode(tb testing.TB) string {
	tb.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal("node is not installed; .ci/run must install it")
		}
		tb.Skip("node is not installed")
	}
	return node
}

func stderrOf(err error) string {
	if e, ok := err.(*exec.ExitError); ok {
		return string(e.Stderr)
	}
	return ""
}
