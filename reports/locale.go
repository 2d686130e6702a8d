package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// locale is the one place where a number, a date or a label becomes text for a person,
// in Dutch ("nl") or English ("en").
type locale struct {
	lang      string
	thousands string // thousands separator
	decimal   string // decimal separator
	months    [12]string
	monthAbb  [12]string
}

func localeFor(lang string) locale {
	if lang == "en" {
		return locale{
			lang: "en", thousands: ",", decimal: ".",
			months: [12]string{"January", "February", "March", "April", "May", "June",
				"July", "August", "September", "October", "November", "December"},
			monthAbb: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		}
	}
	return locale{
		lang: "nl", thousands: ".", decimal: ",",
		months: [12]string{"januari", "februari", "maart", "april", "mei", "juni",
			"juli", "augustus", "september", "oktober", "november", "december"},
		monthAbb: [12]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
	}
}

// say returns the label in the locale's language, filled in like fmt.Sprintf.
func (l locale) say(key phrase, args ...any) string {
	p, ok := phrases[key]
	if !ok {
		panic("reports: no phrase " + string(key))
	}
	s := p.nl
	if l.lang == "en" {
		s = p.en
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// notApplicable is what a missing number shows.
func (l locale) notApplicable() string { return l.say(phNA) }

// count formats a whole number with thousands separators: 1.271.743 or 1,271,743.
func (l locale) count(n int64) string { return l.grouped(strconv.FormatInt(n, 10)) }

// grouped puts thousands separators into a run of digits that may start with a minus.
func (l locale) grouped(digits string) string {
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(l.thousands)
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// optCount formats a count that may be missing.
func (l locale) optCount(n *int64) string {
	if n == nil {
		return l.notApplicable()
	}
	return l.count(*n)
}

// percent formats a fraction as a percentage with two decimals: 0.0086 is 0,86%.
func (l locale) percent(frac *float64) string {
	if frac == nil || math.IsNaN(*frac) || math.IsInf(*frac, 0) {
		return l.notApplicable()
	}
	return l.decimals(*frac*100, 2) + "%"
}

// ratio formats a ratio such as a frequency with two decimals: 5,93.
func (l locale) ratio(x *float64) string {
	if x == nil || math.IsNaN(*x) || math.IsInf(*x, 0) {
		return l.notApplicable()
	}
	return l.decimals(*x, 2)
}

func (l locale) decimals(x float64, places int) string {
	s := strconv.FormatFloat(x, 'f', places, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // no "-0,00"
	}
	whole, frac, _ := strings.Cut(s, ".")
	if frac == "" {
		return l.grouped(whole)
	}
	return l.grouped(whole) + l.decimal + frac
}

// duration formats a number of seconds as a clock shows a stopwatch, rounded to whole
// seconds: 74 is 1:14, 252 is 4:12, 3725 is 1:02:05.
func (l locale) duration(seconds *float64) string {
	if seconds == nil || math.IsNaN(*seconds) || math.IsInf(*seconds, 0) || math.Abs(*seconds) >= 1<<53 {
		return l.notApplicable()
	}
	s := int64(math.Round(*seconds))
	sign := ""
	if s < 0 {
		sign, s = "-", -s
	}
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// shortDate names a day compactly: 9 aug 2021 or 9 Aug 2021.
func (l locale) shortDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), l.monthAbb[t.Month()-1], t.Year())
}

// date names a day in words: 1 september 2019 or 1 September 2019.
func (l locale) date(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), l.months[t.Month()-1], t.Year())
}

// period names an inclusive range of days: 1 september 2019 – 31 augustus 2021.
func (l locale) period(from, to time.Time) string {
	return l.date(from) + " – " + l.date(to)
}

// shortPeriod names a range of days compactly, for table cells: 14 jun – 11 jul 2021,
// or 1 dec 2019 – 28 feb 2020 when it spans a new year.
func (l locale) shortPeriod(from, to time.Time) string {
	end := l.shortDate(to)
	if from.Year() != to.Year() {
		return l.shortDate(from) + " – " + end
	}
	return fmt.Sprintf("%d %s – %s", from.Day(), l.monthAbb[from.Month()-1], end)
}

// monthSpan names a quarter by its months: sep-nov 2019, or dec 2019-feb 2020 when it
// spans a new year.
func (l locale) monthSpan(start, end time.Time) string {
	a, b := l.monthAbb[start.Month()-1], l.monthAbb[end.Month()-1]
	if start.Year() != end.Year() {
		return fmt.Sprintf("%s %d-%s %d", a, start.Year(), b, end.Year())
	}
	if start.Month() == end.Month() {
		return fmt.Sprintf("%s %d", a, start.Year())
	}
	return fmt.Sprintf("%s-%s %d", a, b, start.Year())
}

// format names an ad format.
func (l locale) format(f string) string {
	switch f {
	case "static":
		return l.say(phFormatStatic)
	case "dynamic":
		return l.say(phFormatDynamic)
	case "unknown":
		return l.say(phFormatUnknown)
	case "total":
		return l.say(phFormatTotal)
	}
	return f
}

// stage names a step of a campaign's funnel as its table shows it.
func (l locale) stage(stage string) string {
	switch stage {
	case "ads":
		return l.say(phStageAds)
	case "magazine":
		return l.say(phStageMagazine)
	case "platform":
		return l.say(phStagePlatform)
	}
	return stage
}

// stageBar names a step of a campaign's funnel as its chart shows it: the place, and
// the number its bar counts.
func (l locale) stageBar(stage string) string {
	switch stage {
	case "ads":
		return l.say(phStageBarAds)
	case "magazine":
		return l.say(phStageBarMagazine)
	case "platform":
		return l.say(phStageBarPlatform)
	}
	return stage
}

// site names a site.
func (l locale) site(site string) string {
	switch site {
	case "kennisplein":
		return l.say(phSiteKennisplein)
	case "vilans":
		return l.say(phSiteVilans)
	case "twinkelmagazine":
		return l.say(phSiteTwinkelmagazine)
	}
	return site
}

// siteHost names a site by its host name, as a sentence mentions it.
func (l locale) siteHost(site string) string {
	switch site {
	case "kennisplein":
		return "kennispleingehandicaptensector.nl"
	case "vilans":
		return "vilans.nl"
	case "twinkelmagazine":
		return "twinkelmagazine.nl"
	}
	return site
}
