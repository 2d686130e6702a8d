package demo

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// The knowledge platform's organic posts on Facebook, Instagram, LinkedIn, X and YouTube
// in the programme period. The top five per channel are the report's (figures.go); their
// dates, every other post and every other figure are the demo's, and every other post
// stays below the channel's fifth, so the published top five come out of the exports.

// platform is a social channel of the knowledge platform.
type platform uint8

const (
	facebook platform = iota
	instagram
	linkedin
	xTwitter
	youtube
)

// postFormat is what a post shows.
type postFormat uint8

const (
	linkPost     postFormat = iota // a link to a page, with its preview
	photoPost                      // a photo, often with a quote
	carouselPost                   // several photos (Instagram)
	videoPost                      // a video (a reel on Instagram)
)

// post is one organic post with its lifetime count at the export after the programme:
// impressions, or views on YouTube.
type post struct {
	Title  string    // the post's text, or the video's title
	At     time.Time // Dutch local time, as a wall clock in time.UTC
	Count  int
	Format postFormat
	Item   int // the catalogue item it is about; 0 if none
}

// at returns a Dutch local time as a wall clock in time.UTC.
func at(y int, m time.Month, d, hour, minute int) time.Time {
	return time.Date(y, m, d, hour, minute, 0, 0, time.UTC)
}

// The published top posts, with the demo's dates (on or just after the day the page or
// video went online, see kennisplein.go and sites.go) and formats.
var (
	linkedInTop = []post{
		{topLinkedInPosts[0].Title, at(2020, time.December, 8, 10, 0), topLinkedInPosts[0].Count, linkPost, 118},
		{topLinkedInPosts[1].Title, at(2020, time.February, 18, 9, 30), topLinkedInPosts[1].Count, linkPost, 26},
		{topLinkedInPosts[2].Title, at(2019, time.October, 22, 8, 45), topLinkedInPosts[2].Count, photoPost, 41},
		{topLinkedInPosts[3].Title, at(2020, time.June, 9, 11, 15), topLinkedInPosts[3].Count, linkPost, 36},
		{topLinkedInPosts[4].Title, at(2020, time.May, 26, 9, 0), topLinkedInPosts[4].Count, linkPost, 78},
	}
	facebookTop = []post{
		{topFacebookPosts[0].Title, at(2019, time.October, 15, 19, 30), topFacebookPosts[0].Count, linkPost, 41},
		{topFacebookPosts[1].Title, at(2020, time.October, 13, 20, 0), topFacebookPosts[1].Count, videoPost, dossierItem},
		{topFacebookPosts[2].Title, at(2020, time.December, 8, 19, 45), topFacebookPosts[2].Count, linkPost, 118},
		{topFacebookPosts[3].Title, at(2021, time.January, 26, 12, 30), topFacebookPosts[3].Count, linkPost, 84},
		{topFacebookPosts[4].Title, at(2020, time.June, 10, 19, 0), topFacebookPosts[4].Count, linkPost, 36},
	}
	xTop = []post{
		{topXPosts[0].Title, at(2020, time.November, 17, 10, 5), topXPosts[0].Count, linkPost, 0},
		{topXPosts[1].Title, at(2021, time.March, 23, 9, 40), topXPosts[1].Count, linkPost, 0},
		{topXPosts[2].Title, at(2021, time.February, 9, 10, 20), topXPosts[2].Count, linkPost, 0},
		{topXPosts[3].Title, at(2021, time.June, 29, 15, 10), topXPosts[3].Count, photoPost, 0},
		{topXPosts[4].Title, at(2019, time.October, 22, 9, 15), topXPosts[4].Count, photoPost, 41},
	}
	// The dossier's videos went online with their pages, the Twinkels' with the magazine.
	youTubeTop = []post{
		{topYouTubeVideos[0].Title, at(2020, time.September, 22, 9, 0), topYouTubeVideos[0].Count, videoPost, dossierItem},
		{topYouTubeVideos[1].Title, at(2020, time.October, 13, 9, 0), topYouTubeVideos[1].Count, videoPost, dossierItem},
		{topYouTubeVideos[2].Title, at(2020, time.November, 10, 9, 0), topYouTubeVideos[2].Count, videoPost, dossierItem},
		{topYouTubeVideos[3].Title, at(2021, time.June, 14, 7, 0), topYouTubeVideos[3].Count, videoPost, 59},
		{topYouTubeVideos[4].Title, at(2021, time.January, 19, 9, 0), topYouTubeVideos[4].Count, videoPost, dossierItem},
	}
)

// The other videos on the YouTube channel in the programme period: vlogs and films of
// the catalogue's items and the other Twinkels with a video. Their views are drawn below
// the fifth video's.
var youTubeOthers = []post{
	{Title: "Wat is ervaringsleren? (Ervaringsleren)", At: at(2021, time.March, 2, 9, 0), Item: dossierItem},
	{Title: "Samen op weg - Pameijer", At: at(2019, time.September, 24, 10, 0), Item: 6},
	{Title: "Aïcha geeft raad #1: Wat is cultuursensitief werken?", At: at(2019, time.November, 5, 10, 0), Item: 15},
	{Title: "Aïcha geeft raad #2: Familie als bondgenoot", At: at(2019, time.November, 19, 10, 0), Item: 15},
	{Title: "Aïcha geeft raad #3: Als de familie iets anders wil", At: at(2019, time.December, 3, 10, 0), Item: 15},
	{Title: "Aïcha geeft raad #4: Geloof en zorg", At: at(2020, time.January, 14, 10, 0), Item: 15},
	{Title: "Aïcha geeft raad #5: Vragen stellen zonder oordeel", At: at(2020, time.January, 28, 10, 0), Item: 15},
	{Title: "Doe'RToe - Esdégé-Reigersdaal", At: at(2020, time.March, 10, 11, 0), Item: 21},
	{Title: "Het digitale planbord bij Triade Vitree", At: at(2020, time.June, 9, 9, 0), Item: 37},
	{Title: "Het Houvast - een unieke werkwijze", At: at(2020, time.July, 7, 10, 0), Item: 47},
	{Title: "Tiny houses bij Ophovenerhof", At: at(2020, time.August, 25, 10, 0), Item: 53},
	{Title: "Nachtzorg: rust voor bewoners en begeleiders", At: at(2020, time.November, 24, 10, 0), Item: 58},
	{Title: "Eén paar handen - De Berkelhof", At: at(2020, time.December, 15, 10, 0), Item: 59},
	{Title: "Bumpy moments", At: at(2021, time.February, 16, 10, 0), Item: 62},
	{Title: "Wil jij er voor mij zijn?", At: at(2021, time.April, 13, 10, 0), Item: 73},
	{Title: "Zelfvertrouwen door bootcamp - Dichterbij", At: at(2021, time.May, 11, 10, 0), Item: 104},
	{Title: "Twinkel #1 - Prinsenstichting", At: at(2021, time.June, 14, 7, 0), Item: 30},
	{Title: "Twinkel #2 - Middin", At: at(2021, time.June, 14, 7, 0), Item: 32},
	{Title: "Twinkel #4 - Dichterbij", At: at(2021, time.June, 14, 7, 0), Item: 104},
	{Title: "Twinkel #7 - WonenPlus", At: at(2021, time.June, 14, 7, 0), Item: 95},
}

// channelPlan is how a channel posted in the programme period.
type channelPlan struct {
	top      []post     // the published top five; nil where the report published none
	below    int        // every other post's count is below this
	perMonth [2]int     // fewest and most other posts a month
	formats  [4]float64 // relative weights of the other posts' formats, by postFormat
	since    time.Time  // the month of the channel's first post; zero: the programme's first
	twinkels bool       // whether it posted the Twinkels once the magazine was online
}

// Streams of the random generators of the social exports, one per channel.
const socialStream = 0x736f6369616c // "social"

var channelPlans = map[platform]channelPlan{
	facebook: {top: facebookTop, below: topFacebookPosts[4].Count, perMonth: [2]int{3, 4}, formats: [4]float64{70, 20, 0, 10}, twinkels: true},
	linkedin: {top: linkedInTop, below: topLinkedInPosts[4].Count, perMonth: [2]int{3, 4}, formats: [4]float64{75, 15, 0, 10}},
	xTwitter: {top: xTop, below: topXPosts[4].Count, perMonth: [2]int{4, 5}, formats: [4]float64{80, 15, 0, 5}},
	// Not published: an account that started in January 2020 and grew with the Twinkels.
	instagram: {below: 2400, perMonth: [2]int{2, 3}, formats: [4]float64{0, 55, 30, 15}, since: at(2020, time.January, 1, 0, 0), twinkels: true},
}

// programmeStart is the programme's first day.
var programmeStart = logStart

// reelsSince is the day Instagram Reels came to the Netherlands: no reel before it.
var reelsSince = at(2020, time.August, 5, 0, 0)

// planPosts returns the channel's posts in the programme period, oldest first: the
// published top five and a few more a month about the programme's pages, each with a
// count below the fifth's that grows with the channel's followers.
func planPosts(pf platform, seed uint64, items []contentItem) []post {
	plan := channelPlans[pf]
	rng := rand.New(rand.NewPCG(seed, socialStream+uint64(pf)))
	pool := postTitles(items, plan.top)
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	nextTwinkel := 0

	posts := slices.Clone(plan.top)
	next := 0
	for m := range reportMonths {
		first := monthStart(m).date()
		if first.Before(plan.since) {
			continue
		}
		n := plan.perMonth[0] + rng.IntN(plan.perMonth[1]-plan.perMonth[0]+1)
		for range n {
			p := post{At: postTime(rng, first, pf)}
			switch {
			case plan.twinkels && !p.At.Before(twinkelLaunch.date()) && nextTwinkel < len(twinkels) && rng.Float64() < 0.5:
				p.Title, p.Item = twinkels[nextTwinkel].Title, twinkels[nextTwinkel].Item
				nextTwinkel++
			case next < len(pool):
				p.Title = pool[next]
				next++
			default:
				p.Title = "Nog niet gezien? " + pool[next%len(pool)]
				next++
			}
			p.Format = postFormat(pick(rng, plan.formats[:]))
			if p.Format == videoPost && pf == instagram && p.At.Before(reelsSince) {
				p.Format = photoPost
			}
			// Followers grow over the programme: later posts reach more people.
			growth := 0.55 + 0.45*float64(m)/float64(reportMonths-1)
			u := rng.Float64()
			p.Count = max(1, int(float64(plan.below)*(0.12+0.78*u*u)*growth))
			posts = append(posts, p)
		}
	}
	slices.SortStableFunc(posts, func(a, b post) int { return a.At.Compare(b.At) })
	return posts
}

// planVideos returns the YouTube channel's videos in the programme period, oldest first.
func planVideos(seed uint64) []post {
	rng := rand.New(rand.NewPCG(seed, socialStream+uint64(youtube)))
	videos := slices.Clone(youTubeTop)
	below := topYouTubeVideos[4].Count
	for _, v := range youTubeOthers {
		u := rng.Float64()
		v.Count = max(12, int(float64(below)*(0.08+0.82*u*u)))
		v.Format = videoPost
		videos = append(videos, v)
	}
	slices.SortStableFunc(videos, func(a, b post) int { return a.At.Compare(b.At) })
	return videos
}

// postTitles returns the titles a channel's other posts draw from: the pages of the
// online catalogue items and vilans.nl's programme articles, without the top posts' items
// and titles, nor titles a top post begins with (the same page, posted again).
func postTitles(items []contentItem, top []post) []string {
	var titles []string
	for _, item := range items {
		if item.Online && !slices.ContainsFunc(top, func(p post) bool { return p.Item == item.Nr }) {
			titles = append(titles, item.PageTitle)
		}
	}
	for _, a := range vilansArticles {
		titles = append(titles, a.Title)
	}
	return slices.DeleteFunc(titles, func(t string) bool {
		return slices.ContainsFunc(top, func(p post) bool { return strings.HasPrefix(p.Title, t) || strings.HasPrefix(t, p.Title) })
	})
}

// postTime returns a moment in the month starting first when the channel posts: a
// working day, in office hours, on a round five minutes; Facebook also in the evening.
func postTime(rng *rand.Rand, first time.Time, pf platform) time.Time {
	days := first.AddDate(0, 1, 0).Sub(first).Hours() / 24
	for {
		d := first.AddDate(0, 0, rng.IntN(int(days)))
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		hour := 8 + rng.IntN(9)
		if pf == facebook && rng.Float64() < 0.4 {
			hour = 19 + rng.IntN(3)
		}
		return d.Add(time.Duration(hour)*time.Hour + time.Duration(5*rng.IntN(12))*time.Minute)
	}
}

// pick returns an index into weights, chosen in proportion to them.
func pick(rng *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	r := rng.Float64() * total
	for i, w := range weights {
		if r < w {
			return i
		}
		r -= w
	}
	return len(weights) - 1
}

// share returns n times a fraction drawn between lo and hi, rounded.
func share(rng *rand.Rand, n int, lo, hi float64) int {
	return int(math.Round(float64(n) * (lo + rng.Float64()*(hi-lo))))
}

// inPeriod returns the posts published in [from, to).
func inPeriod(posts []post, from, to time.Time) []post {
	return slices.DeleteFunc(slices.Clone(posts), func(p post) bool { return p.At.Before(from) || !p.At.Before(to) })
}

// newestFirst returns the posts newest first, as the platforms list them.
func newestFirst(posts []post) []post {
	s := slices.Clone(posts)
	slices.SortStableFunc(s, func(a, b post) int { return cmp.Compare(b.At.Unix(), a.At.Unix()) })
	return s
}

// utcOffset returns the offset of Dutch local time at the wall clock t, in seconds:
// CEST from the last Sunday of March to the last Sunday of October, else CET.
func utcOffset(t time.Time) int {
	lastSunday := func(m time.Month) time.Time {
		d := time.Date(t.Year(), m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		return d.AddDate(0, 0, -int(d.Weekday()))
	}
	summerFrom := lastSunday(time.March).Add(2 * time.Hour)
	summerTo := lastSunday(time.October).Add(3 * time.Hour)
	if !t.Before(summerFrom) && t.Before(summerTo) {
		return 2 * 3600
	}
	return 3600
}

// toUTC returns the UTC time of the Dutch wall clock t.
func toUTC(t time.Time) time.Time { return t.Add(-time.Duration(utcOffset(t)) * time.Second) }
