package reports

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSpreadsheetTextIsThePagesRule runs the page's own csvCell (templates/report.js) in
// Node on the same texts as SpreadsheetText, the rule the CLI's CSV output uses: both
// must neutralise the same cells the same way.
func TestSpreadsheetTextIsThePagesRule(t *testing.T) {
	texts := []string{`=HYPERLINK("http://x","klik")`, "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tTab", "\rCR",
		"Marloes kiest zelf", "", "'al tekst", " =spatie eerst", "5", "-5", "+0.25", "-1e3", "-5 euro", "€ 3,50"}
	var want []string
	for _, s := range texts {
		want = append(want, SpreadsheetText(s))
	}
	if want[0] != `'=HYPERLINK("http://x","klik")` || want[6] != "Marloes kiest zelf" {
		t.Fatalf("SpreadsheetText: %q", want)
	}

	node := lookNode(t)
	fn := regexp.MustCompile(`(?s)function csvCell\(v, sep, decimal\) \{.*?\n  \}`).FindString(pageScript)
	if fn == "" {
		t.Fatal("no csvCell in templates/report.js")
	}
	in, _ := json.Marshal(texts)
	// csvCell also quotes a cell for CSV; the neutralised text is compared unquoted.
	script := fn + "\nvar texts = " + string(in) + ";\n" + `
process.stdout.write(JSON.stringify(texts.map(function (s) {
  var c = csvCell(s, ',', '.');
  return c.charAt(0) === '"' ? c.slice(1, -1).replace(/""/g, '"') : c;
})));
`
	path := filepath.Join(t.TempDir(), "cell.js")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, path).Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderrOf(err))
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output %s: %v", out, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the page's csvCell and SpreadsheetText differ (-Go +page):\n%s", diff)
	}
}
