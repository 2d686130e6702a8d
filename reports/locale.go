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
	lang         string
	thousands    string // thousands separator
	decimal      string // decimal separator
	csvSeparator string // the field separator of a downloaded CSV, as the language's spreadsheets read it
	months       [12]string
	monthAbb     [12]string
}

func localeFor(lang string) locale {
	if lang == "en" {
		return locale{
			lang: "en", thousands: ",", decimal: ".", csvSeparator: ",",
			months: [12]string{"January", "February", "March", "April", "May", "June",
				"July", "August", "September", "October", "November", "December"},
			monthAbb: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		}
	}
	return locale{
		lang: "nl", thousands: ".", decimal: ",", csvSeparator: ";",
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

// pick is the Dutch or the English of a label that comes with both (a source kind's).
func (l locale) pick(nl, en string) string {
	if l.lang == "en" {
		return en
	}
	return nl
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

// duration formats a number of seconds as a clock shows a stopwatch (see Stopwatch).
func (l locale) duration(seconds *float64) string {
	if seconds == nil {
		return l.notApplicable()
	}
	if s, ok := Stopwatch(*seconds); ok {
		return s
	}
	return l.notApplicable()
}

// Stopwatch writes a number of seconds as a stopwatch shows it, rounded to whole seconds,
// in any language: 74 is 1:14, 252 is 4:12, 3725 is 1:02:05. It is false for no number
// (NaN, infinite, too large). The report and bereik query's table both use it.
func Stopwatch(seconds float64) (string, bool) {
	if math.IsNaN(seconds) || math.IsInf(seconds, 0) || math.Abs(seconds) >= 1<<53 {
		return "", false
	}
	s := int64(math.Round(seconds))
	sign := ""
	if s < 0 {
		sign, s = "-", -s
	}
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60), true
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60), true
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

// wholeMonths reports whether from is a month's first day and to a month's last day.
func wholeMonths(from, to time.Time) bool {
	return from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1 && !to.Before(from)
}

// periodWords names a period as a header does: by its months in words where it is whole
// months (juni – augustus 2021, september 2019 – augustus 2021, juni 2021), else by its
// days (14 juni 2021 – 12 september 2021).
func (l locale) periodWords(from, to time.Time) string {
	if !wholeMonths(from, to) {
		return l.period(from, to)
	}
	a, b := l.months[from.Month()-1], l.months[to.Month()-1]
	switch {
	case from.Year() != to.Year():
		return fmt.Sprintf("%s %d – %s %d", a, from.Year(), b, to.Year())
	case from.Month() == to.Month():
		return fmt.Sprintf("%s %d", a, from.Year())
	}
	return fmt.Sprintf("%s – %s %d", a, b, from.Year())
}

// span names a period compactly, for a column head: by its months where it is whole
// months (jun-aug 2021), else by its days (14 jun – 31 aug 2021).
func (l locale) span(from, to time.Time) string {
	if wholeMonths(from, to) {
		return l.monthSpan(from, to)
	}
	return l.shortPeriod(from, to)
}

// trend is a change as a cell: an arrow (▲ up, ▼ down, = unchanged) that screen readers
// skip, and the change as a signed percentage with one decimal that says the same in
// text: ▲ +49,5%. A missing change shows "–" (no earlier data, or nothing to compare).
func (l locale) trend(change *float64) cellView {
	if change == nil || math.IsNaN(*change) || math.IsInf(*change, 0) {
		return num(l.notApplicable())
	}
	pct := l.decimals(*change*100, 1)
	switch {
	case pct == l.decimals(0, 1):
		return cellView{Text: pct + "%", Class: "num", Trend: "="}
	case *change > 0:
		return cellView{Text: "+" + pct + "%", Class: "num", Trend: "▲"}
	}
	return cellView{Text: strings.Replace(pct, "-", "−", 1) + "%", Class: "num", Trend: "▼"}
}

// ratio0 formats a ratio rounded to a whole number, with thousands separators.
func (l locale) ratio0(x *float64) string {
	if x == nil || math.IsNaN(*x) || math.IsInf(*x, 0) {
		return l.notApplicable()
	}
	return l.decimals(*x, 0)
}

// stamp names a moment: 23 nov 2026 11:24.
func (l locale) stamp(t time.Time) string {
	return fmt.Sprintf("%s %02d:%02d", l.shortDate(t), t.Hour(), t.Minute())
}

// metric names a key figure.
func (l locale) metric(m string) string {
	switch m {
	case "visits":
		return l.say(phMetricVisits)
	case "visitors":
		return l.say(phMetricVisitors)
	case "page_views":
		return l.say(phMetricPageViews)
	case "ad_impressions":
		return l.say(phMetricAdImpressions)
	case "ad_clicks":
		return l.say(phMetricAdClicks)
	case "social_impressions":
		return l.say(phMetricSocialImpressions)
	}
	return m
}

// itemType names a content catalogue's type of item as a label: its code with spaces,
// kennisproduct as "kennisproduct", inspirerend_praktijkverhaal as "inspirerend
// praktijkverhaal" (in English the known types are translated).
func (l locale) itemType(code string) string {
	switch code {
	case "kennisproduct":
		return l.say(phTypeKnowledgeProduct)
	case "inspirerend_praktijkverhaal":
		return l.say(phTypePracticeStory)
	}
	return strings.ReplaceAll(code, "_", " ")
}

// gapSource names a source of the data-gaps table.
func (l locale) gapSource(source string) string {
	switch source {
	case "page_views":
		return l.say(phGapPageViews)
	case "page_reports":
		return l.say(phGapPageReports)
	case "meta_ads":
		return l.say(phGapAds)
	}
	return source
}

// platform names a social platform.
func (l locale) platform(p string) string {
	switch p {
	case "linkedin":
		return "LinkedIn"
	case "facebook":
		return "Facebook"
	case "instagram":
		return "Instagram"
	case "x":
		return "X (Twitter)"
	case "youtube":
		return "YouTube"
	}
	return p
}

// postMetric names the metric top posts are ranked by.
func (l locale) postMetric(m string) string {
	switch m {
	case "impressions":
		return l.say(phImpressions)
	case "views":
		return l.say(phPostViews)
	}
	return m
}

// channel names a referral channel.
func (l locale) channel(c string) string {
	switch c {
	case "newsletter":
		return l.say(phChannelNewsletter)
	case "paid_social":
		return l.say(phChannelPaidSocial)
	case "search":
		return l.say(phChannelSearch)
	case "other":
		return l.say(phChannelOther)
	case "internal":
		return l.say(phChannelInternal)
	case "direct":
		return l.say(phChannelDirect)
	case "rest":
		return l.say(phChannelRest)
	case "facebook", "instagram", "linkedin", "x", "youtube":
		return l.platform(c)
	}
	return c
}
