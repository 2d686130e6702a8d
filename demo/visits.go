package demo

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// visit is one visit to one site: the pages it viewed, in order, with the time on each.
type visit struct {
	Site     site
	Start    moment
	Visitor  int32    // index in visitPlan.visitors; noVisitor until assigned
	Referrer string   // of the landing page; "" for direct and most newsletter visits
	Tags     *utmTags // UTM tags of the landing page; nil for untagged visits
	Views    []view
}

const noVisitor = -1

// view is one page view of a visit.
type view struct {
	Page    int32  // index in visitPlan.pages
	Query   string // query string of the URL ("?page=2"); a tagged landing page takes the visit's tags
	Seconds int32  // time on page: until the next view, or until the visitor left
}

// duration returns the visit's length in seconds.
func (v *visit) duration() int32 {
	var s int32
	for _, w := range v.Views {
		s += w.Seconds
	}
	return s
}

// end returns the moment the visitor left (or clicked away to another site).
func (v *visit) end() moment { return moment{v.Start.Day, v.Start.Second + v.duration()} }

// visitPlan is every visit of the demo visit logs at scale 1, planned before a row is
// written: which pages each visit views, when, by whom and from where. Its counts follow
// from the calibration table alone; the seed decides only the details.
type visitPlan struct {
	pages    []page
	visits   []visit // in chronological order
	visitors []uint64
}

// viewURL returns the URL of view i of v, with its query string.
func (pl *visitPlan) viewURL(v *visit, i int) string {
	u := pl.pages[v.Views[i].Page].URL
	if i == 0 && v.Tags != nil {
		return u + v.Tags.query()
	}
	return u + v.Views[i].Query
}

// growth is the relative interest in the programme's pages per log month, September 2019 -
// November 2021: a slow start, a bump when corona closed day care in spring 2020, and
// steady growth as the programme's stories spread.
var growth = [logMonths]float64{
	0.45, 0.55, 0.65, // Sep-Nov 2019
	0.65, 0.80, 0.90, // Dec 2019 - Feb 2020
	1.45, 1.60, 1.30, // Mar-May 2020: corona
	1.10, 1.00, 1.05, // Jun-Aug 2020
	1.20, 1.28, 1.32, // Sep-Nov 2020
	1.20, 1.38, 1.42, // Dec 2020 - Feb 2021
	1.45, 1.48, 1.50, // Mar-May 2021
	1.52, 1.45, 1.48, // Jun-Aug 2021
	1.60, 1.65, 1.65, // Sep-Nov 2021
}

// planner builds a visitPlan.
type planner struct {
	visitPlan
	rng   *rand.Rand
	items []contentItem

	itemPage       map[int]int32 // catalogue item number to its page on Kennisplein
	dossierPages   []int32       // the dossier's pages below its homepage
	twinkelPages   []int32       // per entry of twinkels
	twinkelHome    int32
	kennisplein    browseSet
	vilans         browseSet
	dayWeights     [logMonths][]float64 // cumulative weights of the days of each month
	programme      []programmePage      // Kennisplein's programme pages
	funnelVisitors map[int32]bool       // Twinkelmagazine visitors who went on to Kennisplein
}

// browseSet holds a site's pages outside the programme.
type browseSet struct {
	pages   []int32
	weights []float64
	home    int32
	search  int32 // -1 if the site's search is not browsed with a query
}

// programmePage is a programme page with its visits in the programme period.
type programmePage struct {
	Page      int32
	Visits    int
	Published day
	Topical   bool
}

// weight returns the relative number of visits of pp in log month m.
func (pp programmePage) weight(m int) float64 {
	first := pp.Published.month()
	if m < first {
		return 0
	}
	w := growth[m]
	switch age := m - first; {
	case age == 0: // the launch: newsletter and posts, for the rest of the month
		online := float64(int(monthStart(m+1)-pp.Published)) / float64(monthLength(m))
		w *= 2.2 * online
	case age == 1:
		w *= 1.4
	}
	if pp.Topical {
		w *= math.Exp(-float64(m-first) / 4)
	}
	return w
}

// monthlyVisits divides the page's visits over the log months: exactly Visits in the
// programme period, and afterwards as many as its interest then predicts.
func (pp programmePage) monthlyVisits() [logMonths]int {
	var weights [logMonths]float64
	var inPeriod float64
	for m := range logMonths {
		weights[m] = pp.weight(m)
		if m < reportMonths {
			inPeriod += weights[m]
		}
	}
	var counts [logMonths]int
	copy(counts[:reportMonths], apportion(pp.Visits, weights[:reportMonths]))
	for m := reportMonths; m < logMonths; m++ {
		counts[m] = int(math.Round(float64(pp.Visits) * weights[m] / inPeriod))
	}
	return counts
}

// newVisitPlan plans every visit of the demo logs.
func newVisitPlan(seed uint64, items []contentItem) (*visitPlan, error) {
	p := &planner{
		rng:            rand.New(rand.NewPCG(seed, planStream)),
		items:          items,
		itemPage:       map[int]int32{},
		funnelVisitors: map[int32]bool{},
	}
	p.weighDays()
	if err := p.addPages(); err != nil {
		return nil, err
	}
	steps := []func() error{
		p.planTwinkelmagazine,
		p.planKennisplein,
		p.planVilans,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(p.visits, func(a, b visit) int {
		return cmp.Or(cmp.Compare(a.Start.Day, b.Start.Day), cmp.Compare(a.Start.Second, b.Start.Second))
	})
	return &p.visitPlan, nil
}

// planStream is the stream of the random generator the plan draws from.
const planStream = 0x62657265696b // "bereik"

// addPage adds a page and returns its index.
func (p *planner) addPage(s site, path, title string, programme bool) int32 {
	p.pages = append(p.pages, page{Site: s, Path: path, Title: title, Programme: programme, URL: s.url(path)})
	return int32(len(p.pages) - 1)
}

// addPages adds every page of the three sites.
func (p *planner) addPages() error {
	for _, item := range p.items {
		if item.Online {
			p.itemPage[item.Nr] = p.addPage(kennisplein, item.Path, item.PageTitle, true)
		}
	}
	for _, e := range ervaringslerenPages {
		p.dossierPages = append(p.dossierPages, p.addPage(kennisplein, dossierPath+e.Slug, e.Title, true))
	}
	p.kennisplein = p.addBrowsePages(kennisplein, kennispleinBrowsePages)
	p.vilans = p.addBrowsePages(vilans, vilansBrowsePages)
	p.twinkelHome = p.addPage(twinkelmagazine, "/", twinkelmagazineHomeTitle, true)
	taken := map[string]bool{}
	for _, t := range twinkels {
		if _, ok := p.itemPage[t.Item]; !ok {
			return fmt.Errorf("twinkel %d links to item %d, which is not online", t.Number, t.Item)
		}
		p.twinkelPages = append(p.twinkelPages, p.addPage(twinkelmagazine, "/twinkels/"+uniqueSlug(t.Title, taken), t.Title, true))
	}
	return nil
}

func (p *planner) addBrowsePages(s site, list []browsePage) browseSet {
	set := browseSet{search: -1}
	for _, b := range list {
		i := p.addPage(s, b.Path, b.Title, false)
		set.pages = append(set.pages, i)
		set.weights = append(set.weights, b.Weight)
		switch b.Path {
		case "/":
			set.home = i
		case "/zoeken":
			if s == kennisplein {
				set.search = i
			}
		}
	}
	return set
}

// weighDays sets how visits spread over the days of each month: fewer at weekends and
// around Christmas.
func (p *planner) weighDays() {
	for m := range logMonths {
		first := monthStart(m)
		cum := make([]float64, monthLength(m))
		total := 0.0
		for i := range cum {
			t := (first + day(i)).date()
			w := 1.0
			switch t.Weekday() {
			case 6:
				w = 0.32
			case 0:
				w = 0.38
			}
			if t.Month() == 12 && t.Day() >= 24 || t.Month() == 1 && t.Day() == 1 {
				w *= 0.4
			}
			total += w
			cum[i] = total
		}
		p.dayWeights[m] = cum
	}
}

// pickDay returns a day of log month m, not before earliest.
func (p *planner) pickDay(m int, earliest day) day {
	first := monthStart(m)
	cum := p.dayWeights[m]
	lo := 0.0
	if skip := int(earliest - first); skip > 0 {
		lo = cum[skip-1]
	}
	r := lo + p.rng.Float64()*(cum[len(cum)-1]-lo)
	i, _ := slices.BinarySearch(cum, r)
	return first + day(min(i, len(cum)-1))
}

// pickNewsletterDay returns the day a newsletter reader of site s clicks through in log
// month m: mostly the day it goes out, some in the days after, not before earliest.
func (p *planner) pickNewsletterDay(s site, m int, earliest day) day {
	last := monthStart(m+1) - 1
	d := max(newsletterDay(s, m), earliest)
	if d > last {
		return p.pickDay(m, earliest)
	}
	for d < last && p.chance(0.55) {
		d++
	}
	return d
}

// startHourWeights is how visits start over the hours of the day: mostly working hours,
// some in the evening, none at night.
var startHourWeights = [24]float64{
	0, 0, 0, 0, 0, 0,
	0.3, 1.0, 2.2, 2.8, 2.9, 2.6, 2.0, 2.4, 2.7, 2.5, 2.0, 1.3, 0.9, 1.0, 1.2, 1.0, 0.6, 0,
}

// pickStart returns a start time, in seconds after midnight, no later than lastHour.
func (p *planner) pickStart(lastHour int) int32 {
	h := p.pick(startHourWeights[:lastHour+1])
	return int32(h*3600 + p.rng.IntN(3600))
}

// fitInDay moves a visit that would end after midnight to earlier in the evening.
func (p *planner) fitInDay(v *visit) {
	if d := v.duration(); v.Start.Second+d > latestVisitEnd {
		v.Start.Second = latestVisitEnd - d - int32(p.rng.IntN(1800))
	}
}

// pick returns an index into weights, chosen in proportion to them.
func (p *planner) pick(weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	r := p.rng.Float64() * total
	for i, w := range weights {
		if r < w {
			return i
		}
		r -= w
	}
	return len(weights) - 1
}

func (p *planner) chance(prob float64) bool { return p.rng.Float64() < prob }

// seconds returns a time on page: log-normal around median, within [lo, hi].
func (p *planner) seconds(median, sigma float64, lo, hi int32) int32 {
	s := int32(math.Round(median * math.Exp(sigma*p.rng.NormFloat64())))
	return min(max(s, lo), hi)
}

// Times on page, in seconds: median, spread, least and most.
func (p *planner) articleSeconds() int32 { return p.seconds(80, 0.9, 4, 900) }
func (p *planner) browseSeconds() int32  { return p.seconds(22, 0.8, 2, 600) }

// browseView returns a view of one of the site's pages outside the programme.
func (p *planner) browseView(set *browseSet, s site) view {
	pg := set.pages[p.pick(set.weights)]
	w := view{Page: pg, Seconds: p.browseSeconds()}
	switch {
	case pg == set.search:
		w.Query = "?q=" + kennispleinSearches[p.rng.IntN(len(kennispleinSearches))]
	case s == kennisplein && pg != set.home && p.chance(0.12):
		w.Query = "?page=2"
	}
	return w
}

// pickChannel returns a channel in proportion to mix.
func (p *planner) pickChannel(mix *channelMix) channel { return channel(p.pick(mix[:])) }

// refer sets where v came from: its referrer and UTM tags.
func (p *planner) refer(v *visit, ch channel) {
	landing := p.pages[v.Views[0].Page].Path
	switch ch {
	case newsletter:
		v.Tags = newsletterTags(v.Site, v.Start.Day)
	case social:
		v.Referrer = p.pickReferrer(socialReferrers)
		if v.Referrer == "https://lnkd.in/" || v.Referrer == "https://t.co/" {
			v.Referrer = shortLink(v.Referrer, landing)
		}
	case search:
		v.Referrer = p.pickReferrer(searchReferrers)
	case otherSite:
		switch v.Site {
		case kennisplein:
			v.Referrer = p.pickReferrer(kennispleinOtherReferrers)
		case vilans:
			v.Referrer = p.pickReferrer(vilansOtherReferrers)
		default:
			v.Referrer = p.pickReferrer(twinkelOtherReferrers)
		}
	case paidSocial:
		if p.chance(0.58) {
			v.Referrer, v.Tags = "https://l.facebook.com/", facebookAdTags
		} else {
			v.Referrer, v.Tags = "https://www.instagram.com/", instagramAdTags
		}
	}
}

func (p *planner) pickReferrer(list []referrerURL) string {
	weights := make([]float64, len(list))
	for i, r := range list {
		weights[i] = r.Weight
	}
	return list[p.pick(weights)].URL
}

// newVisitor returns a person never seen before.
func (p *planner) newVisitor() int32 {
	p.visitors = append(p.visitors, p.rng.Uint64())
	return int32(len(p.visitors) - 1)
}

// apportion divides total over weights in proportion, in whole numbers that add up to
// total exactly (largest remainders first, ties to the earliest).
func apportion(total int, weights []float64) []int {
	counts := make([]int, len(weights))
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	if sum == 0 || total == 0 {
		return counts
	}
	type remainder struct {
		i    int
		frac float64
	}
	rest := total
	fracs := make([]remainder, len(weights))
	for i, w := range weights {
		exact := float64(total) * w / sum
		counts[i] = int(exact)
		rest -= counts[i]
		fracs[i] = remainder{i, exact - float64(counts[i])}
	}
	slices.SortStableFunc(fracs, func(a, b remainder) int { return cmp.Compare(b.frac, a.frac) })
	for k := 0; k < rest; k++ {
		counts[fracs[k%len(fracs)].i]++
	}
	return counts
}

// spreadSeconds rescales the times on page of views so that they add up to exactly
// total, keeping each within [lo, hi].
func spreadSeconds(views []*view, total int64, lo, hi int32) error {
	var sum int64
	for _, w := range views {
		sum += int64(w.Seconds)
	}
	if sum == 0 || total < int64(lo)*int64(len(views)) || total > int64(hi)*int64(len(views)) {
		return fmt.Errorf("cannot spread %d seconds over %d page views", total, len(views))
	}
	factor := float64(total) / float64(sum)
	sum = 0
	for _, w := range views {
		w.Seconds = min(max(int32(math.Round(float64(w.Seconds)*factor)), lo), hi)
		sum += int64(w.Seconds)
	}
	for diff := total - sum; diff != 0; {
		step := int32(1)
		if diff < 0 {
			step = -1
		}
		for _, w := range views {
			if diff == 0 {
				break
			}
			if s := w.Seconds + step; s >= lo && s <= hi {
				w.Seconds = s
				diff -= int64(step)
			}
		}
	}
	return nil
}
