package demo

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// planTwinkelmagazine plans the visits to Twinkelmagazine, from its launch with the first
// flight of ads to the end of the campaign, and the visits to Kennisplein that its
// readers made by following a Twinkel's link (the campaign's funnel).
func (p *planner) planTwinkelmagazine() error {
	first := len(p.visits)
	if err := p.planTwinkelVisitsInReport(); err != nil {
		return err
	}
	inReport := p.visits[first:]
	if err := p.assignTwinkelVisitors(inReport); err != nil {
		return err
	}
	var views []*view
	for i := range inReport {
		for j := range inReport[i].Views {
			views = append(views, &inReport[i].Views[j])
		}
	}
	if err := spreadSeconds(views, twinkelmagazineVisits*twinkelmagazineAvgVisitSeconds, 2, 600); err != nil {
		return fmt.Errorf("twinkelmagazine visit durations: %w", err)
	}
	if err := p.planFunnelInReport(first, len(p.visits)); err != nil {
		return err
	}
	p.planTwinkelVisitsAfterReport()
	return nil
}

// Of the funnel's visits in the report period, this many see no programme page, only
// Kennisplein's home, themes or search (chosen); the others see the page the Twinkel links to.
const (
	funnelBrowseVisits    = 172
	funnelProgrammeVisits = twinkelFunnelVisits - funnelBrowseVisits
)

// twinkelVisitSizes is how many pages a visit to Twinkelmagazine views: 1, 2, 3 or 4.
var twinkelVisitSizes = []float64{42, 33, 16, 9}

// planTwinkelVisitsInReport plans the visits of 14 June - 31 August 2021 so that the
// published visits of the magazine and of its top five Twinkels come out exactly. Each
// visit gets a set of pages first, then a day, an order and a channel.
func (p *planner) planTwinkelVisitsInReport() error {
	// What every page must get: its visits.
	type pageCount struct {
		page  int32
		count int
	}
	counts := []pageCount{{p.twinkelHome, twinkelmagazineHomeVisits}}
	total := twinkelmagazineHomeVisits
	for i, t := range twinkels {
		counts = append(counts, pageCount{p.twinkelPages[i], t.Visits})
		total += t.Visits
	}
	slices.SortStableFunc(counts, func(a, b pageCount) int { return cmp.Compare(b.count, a.count) })

	// How many pages each visit views: drawn, then evened out to the total.
	sizes := make([]int, twinkelmagazineVisits)
	sum := 0
	for i := range sizes {
		sizes[i] = 1 + p.pick(twinkelVisitSizes)
		sum += sizes[i]
	}
	for sum != total {
		i := p.rng.IntN(len(sizes))
		switch {
		case sum < total && sizes[i] < len(twinkelVisitSizes):
			sizes[i]++
			sum++
		case sum > total && sizes[i] > 1:
			sizes[i]--
			sum--
		}
	}

	// Deal the pages out: each page to the visits with the most room left, so that no
	// visit gets a page twice and every visit ends up full.
	pages := make([][]int32, len(sizes))
	order := make([]int, len(sizes))
	tiebreak := make([]uint64, len(sizes))
	for i := range order {
		order[i] = i
		tiebreak[i] = p.rng.Uint64()
	}
	for _, pc := range counts {
		slices.SortFunc(order, func(a, b int) int {
			return cmp.Or(cmp.Compare(sizes[b]-len(pages[b]), sizes[a]-len(pages[a])), cmp.Compare(tiebreak[a], tiebreak[b]))
		})
		for _, v := range order[:pc.count] {
			if len(pages[v]) == sizes[v] {
				return fmt.Errorf("twinkelmagazine: cannot give page %q %d visits", p.pages[pc.page].Title, pc.count)
			}
			pages[v] = append(pages[v], pc.page)
		}
	}

	// Days: most visits while the ads run.
	var weights []float64
	for d := twinkelLaunch; d <= reportEnd; d++ {
		weights = append(weights, twinkelDayWeight(d))
	}
	perDay := apportion(twinkelmagazineVisits, weights)
	p.rng.Shuffle(len(pages), func(i, j int) { pages[i], pages[j] = pages[j], pages[i] })
	next := 0
	for i, n := range perDay {
		d := twinkelLaunch + day(i)
		for range n {
			p.visits = append(p.visits, p.twinkelVisit(d, pages[next]))
			next++
		}
	}
	return nil
}

// twinkelDayWeight is the relative number of visits to Twinkelmagazine on d: the ads'
// link clicks per day of flight 1 and 2 (Fig. 14), a trickle between flights.
func twinkelDayWeight(d day) float64 {
	w := 0.0
	switch {
	case d >= twinkelLaunch && d <= flight1End:
		w = 257 * (1.15 - 0.3*float64(d-twinkelLaunch)/float64(flight1End-twinkelLaunch))
	case d >= flight2Start && d <= flight2End:
		w = 220 * (1.1 - 0.35*float64(d-flight2Start)/float64(flight2End-flight2Start))
	case d >= flight3Start && d <= flight3End:
		w = 190 * (1.1 - 0.2*float64(d-flight3Start)/float64(flight3End-flight3Start))
	default:
		w = 20
	}
	if wd := d.date().Weekday(); wd == 0 || wd == 6 {
		w *= 0.85
	}
	return w
}

// twinkelVisit plans a visit to Twinkelmagazine on d that views pages. An ad lands on a
// Twinkel; the home page comes first only for visitors who typed the address.
func (p *planner) twinkelVisit(d day, pages []int32) visit {
	v := visit{Site: twinkelmagazine, Start: moment{d, p.pickStart(21)}, Visitor: noVisitor}
	home := slices.Index(pages, p.twinkelHome)
	var stories []int32
	for _, pg := range pages {
		if pg != p.twinkelHome {
			stories = append(stories, pg)
		}
	}
	p.rng.Shuffle(len(stories), func(i, j int) { stories[i], stories[j] = stories[j], stories[i] })
	mix := &twinkelGapMix
	if inFlight(d) {
		mix = &twinkelFlightMix
	}
	ch := p.pickChannel(mix)
	order := stories
	if home >= 0 {
		switch {
		case len(stories) == 0 || ch == direct && p.chance(0.6):
			order = append([]int32{p.twinkelHome}, stories...)
		default:
			order = slices.Insert(slices.Clone(stories), 1, p.twinkelHome)
		}
	}
	if order[0] == p.twinkelHome && ch == paidSocial {
		ch = direct
	}
	for _, pg := range order {
		s := p.seconds(28, 0.8, 3, 600)
		if pg == p.twinkelHome {
			s = p.seconds(12, 0.7, 2, 300)
		}
		v.Views = append(v.Views, view{Page: pg, Seconds: s})
	}
	p.refer(&v, ch)
	return v
}

// assignTwinkelVisitors gives the magazine's visits of the report period exactly the
// published number of visitors: some readers come back.
func (p *planner) assignTwinkelVisitors(visits []visit) error {
	slices.SortStableFunc(visits, func(a, b visit) int {
		return cmp.Or(cmp.Compare(a.Start.Day, b.Start.Day), cmp.Compare(a.Start.Second, b.Start.Second))
	})
	returning := make([]bool, len(visits))
	for i := range twinkelmagazineVisits - twinkelmagazineVisitors {
		returning[i] = true
	}
	p.rng.Shuffle(len(returning), func(i, j int) { returning[i], returning[j] = returning[j], returning[i] })
	var seen []int32
	for i := range visits {
		if returning[i] && len(seen) == 0 {
			j := slices.Index(returning[i:], false)
			returning[i], returning[i+j] = false, true
		}
		if returning[i] {
			visits[i].Visitor = seen[p.rng.IntN(len(seen))]
		} else {
			visits[i].Visitor = p.newVisitor()
			seen = append(seen, visits[i].Visitor)
		}
	}
	if len(seen) != twinkelmagazineVisitors {
		return fmt.Errorf("twinkelmagazine: %d visitors, want %d", len(seen), twinkelmagazineVisitors)
	}
	return nil
}

// planFunnelInReport picks the magazine visits of the report period (p.visits[from:to])
// after which the reader followed the Twinkel's link to Kennisplein, and plans those
// Kennisplein visits: the published visits, visitors and average duration exactly.
// A reader's first such visit sees the programme page the Twinkel links to.
func (p *planner) planFunnelInReport(from, to int) error {
	const (
		twiceVisitors           = twinkelFunnelVisits - twinkelFunnelVisitors // readers who followed a link twice
		onceVisitors            = twinkelFunnelVisitors - twiceVisitors
		secondVisitsOnProgramme = twiceVisitors - funnelBrowseVisits // second visits that see a programme page again
	)
	// Magazine visits that end on a Twinkel, per reader, in the order of their visits.
	var readers []int32
	endsOnStory := map[int32][]int{}
	for i := from; i < to; i++ {
		v := &p.visits[i]
		if p.pages[v.Views[len(v.Views)-1].Page].Path == "/" {
			continue
		}
		if _, ok := endsOnStory[v.Visitor]; !ok {
			readers = append(readers, v.Visitor)
		}
		endsOnStory[v.Visitor] = append(endsOnStory[v.Visitor], i)
	}
	p.rng.Shuffle(len(readers), func(i, j int) { readers[i], readers[j] = readers[j], readers[i] })
	var twice, once []int32
	for _, r := range readers {
		switch {
		case len(twice) < twiceVisitors && len(endsOnStory[r]) >= 2:
			twice = append(twice, r)
		case len(once) < onceVisitors && len(endsOnStory[r]) == 1:
			once = append(once, r)
		}
	}
	if len(twice) < twiceVisitors || len(once) < onceVisitors {
		return fmt.Errorf("twinkel funnel: found %d and %d readers, want %d and %d", len(twice), len(once), twiceVisitors, onceVisitors)
	}
	secondOnProgramme := make([]bool, twiceVisitors)
	for i := range secondVisitsOnProgramme {
		secondOnProgramme[i] = true
	}
	p.rng.Shuffle(len(secondOnProgramme), func(i, j int) {
		secondOnProgramme[i], secondOnProgramme[j] = secondOnProgramme[j], secondOnProgramme[i]
	})

	first := len(p.visits)
	for i, r := range twice {
		picked := slices.Clone(endsOnStory[r])
		p.rng.Shuffle(len(picked), func(a, b int) { picked[a], picked[b] = picked[b], picked[a] })
		picked = picked[:2]
		slices.Sort(picked)
		p.visits = append(p.visits, p.funnelVisit(picked[0], true))
		p.visits = append(p.visits, p.funnelVisit(picked[1], secondOnProgramme[i]))
	}
	for _, r := range once {
		visits := endsOnStory[r]
		p.visits = append(p.visits, p.funnelVisit(visits[p.rng.IntN(len(visits))], true))
	}

	var views []*view
	for i := first; i < len(p.visits); i++ {
		for j := range p.visits[i].Views {
			views = append(views, &p.visits[i].Views[j])
		}
	}
	if err := spreadSeconds(views, twinkelFunnelVisits*twinkelFunnelAvgVisitSeconds, 3, 1500); err != nil {
		return fmt.Errorf("twinkel funnel visit durations: %w", err)
	}
	return nil
}

// funnelVisit plans the Kennisplein visit of a reader who followed the link at the end of
// magazine visit p.visits[from]; onProgramme says whether it sees the linked programme page.
func (p *planner) funnelVisit(from int, onProgramme bool) visit {
	tv := &p.visits[from]
	last := len(tv.Views) - 1
	v := visit{
		Site:     kennisplein,
		Start:    tv.end(),
		Visitor:  tv.Visitor,
		Referrer: p.viewURL(tv, last),
	}
	p.funnelVisitors[tv.Visitor] = true
	extras := p.pick([]float64{50, 30, 15, 5})
	if onProgramme {
		story := slices.Index(p.twinkelPages, tv.Views[last].Page)
		v.Views = append(v.Views, view{Page: p.itemPage[twinkels[story].Item], Seconds: p.seconds(190, 0.7, 10, 1500)})
	} else {
		extras++
	}
	for range extras {
		w := p.browseView(&p.kennisplein, kennisplein)
		w.Seconds = p.seconds(60, 0.7, 3, 600)
		v.Views = append(v.Views, w)
	}
	return v
}

// planTwinkelVisitsAfterReport plans the magazine's visits from September to the end of
// the campaign: the rest of flight 2, and flight 3. Nothing here is calibrated.
func (p *planner) planTwinkelVisitsAfterReport() {
	weights := []float64{twinkelmagazineHomeVisits}
	pages := []int32{p.twinkelHome}
	for i, t := range twinkels {
		weights = append(weights, float64(t.Visits))
		pages = append(pages, p.twinkelPages[i])
	}
	var readers []int32
	for i := range p.visits {
		if v := &p.visits[i]; v.Site == twinkelmagazine {
			readers = append(readers, v.Visitor)
		}
	}
	for d := reportEnd + 1; d <= lastLogDay; d++ {
		n := int(math.Round(twinkelDayWeight(d) * 0.42 * (0.85 + 0.3*p.rng.Float64())))
		var today []int32
		for range n {
			size := 1 + p.pick(twinkelVisitSizes)
			w := slices.Clone(weights)
			var set []int32
			for range size {
				i := p.pick(w)
				set = append(set, pages[i])
				w[i] = 0
			}
			v := p.twinkelVisit(d, set)
			if p.chance(0.28) {
				v.Visitor = readers[p.rng.IntN(len(readers))]
			} else {
				v.Visitor = p.newVisitor()
			}
			today = append(today, v.Visitor)
			p.visits = append(p.visits, v)
			tv := len(p.visits) - 1
			if p.pages[v.Views[len(v.Views)-1].Page].Path != "/" && p.chance(0.16) {
				p.visits = append(p.visits, p.funnelVisit(tv, !p.funnelVisitors[v.Visitor] || p.chance(0.8)))
			}
		}
		readers = append(readers, today...)
	}
}
