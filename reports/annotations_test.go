package reports

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// visitsMarks are the mark lines of the visits chart: each one's quarter and name.
func visitsMarks(tb testing.TB, page string) [][2]string {
	tb.Helper()
	var chart struct {
		Series []struct {
			MarkLine *struct {
				Data []struct {
					Name  string `json:"name"`
					XAxis string `json:"xAxis"`
				} `json:"data"`
				Label struct {
					Formatter string `json:"formatter"`
				} `json:"label"`
			} `json:"markLine"`
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(chartData(tb, page)["chart-visits-data"]), &chart); err != nil {
		tb.Fatal(err)
	}
	var marks [][2]string
	for _, s := range chart.Series {
		if s.MarkLine == nil {
			continue
		}
		if s.MarkLine.Label.Formatter != "{b}" {
			tb.Errorf("mark lines are labelled %q, want their names ({b})", s.MarkLine.Label.Formatter)
		}
		for _, d := range s.MarkLine.Data {
			marks = append(marks, [2]string{d.XAxis, d.Name})
		}
	}
	return marks
}

func TestAnnotationMarksItsQuarter(t *testing.T) {
	out := render(t, withAnnotations(t, publishedResults(t), "2021-08-09", "start vlucht 2"), programmeOptions(t, "nl"))
	if diff := cmp.Diff([][2]string{{"jun-aug 2021", "start vlucht 2"}}, visitsMarks(t, out)); diff != "" {
		t.Errorf("visits chart marks (-want +got):\n%s", diff)
	}
	for _, want := range []string{
		`<p class="annotations-heading" id="visits-annotations">Aantekeningen</p>`,
		"<li>9 aug 2021 — start vlucht 2</li>",
		"Verticale lijnen markeren de aantekeningen onder de grafiek.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// The list is under the chart and above the table.
	chart, list, table := strings.Index(out, `id="chart-visits"`), strings.Index(out, "<li>9 aug 2021"), strings.Index(out, `id="table-visits"`)
	if !(chart < list && list < table) {
		t.Error("the annotations are not listed between the visits chart and its table")
	}

	en := render(t, withAnnotations(t, publishedResults(t), "2021-08-09", "start vlucht 2"), programmeOptions(t, "en"))
	for _, want := range []string{">Notes</p>", "<li>9 Aug 2021 — start vlucht 2</li>"} {
		if !strings.Contains(en, want) {
			t.Errorf("English report lacks %q", want)
		}
	}
}

func TestAnnotationsOnOneQuarterShareALine(t *testing.T) {
	results := withAnnotations(t, publishedResults(t),
		"2019-08-15", "voor het programma", // before every quarter shown: listed, not marked
		"2019-09-01", "start programma",
		"2021-06-14", "start vlucht 1",
		"2021-08-09", "start vlucht 2",
	)
	out := render(t, results, programmeOptions(t, "nl"))
	want := [][2]string{
		{"sep-nov 2019", "start programma"},
		{"jun-aug 2021", "start vlucht 1 · start vlucht 2"},
	}
	if diff := cmp.Diff(want, visitsMarks(t, out)); diff != "" {
		t.Errorf("visits chart marks (-want +got):\n%s", diff)
	}
	for _, item := range []string{"15 aug 2019 — voor het programma", "1 sep 2019 — start programma",
		"14 jun 2021 — start vlucht 1", "9 aug 2021 — start vlucht 2"} {
		if !strings.Contains(out, "<li>"+item+"</li>") {
			t.Errorf("annotation %q is not listed", item)
		}
	}
}

func TestNoAnnotationsNoMarksNoList(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	if marks := visitsMarks(t, out); len(marks) != 0 {
		t.Errorf("visits chart has marks %v without annotations", marks)
	}
	if strings.Contains(out, `class="annotations"`) || strings.Contains(out, "Verticale lijnen") {
		t.Error("a report without annotations lists or mentions them")
	}
}

func TestCampaignReportListsTheAnnotationsOfItsPeriod(t *testing.T) {
	results := withAnnotations(t, publishedResults(t),
		"2021-06-14", "start vlucht 1", // before flight 2's period
		"2021-08-09", "start vlucht 2",
		"2021-09-12", "einde vlucht 2",
	)
	out := render(t, results, campaignOptions(t, "nl", 2, "2021-08-09", "2021-09-12"))
	header := out[strings.Index(out, "<header>"):strings.Index(out, "</header>")]
	want := "<ul aria-labelledby=\"annotations\">\n<li>9 aug 2021 — start vlucht 2</li>\n<li>12 sep 2021 — einde vlucht 2</li>\n</ul>"
	if !strings.Contains(header, want) {
		t.Errorf("the header does not list the flight's annotations:\n%s", header)
	}
	if strings.Contains(out, "start vlucht 1") {
		t.Error("the campaign report lists an annotation outside its period")
	}
	for id, data := range chartData(t, out) {
		if strings.Contains(data, "markLine") || strings.Contains(data, "vlucht 2") {
			t.Errorf("the campaign report marks annotations on chart %s", id)
		}
	}
}

func TestAnnotationTextCannotRunAsScript(t *testing.T) {
	const evil = "</script><img src=x onerror=alert(1)>"
	for _, opts := range []Options{
		programmeOptions(t, "nl"),
		campaignOptions(t, "nl", 2, "2021-08-09", "2021-09-12"),
	} {
		out := render(t, withAnnotations(t, publishedResults(t), "2021-08-09", evil), opts)
		for _, bad := range []string{"<img src=x", "onerror=alert(1)>", "</script><img"} {
			if strings.Contains(out, bad) {
				t.Errorf("campaign only %v: page contains %q", opts.CampaignOnly, bad)
			}
		}
		if want := "<li>9 aug 2021 — &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</li>"; !strings.Contains(out, want) {
			t.Errorf("campaign only %v: the annotation is not listed as escaped text %q", opts.CampaignOnly, want)
		}
		// No executable script holds the text.
		for _, s := range inlineBlock.FindAllStringSubmatch(jsonBlock.ReplaceAllString(out, ""), -1) {
			if strings.Contains(s[1], "onerror=alert(1)") || strings.Contains(s[1], "img src=x") {
				t.Error("an executable script holds an annotation's text")
			}
		}
		if !opts.CampaignOnly {
			// In the chart's data the text is a JSON string that decodes to itself.
			if diff := cmp.Diff([][2]string{{"jun-aug 2021", evil}}, visitsMarks(t, out)); diff != "" {
				t.Errorf("visits chart marks (-want +got):\n%s", diff)
			}
		}
	}
}
