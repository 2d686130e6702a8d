package demo

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"time"
)

// publishedPage is a Kennisplein page whose visits the report published, by content item.
type publishedPage struct {
	Item      int
	Visits    int
	Published time.Time
	Topical   bool
}

// The content items whose pages' visits the report published; the dates are the demo's.
var kennispleinPublishedPages = []publishedPage{
	{41, kennispleinTopArticles[0].Visits, date(2019, time.October, 15), false},
	{78, kennispleinTopArticles[1].Visits, date(2020, time.May, 26), false},
	{118, kennispleinTopArticles[2].Visits, date(2020, time.December, 8), false},
	{dossierItem, kennispleinTopArticles[3].Visits, date(2020, time.September, 22), false},
	{46, kennispleinTopArticles[4].Visits, date(2020, time.March, 24), true},
	{11, migrationTipsVisits, date(2019, time.December, 10), false},
}

// The dossier's pages below its homepage go online one by one.
var ervaringslerenPublished = []time.Time{
	date(2020, time.September, 22), date(2020, time.October, 13), date(2020, time.November, 10),
	date(2021, time.January, 19), date(2021, time.March, 2),
}

// The programme's other pages that drew most visits (their posts did well on social
// media, Fig. 13); the rest follow in an arbitrary but fixed order.
var kennispleinPopularItems = []int{26, 39, 36, 84, 94, 75, 12, 13, 2, 54, 19, 25}

// Visits to the other programme pages fall off with their popularity rank r as r^-zipf.
const kennispleinZipf = 0.6

// Visitors of Kennisplein's programme pages per programme quarter: how many of a
// quarter's visits are by someone who visited before, and of those how many by someone
// from an earlier quarter. The first and last quarter of the report have a published
// number of visitors.
var kennispleinVisitorMixes = [logQuarters]visitorMix{
	{Visitors: firstQuarterVisitors},
	{Returning: 0.18, Earlier: 0.45},
	{Returning: 0.19, Earlier: 0.45},
	{Returning: 0.21, Earlier: 0.5},
	{Returning: 0.22, Earlier: 0.5},
	{Returning: 0.24, Earlier: 0.45},
	{Returning: 0.26, Earlier: 0.4},
	{Returning: 0.25, Visitors: lastQuarterVisitors},
	{Returning: 0.25, Earlier: 0.5},
}

// Visits to Kennisplein that see no programme page, per visit that does.
const kennispleinBrowseRatio = 0.25

// planKennisplein plans the visits to Kennisplein: to the programme's pages, each with
// exactly the published visits where the report gave them, and to the rest of the site.
func (p *planner) planKennisplein() error {
	if err := p.kennispleinProgrammePages(); err != nil {
		return err
	}
	for _, pp := range p.programme {
		for m, n := range pp.monthlyVisits() {
			for range n {
				p.visits = append(p.visits, p.programmeVisit(kennisplein, &p.kennisplein, pp, m))
			}
		}
	}
	programme := p.programmeVisits(kennisplein)
	if err := p.assignVisitors(programme, kennispleinVisitorMixes[:]); err != nil {
		return fmt.Errorf("kennisplein visitors: %w", err)
	}
	p.planBrowsing(kennisplein, &p.kennisplein, programme, kennispleinBrowseRatio, &kennispleinBrowseMix)
	return nil
}

// kennispleinProgrammePages sets every programme page's visits in the programme period:
// the published ones, and for the rest a share of what remains by popularity.
func (p *planner) kennispleinProgrammePages() error {
	published := map[int32]bool{}
	remaining := kennispleinProgrammeVisits - funnelProgrammeVisits
	for _, pub := range kennispleinPublishedPages {
		pg, ok := p.itemPage[pub.Item]
		if !ok {
			return fmt.Errorf("kennisplein: item %d is not online", pub.Item)
		}
		visits := pub.Visits
		if pub.Item == dossierItem {
			// The homepage's visits are published; the dossier's others saw one page below it.
			for i, e := range ervaringslerenPages {
				p.programme = append(p.programme, programmePage{Page: p.dossierPages[i], Visits: e.Visits, Published: dayOfTime(ervaringslerenPublished[i])})
				published[p.dossierPages[i]] = true
				remaining -= e.Visits
			}
		}
		p.programme = append(p.programme, programmePage{Page: pg, Visits: visits, Published: dayOfTime(pub.Published), Topical: pub.Topical})
		published[pg] = true
		remaining -= visits
	}

	// The other pages, most popular first.
	var others []int32
	for _, item := range p.items {
		if pg, ok := p.itemPage[item.Nr]; ok && !published[pg] && !slices.Contains(kennispleinPopularItems, item.Nr) {
			others = append(others, pg)
		}
	}
	slices.SortStableFunc(others, func(a, b int32) int { return cmp.Compare(pathHash(p.pages[a].Path), pathHash(p.pages[b].Path)) })
	for i := len(kennispleinPopularItems) - 1; i >= 0; i-- {
		others = slices.Insert(others, 0, p.itemPage[kennispleinPopularItems[i]])
	}
	weights := make([]float64, len(others))
	for rank := range others {
		weights[rank] = math.Pow(float64(rank+1), -kennispleinZipf)
	}
	for i, visits := range apportion(remaining, weights) {
		pg := others[i]
		h := pathHash(p.pages[pg].Path)
		// Went online some day between the programme's start and June 2021; the corona
		// articles in the first months of the pandemic.
		first, months := 0, 21
		topical := strings.Contains(strings.ToLower(p.pages[pg].Title), "corona")
		if topical {
			first, months = 6, 9
		}
		m := first + int(float64(months)*math.Pow(float64(h%1000)/1000, 1.4))
		published := monthStart(m) + day(h/97%28)
		p.programme = append(p.programme, programmePage{Page: pg, Visits: visits, Published: published, Topical: topical})
	}
	return nil
}

// pathHash is a fixed, seed-independent hash of a path, to order and date pages.
func pathHash(path string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(path))
	return h.Sum64()
}

// dayOfTime returns the day of a calendar date.
func dayOfTime(t time.Time) day { return dayOf(t.Year(), t.Month(), t.Day()) }

// programmeVisit plans a visit in log month m that views programme page pp of site s and
// sometimes a few of the site's other pages (never a second programme page, so that the
// visits of the programme's pages add up to the programme's visits).
func (p *planner) programmeVisit(s site, set *browseSet, pp programmePage, m int) visit {
	mix, extraWeights := &kennispleinProgrammeMix, []float64{60, 25, 10, 5}
	if s == vilans {
		mix, extraWeights = &vilansMix, []float64{65, 25, 10}
	}
	ch := p.pickChannel(mix)
	earliest := max(pp.Published, monthStart(m))
	d := p.pickDay(m, earliest)
	if ch == newsletter {
		d = p.pickNewsletterDay(s, m, earliest)
	}
	v := visit{Site: s, Start: moment{d, p.pickStart(22)}, Visitor: noVisitor}
	extras := p.pick(extraWeights)
	before := 0
	if extras > 0 && (ch == direct || ch == search) && p.chance(0.5) {
		before = 1
	}
	for range before {
		v.Views = append(v.Views, p.browseView(set, s))
	}
	v.Views = append(v.Views, view{Page: pp.Page, Seconds: p.articleSeconds()})
	for range extras - before {
		v.Views = append(v.Views, p.browseView(set, s))
	}
	p.refer(&v, ch)
	p.fitInDay(&v)
	return v
}

// programmeVisits returns the indices of the visits to site s that view a programme
// page, in chronological order.
func (p *planner) programmeVisits(s site) []int {
	var idx []int
	for i := range p.visits {
		v := &p.visits[i]
		if v.Site == s && slices.ContainsFunc(v.Views, func(w view) bool { return p.pages[w.Page].Programme }) {
			idx = append(idx, i)
		}
	}
	p.sortChronologically(idx)
	return idx
}

func (p *planner) sortChronologically(idx []int) {
	slices.SortStableFunc(idx, func(a, b int) int {
		va, vb := p.visits[a].Start, p.visits[b].Start
		return cmp.Or(cmp.Compare(va.Day, vb.Day), cmp.Compare(va.Second, vb.Second))
	})
}

// planBrowsing plans the visits to site s that see none of the programme's pages: ratio
// of them per programme visit in each month. Some are by people who visited the
// programme's pages before, the rest by people who never do.
func (p *planner) planBrowsing(s site, set *browseSet, programme []int, ratio float64, mix *channelMix) {
	var perMonth [logMonths]int
	for _, i := range programme {
		perMonth[p.visits[i].Start.Day.month()]++
	}
	starts := make([]moment, len(programme))
	for k, i := range programme {
		starts[k] = p.visits[i].Start
	}
	for m, n := range perMonth {
		for range int(math.Round(ratio * float64(n))) {
			ch := p.pickChannel(mix)
			d := p.pickDay(m, monthStart(m))
			if ch == newsletter {
				d = p.pickNewsletterDay(s, m, monthStart(m))
			}
			v := visit{Site: s, Start: moment{d, p.pickStart(22)}}
			for range 1 + p.pick([]float64{50, 30, 20}) {
				v.Views = append(v.Views, p.browseView(set, s))
			}
			if ch == newsletter {
				v.Views[0] = view{Page: set.home, Seconds: v.Views[0].Seconds}
			}
			p.refer(&v, ch)
			p.fitInDay(&v)
			before, _ := slices.BinarySearchFunc(starts, v.Start, func(a, b moment) int {
				if a.before(b) {
					return -1
				}
				return 1
			})
			if before > 0 && p.chance(0.3) {
				v.Visitor = p.visits[programme[p.rng.IntN(before)]].Visitor
			} else {
				v.Visitor = p.newVisitor()
			}
			p.visits = append(p.visits, v)
		}
	}
}

// visitorMix says how a quarter's visits divide over new and returning visitors.
type visitorMix struct {
	Returning float64 // share of the visits by someone who visited before
	Earlier   float64 // share of the returning visits by someone first seen in an earlier quarter
	Visitors  int     // if not 0: the exact number of distinct visitors of the quarter
}

// visitLabel says who makes a visit.
type visitLabel uint8

const (
	newcomer        visitLabel = iota // a first visit
	fromEarlier                       // someone from an earlier quarter, back for the first time this quarter
	fromThisQuarter                   // someone who already visited this quarter
)

// assignVisitors gives the visits programme (chronological indices into p.visits) their
// visitors, quarter by quarter, as mixes say. Visits that already have a visitor (the
// funnel's) keep theirs and count toward the mix. A quarter's distinct visitors are then
// exactly its newcomers plus those back from earlier quarters.
func (p *planner) assignVisitors(programme []int, mixes []visitorMix) error {
	var pool []int32 // visitors of earlier quarters, in order of first visit
	inPool := map[int32]bool{}
	quarterStart := 0 // where the previous quarter's newcomers begin in pool
	for q, mix := range mixes {
		var visits []int
		for _, i := range programme {
			if p.visits[i].Start.Day.quarter() == q {
				visits = append(visits, i)
			}
		}
		if len(visits) == 0 {
			continue
		}
		n := len(visits)
		returning := int(math.Round(mix.Returning * float64(n)))
		earlier := int(math.Round(mix.Earlier * float64(returning)))
		switch {
		case mix.Visitors > 0 && len(pool) == 0:
			returning, earlier = n-mix.Visitors, 0
		case mix.Visitors > 0:
			earlier = mix.Visitors - (n - returning)
		case len(pool) == 0:
			earlier = 0
		}
		quota := [3]int{newcomer: n - returning, fromEarlier: earlier, fromThisQuarter: returning - earlier}

		// The visits whose visitor is known count first.
		reserved := map[int32]bool{}
		seen := map[int32]bool{}
		for _, i := range visits {
			if who := p.visits[i].Visitor; who != noVisitor {
				reserved[who] = true
				switch {
				case seen[who]:
					quota[fromThisQuarter]--
				case inPool[who]:
					quota[fromEarlier]--
				default:
					quota[newcomer]--
				}
				seen[who] = true
			}
		}
		if quota[newcomer] < 0 || quota[fromEarlier] < 0 || quota[fromThisQuarter] < 0 || quota[fromEarlier] > len(pool)-len(reserved) {
			return fmt.Errorf("quarter %d: %d visits cannot have %d newcomers, %d back from %d earlier visitors and %d back this quarter",
				q+1, n, n-returning, earlier, len(pool), returning-earlier)
		}
		var labels []visitLabel
		for l, k := range quota {
			for range k {
				labels = append(labels, visitLabel(l))
			}
		}
		p.rng.Shuffle(len(labels), func(i, j int) { labels[i], labels[j] = labels[j], labels[i] })

		var quarter []int32 // this quarter's visitors so far
		inQuarter := map[int32]bool{}
		next := 0
		for _, i := range visits {
			v := &p.visits[i]
			if v.Visitor == noVisitor {
				label := labels[next]
				if label == fromThisQuarter && len(quarter) == 0 {
					// Nobody to come back yet: swap with a later newcomer.
					j := slices.Index(labels[next:], newcomer)
					if j < 0 {
						return fmt.Errorf("quarter %d: no newcomer to start with", q+1)
					}
					labels[next], labels[next+j] = newcomer, fromThisQuarter
					label = newcomer
				}
				next++
				switch label {
				case newcomer:
					v.Visitor = p.newVisitor()
				case fromEarlier:
					v.Visitor = p.pickEarlier(pool, quarterStart, inQuarter, reserved)
				case fromThisQuarter:
					v.Visitor = quarter[p.rng.IntN(len(quarter))]
				}
			}
			if !inQuarter[v.Visitor] {
				inQuarter[v.Visitor] = true
				quarter = append(quarter, v.Visitor)
			}
		}
		quarterStart = len(pool)
		for _, who := range quarter {
			if !inPool[who] {
				inPool[who] = true
				pool = append(pool, who)
			}
		}
	}
	return nil
}

// pickEarlier returns a visitor of an earlier quarter who has not visited this quarter
// yet, nor will through a planned visit: often one from the previous quarter.
func (p *planner) pickEarlier(pool []int32, lastQuarter int, inQuarter, reserved map[int32]bool) int32 {
	for {
		lo := 0
		if lastQuarter < len(pool) && p.chance(0.5) {
			lo = lastQuarter
		}
		who := pool[lo+p.rng.IntN(len(pool)-lo)]
		if !inQuarter[who] && !reserved[who] {
			return who
		}
	}
}

// Visits to vilans.nl that see no programme article, per visit that does.
const vilansBrowseRatio = 0.15

// planVilans plans the visits to vilans.nl: to the programme's articles, each with its
// visits, and some to the rest of the site.
func (p *planner) planVilans() error {
	for _, a := range vilansArticles {
		pg := p.addPage(vilans, vilansProgrammePrefix+slugify(a.Title), a.Title, true)
		pp := programmePage{Page: pg, Visits: a.Visits, Published: dayOfTime(a.Published), Topical: a.Topical}
		for m, n := range pp.monthlyVisits() {
			for range n {
				p.visits = append(p.visits, p.programmeVisit(vilans, &p.vilans, pp, m))
			}
		}
	}
	mixes := make([]visitorMix, logQuarters)
	for q := range mixes {
		mixes[q] = visitorMix{Returning: 0.17, Earlier: 0.5}
	}
	programme := p.programmeVisits(vilans)
	if err := p.assignVisitors(programme, mixes); err != nil {
		return fmt.Errorf("vilans visitors: %w", err)
	}
	p.planBrowsing(vilans, &p.vilans, programme, vilansBrowseRatio, &vilansMix)
	return nil
}
