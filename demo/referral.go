package demo

import (
	"fmt"
	"hash/fnv"
	"time"
)

// channel is where a visit came from, as the report groups referrals (Fig. 12).
type channel uint8

const (
	direct     channel = iota // typed or bookmarked: no referrer
	newsletter                // a link in the site's e-mail newsletter (UTM-tagged)
	social                    // an organic post on Facebook, LinkedIn, X, Instagram or YouTube
	search                    // a search engine
	otherSite                 // a link on another website
	paidSocial                // a Twinkel ad on Facebook or Instagram (UTM-tagged)
	channels
)

// channelMix is how a kind of visit divides over the channels, in relative weights.
type channelMix [channels]float64

var (
	// Visits to Kennisplein's programme pages: stable over the programme (Fig. 12).
	kennispleinProgrammeMix = channelMix{direct: 15, newsletter: 25, social: 25, search: 25, otherSite: 10}
	// Visits to Kennisplein that see no programme page.
	kennispleinBrowseMix = channelMix{direct: 30, newsletter: 5, social: 10, search: 45, otherSite: 10}
	// Visits to the programme's articles on vilans.nl.
	vilansMix = channelMix{direct: 15, newsletter: 15, social: 25, search: 35, otherSite: 10}
	// Visits to Twinkelmagazine while the ads run, and between flights.
	twinkelFlightMix = channelMix{direct: 5, social: 6, otherSite: 4, paidSocial: 85}
	twinkelGapMix    = channelMix{direct: 35, social: 40, otherSite: 25}
)

// referrerURL is a referring URL and how often it refers, relative to the others of its channel.
type referrerURL struct {
	URL    string
	Weight float64
}

// Organic social referrers. lnkd.in and t.co are short links: a code is added per page.
var socialReferrers = []referrerURL{
	{"https://l.facebook.com/", 24},
	{"https://www.facebook.com/", 12},
	{"https://www.linkedin.com/", 20},
	{"https://lnkd.in/", 12},
	{"https://t.co/", 10},
	{"https://www.instagram.com/", 9},
	{"https://www.youtube.com/", 8},
}

var searchReferrers = []referrerURL{
	{"https://www.google.com/", 45},
	{"https://www.google.nl/", 42},
	{"https://www.bing.com/", 13},
}

// Other websites that link to Kennisplein (never Twinkelmagazine: its referrals are the
// campaign's funnel and are planned as such).
var kennispleinOtherReferrers = []referrerURL{
	{"https://www.vgn.nl/nieuws", 30},
	{"https://www.zorgvisie.nl/", 18},
	{"https://www.vilans.nl/themas/gehandicaptenzorg", 20},
	{"https://www.skipr.nl/", 8},
	{"https://www.zorgvoorbeter.nl/", 10},
	{"https://www.lfb.nu/", 7},
	{"https://www.ieder-in.nl/", 7},
}

var vilansOtherReferrers = []referrerURL{
	{"https://www.kennispleingehandicaptensector.nl/begeleiding-a-la-carte/", 45},
	{"https://www.vgn.nl/nieuws", 30},
	{"https://www.zorgvisie.nl/", 25},
}

var twinkelOtherReferrers = []referrerURL{
	{"https://www.kennispleingehandicaptensector.nl/", 50},
	{"https://www.vilans.nl/", 35},
	{"https://www.vgn.nl/nieuws", 15},
}

// utmTags are the UTM parameters on a campaign link; the site's analytics keeps them
// with the visit's landing page.
type utmTags struct {
	Source, Medium, Campaign string
}

// query returns the tags as the query string of the landing page's URL.
func (u *utmTags) query() string {
	return "?utm_source=" + u.Source + "&utm_medium=" + u.Medium + "&utm_campaign=" + u.Campaign
}

// newsletterTags tags a link in the site's newsletter of the month of d.
func newsletterTags(s site, d day) *utmTags {
	t := d.date()
	return &utmTags{Source: "nieuwsbrief", Medium: "email", Campaign: fmt.Sprintf("%s-nieuwsbrief-%04d-%02d", s, t.Year(), t.Month())}
}

// The Twinkel ads' tags, one per platform.
var (
	facebookAdTags  = &utmTags{Source: "facebook", Medium: "paid", Campaign: "twinkels-2021"}
	instagramAdTags = &utmTags{Source: "instagram", Medium: "paid", Campaign: "twinkels-2021"}
)

// newsletterDay is the day a site's newsletter goes out in log month m: the second
// Thursday for Kennisplein, the first Tuesday for Vilans.
func newsletterDay(s site, m int) day {
	first := monthStart(m)
	weekday, nth := time.Thursday, 2
	if s == vilans {
		weekday, nth = time.Tuesday, 1
	}
	d := first + day((int(weekday)-int(first.date().Weekday())+7)%7)
	return d + day(7*(nth-1))
}

// shortLink completes a short-link referrer with a code that is the same for every visit
// to the same page, as when one post is shared.
func shortLink(base, path string) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	h := fnv.New64a()
	h.Write([]byte(base + path))
	sum := h.Sum64()
	code := make([]byte, 7)
	for i := range code {
		code[i] = alphabet[sum%uint64(len(alphabet))]
		sum /= uint64(len(alphabet))
	}
	return base + string(code)
}
