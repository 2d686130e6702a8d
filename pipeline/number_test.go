package pipeline

import (
	"strings"
	"testing"
)

func TestNumberLocale(t *testing.T) {
	for _, tc := range []struct {
		name        string
		cells       []string
		dutchHeader bool
		comma       rune
		want        numberLocale
		err         string
	}{
		{"dutch decimals", []string{"896158", "0,71"}, false, ',', localeDutch, ""},
		{"dutch thousands twice", []string{"1.271.743"}, false, ',', localeDutch, ""},
		{"english decimals", []string{"896158", "0.71"}, false, ',', localeEnglish, ""},
		{"english grouped", []string{"1,271,743.5"}, false, ',', localeEnglish, ""},
		{"ambiguous, dutch header", []string{"896.158"}, true, ',', localeDutch, ""},
		{"ambiguous, semicolon", []string{"896.158"}, false, ';', localeDutch, ""},
		{"ambiguous, told by another cell", []string{"896.158", "5,93"}, false, ',', localeDutch, ""},
		{"ambiguous, nothing tells", []string{"896.158", "6.402"}, false, ',', localeUnknown, `cannot tell whether "896.158"`},
		{"mixed", []string{"0,71", "1.22"}, false, ',', localeUnknown, "both the Dutch way"},
		{"garbage is no evidence", []string{"1,2,3", "0,5"}, false, ',', localeDutch, ""},
		{"percent", []string{"0,86%"}, false, ',', localeDutch, ""},
		{"whole numbers only", []string{"12", "-", ""}, false, ',', localeEnglish, ""},
		{"a leading zero is no thousands group", []string{"0.035", "0.012"}, false, ',', localeEnglish, ""},
		{"a leading zero is no thousands group, dutch", []string{"0,035"}, false, ',', localeDutch, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ev localeEvidence
			for _, c := range tc.cells {
				ev.observe(c)
			}
			got, err := ev.decide(tc.dutchHeader, tc.comma)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		cell string
		loc  numberLocale
		want float64
		ok   bool
		err  bool
	}{
		{"1.271.743", localeDutch, 1271743, true, false},
		{"0,86%", localeDutch, 0.86, true, false},
		{"1,271,743", localeEnglish, 1271743, true, false},
		{"2.150,00", localeDutch, 2150, true, false},
		{"\u00a01 234 ", localeDutch, 1234, true, false},
		{"-", localeDutch, 0, false, false},
		{"", localeEnglish, 0, false, false},
		{"1,2,3", localeDutch, 0, false, true},
		{"1,2,3", localeEnglish, 0, false, true},
		{"1.2.3", localeDutch, 0, false, true},
		{"12,34,5", localeEnglish, 0, false, true},
		{"1 2", localeDutch, 0, false, true},
		{"1.271.743,5", localeDutch, 1271743.5, true, false},
		{"1,271,743.5", localeEnglish, 1271743.5, true, false},
		{"0.71", localeEnglish, 0.71, true, false},
		{"twaalf", localeDutch, 0, false, true},
		{"0.035", localeDutch, 0, false, true},
		{"0,035", localeEnglish, 0, false, true},
		{"0,035", localeDutch, 0.035, true, false},
	} {
		got, ok, err := parseNumber(tc.cell, tc.loc)
		if got != tc.want || ok != tc.ok || (err != nil) != tc.err {
			t.Errorf("parseNumber(%q, %v) = %v, %v, %v", tc.cell, tc.loc, got, ok, err)
		}
	}
}
