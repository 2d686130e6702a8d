package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"bereik/queries"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	sectionBlock = regexp.MustCompile(`(?s)<section id="([^"]+)".*?</section>`)
	jsonData     = regexp.MustCompile(`(?s)(<script type="application/json" id="[^"]+">)(.*?)(</script>)`)
	styleOrCode  = regexp.MustCompile(`(?s)<style>.*?</style>|<script>.*?</script>`)
)

// pageParts splits a rendered page into the files of its golden folder: page.html, the
// page without its sections, its style and its scripts (each named by a placeholder),
// and one file per section, named by its id. JSON (chart options, download data) is
// indented, so that a change shows as the lines it changes.
func pageParts(tb testing.TB, page string) map[string]string {
	tb.Helper()
	indent := func(s string) string {
		return jsonData.ReplaceAllStringFunc(s, func(block string) string {
			m := jsonData.FindStringSubmatch(block)
			var b bytes.Buffer
			if err := json.Indent(&b, []byte(m[2]), "", "  "); err != nil {
				tb.Fatalf("JSON block %s: %v", m[1], err)
			}
			return m[1] + "\n" + b.String() + "\n" + m[3]
		})
	}
	parts := map[string]string{}
	skeleton := sectionBlock.ReplaceAllStringFunc(page, func(s string) string {
		id := sectionBlock.FindStringSubmatch(s)[1]
		parts[id+".html"] = indent(s) + "\n"
		return "<!-- " + id + ".html -->"
	})
	skeleton = styleOrCode.ReplaceAllStringFunc(skeleton, func(s string) string {
		switch {
		case strings.HasPrefix(s, "<style>"):
			return "<style><!-- templates/report.css --></style>"
		case strings.Contains(s, echartsLibrary):
			return "<script><!-- assets/echarts.min.js --></script>"
		}
		return "<script><!-- templates/report.js --></script>"
	})
	parts["page.html"] = skeleton
	return parts
}

// emptied are the results with no rows at all.
func emptied(results map[string]*queries.Result) map[string]*queries.Result {
	out := map[string]*queries.Result{}
	for name, res := range results {
		out[name] = &queries.Result{Query: res.Query, Columns: res.Columns, Declared: res.Declared}
	}
	return out
}

// TestGoldenSections renders reports of the fixtures and compares every section, and the
// page around them, with testdata/golden/<report>/<section>.html. The render is
// deterministic; go test -update rewrites the files, and the diff is the review.
func TestGoldenSections(t *testing.T) {
	for _, tc := range []struct {
		name    string
		results map[string]*queries.Result
		opts    Options
	}{
		{"programme-nl", withAnnotations(t, publishedResults(t), "2021-08-09", "start vlucht 2"), programmeOptions(t, "nl")},
		{"programme-en", publishedResults(t), programmeOptions(t, "en")},
		{"quarter-nl", publishedResults(t), quarterOptions(t, "nl")},
		{"campaign-flight-2", withAnnotations(t, publishedResults(t), "2021-08-09", "start vlucht 2"), campaignOptions(t, "nl", 2, "2021-08-09", "2021-09-12")},
		{"empty", emptied(publishedResults(t)), programmeOptions(t, "nl")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := pageParts(t, render(t, tc.results, tc.opts))
			dir := filepath.Join("testdata", "golden", tc.name)
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				for name, text := range got {
					if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			files, err := filepath.Glob(filepath.Join(dir, "*.html"))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, f := range files {
				names = append(names, filepath.Base(f))
			}
			if diff := cmp.Diff(names, slices.Sorted(maps.Keys(got))); diff != "" {
				t.Errorf("golden files (-want +got) (go test -update rewrites them):\n%s", diff)
			}
			for _, name := range names {
				want, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(want), got[name]); diff != "" {
					t.Errorf("%s/%s (-want +got) (go test -update rewrites it):\n%s", tc.name, name, diff)
				}
			}
		})
	}
}
