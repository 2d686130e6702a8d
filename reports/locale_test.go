package reports

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func f64(x float64) *float64 { return &x }

func TestLocaleFormatsNumbers(t *testing.T) {
	type formatted struct{ Count, Negative, Small, Percent, Ratio, Missing, NaN, Zero string }
	format := func(l locale) formatted {
		return formatted{
			Count:    l.count(1271743),
			Negative: l.count(-1234567),
			Small:    l.count(987),
			Percent:  l.percent(f64(10969.0 / 1271743)),
			Ratio:    l.ratio(f64(896158.0 / 151136)),
			Missing:  l.optCount(nil),
			NaN:      l.percent(f64(math.NaN())),
			Zero:     l.percent(f64(-0.0000001)),
		}
	}
	for _, tc := range []struct {
		lang string
		want formatted
	}{
		// A missing number is a dash in both languages, never "n.b." or "n/a".
		{"nl", formatted{"1.271.743", "-1.234.567", "987", "0,86%", "5,93", "–", "–", "0,00%"}},
		{"en", formatted{"1,271,743", "-1,234,567", "987", "0.86%", "5.93", "–", "–", "0.00%"}},
	} {
		if diff := cmp.Diff(tc.want, format(localeFor(tc.lang))); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.lang, diff)
		}
	}
	if got := localeFor("nl").count(math.MinInt64); got != "-9.223.372.036.854.775.808" {
		t.Errorf("smallest int64 = %s", got)
	}
	if got := localeFor("nl").ratio(f64(12345.678)); got != "12.345,68" {
		t.Errorf("ratio with thousands = %s", got)
	}
}

func TestLocaleNamesDatesAndQuarters(t *testing.T) {
	type named struct{ Period, Quarter, NewYear, Month string }
	name := func(l locale) named {
		return named{
			Period:  l.period(day(t, "2019-09-01"), day(t, "2021-08-31")),
			Quarter: l.monthSpan(day(t, "2019-09-01"), day(t, "2019-11-30")),
			NewYear: l.monthSpan(day(t, "2019-12-01"), day(t, "2020-02-29")),
			Month:   l.monthSpan(day(t, "2021-03-01"), day(t, "2021-03-31")),
		}
	}
	for _, tc := range []struct {
		lang string
		want named
	}{
		{"nl", named{"1 september 2019 – 31 augustus 2021", "sep-nov 2019", "dec 2019-feb 2020", "mrt 2021"}},
		{"en", named{"1 September 2019 – 31 August 2021", "Sep-Nov 2019", "Dec 2019-Feb 2020", "Mar 2021"}},
	} {
		if diff := cmp.Diff(tc.want, name(localeFor(tc.lang))); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.lang, diff)
		}
	}
}

// TestPhrasesHaveBothLanguages checks that every label is worded in Dutch and English,
// with the same verbs to fill in.
func TestPhrasesHaveBothLanguages(t *testing.T) {
	verbs := func(s string) string {
		var v []string
		for i := 0; i < len(s)-1; i++ {
			if s[i] == '%' {
				v = append(v, s[i:i+2])
				i++
			}
		}
		return strings.Join(v, " ")
	}
	for key, p := range phrases {
		if p.nl == "" || p.en == "" {
			t.Errorf("phrase %s lacks a language: %+v", key, p)
		}
		if verbs(p.nl) != verbs(p.en) {
			t.Errorf("phrase %s: Dutch fills in %q, English %q", key, verbs(p.nl), verbs(p.en))
		}
	}
}

func TestLocaleFormatsDurations(t *testing.T) {
	for _, tc := range []struct {
		seconds *float64
		want    string
	}{
		{f64(74), "1:14"},
		{f64(252), "4:12"},
		{f64(74.4), "1:14"},
		{f64(74.5), "1:15"}, // rounded to whole seconds
		{f64(59.6), "1:00"},
		{f64(0), "0:00"},
		{f64(3599.4), "59:59"},
		{f64(3600), "1:00:00"},
		{f64(3725), "1:02:05"},
		{f64(90061), "25:01:01"},
		{nil, "–"},
		{f64(math.NaN()), "–"},
		{f64(math.Inf(1)), "–"},
	} {
		if got := localeFor("nl").duration(tc.seconds); got != tc.want {
			t.Errorf("duration(%v) = %q, want %q", deref(tc.seconds), got, tc.want)
		}
	}
	if got := localeFor("en").duration(nil); got != "–" {
		t.Errorf("English missing duration = %q", got)
	}
	if got := localeFor("en").duration(f64(252)); got != "4:12" {
		t.Errorf("English duration = %q", got)
	}
}

func deref(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}
