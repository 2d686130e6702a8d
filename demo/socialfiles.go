package demo

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The accounts of Kennisplein Gehandicaptensector on each channel.
const (
	facebookPageID     = "104356784253647"
	facebookPageName   = "Kennisplein Gehandicaptensector"
	facebookPageHandle = "KennispleinGehandicaptensector"
	instagramAccountID = "17841402318576409"
	instagramUsername  = "kennisplein_ghz"
	xHandle            = "KennispleinGHZ"
)

// Headers of the organic post exports, exactly as the platforms write them.
var (
	facebookPostsHeader = []string{
		"Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
		"Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels",
		"Funded content status", "Data comment", "Date", "Impressions", "Reach", "Reactions", "Comments",
		"Shares", "Total clicks", "Link clicks", "Other Clicks", "3-second video views",
	}
	instagramPostsHeader = []string{
		"Bericht-ID", "Account-ID", "Accountgebruikersnaam", "Accountnaam", "Beschrijving", "Duur (sec)",
		"Publicatietijdstip", "Permalink", "Berichttype", "Opmerking bij gegevens", "Datum", "Weergaven",
		"Bereik", "Vind-ik-leuks", "Gedeeld", "Volgers", "Opmerkingen", "Opgeslagen", "Afspelen",
	}
	linkedInPostsHeader = []string{
		"Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date",
		"Campaign start date", "Campaign end date", "Audience", "Impressions",
		"Views (excluding off-site video views)", "Off-site views", "Clicks", "Click through rate (CTR)",
		"Likes", "Comments", "Reposts", "Follows", "Engagement rate", "Content Type",
	}
	xLegacyHeader = []string{
		"Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "engagement rate",
		"retweets", "replies", "likes", "user profile clicks", "url clicks", "hashtag clicks", "detail expands",
		"permalink clicks", "app opens", "app installs", "follows", "email tweet", "dial phone", "media views",
		"media engagements", "promoted impressions", "promoted engagements", "promoted engagement rate",
		"promoted retweets", "promoted replies", "promoted likes", "promoted user profile clicks",
		"promoted url clicks", "promoted hashtag clicks", "promoted detail expands", "promoted permalink clicks",
		"promoted app opens", "promoted app installs", "promoted follows", "promoted email tweet",
		"promoted dial phone", "promoted media views", "promoted media engagements",
	}
	xCurrentHeader = []string{
		"Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements", "Bookmarks",
		"Shares", "New follows", "Replies", "Reposts", "Profile visits", "Detail expands", "URL Clicks",
		"Hashtag clicks", "Permalink clicks",
	}
	youTubeHeader = []string{
		"Content", "Video title", "Video publish time", "Views", "Watch time (hours)", "Subscribers",
		"Impressions", "Impressions click-through rate (%)",
	}
)

// Files of the organic post exports.
const (
	facebookPostsFile  = "facebook_berichten_Sep-01-2019_Aug-31-2021.csv"
	instagramPostsFile = "instagram_berichten_01-09-2019_31-08-2021.csv"
	// LinkedIn exports at most 365 days at a time: the programme's two years are two exports,
	// the first saved from Excel as CSV.
	linkedInYear1File = "kennisplein-gehandicaptensector_content_2019-09-01_2020-08-31.csv"
	linkedInYear2File = "kennisplein-gehandicaptensector_content_2020-09-01_2021-08-31.xlsx"
	xLegacyFile       = "tweet_activity_metrics_" + xHandle + "_20190901_20201231_en.csv"
	xCurrentFile      = "account_analytics_content_2021-01-01_2021-08-31.csv"
	youTubeFile       = "youtube_Table data.csv"
)

// The day the second LinkedIn export and the current X export start.
var (
	linkedInYear2 = at(2020, time.September, 1, 0, 0)
	xCurrentFrom  = at(2021, time.January, 1, 0, 0)
)

// writeSocialPosts writes the organic post exports of every channel for the programme
// period: Facebook and Instagram from Meta Business Suite, LinkedIn's page analytics in
// two yearly exports (a CSV and an XLSX), X's legacy tweet activity for 2019-2020 and its
// current post analytics for 2021, and YouTube Studio's table.
func writeSocialPosts(dir string, seed uint64, items []contentItem) ([]File, error) {
	var files []File
	add := func(f File, err error) error {
		if err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		files = append(files, f)
		return nil
	}
	path := func(name string) string { return filepath.Join(dir, name) }
	ids := idSet{}

	fb := planPosts(facebook, seed, items)
	if err := add(writeFacebookPosts(path(facebookPostsFile), fb, metricsRand(seed, facebook), ids)); err != nil {
		return nil, err
	}
	ig := planPosts(instagram, seed, items)
	if err := add(writeInstagramPosts(path(instagramPostsFile), ig, metricsRand(seed, instagram), ids)); err != nil {
		return nil, err
	}

	li := planPosts(linkedin, seed, items)
	rng := metricsRand(seed, linkedin)
	rows := linkedInRows(li, rng, ids)
	year1 := inPeriod(li, programmeStart, linkedInYear2)
	if err := add(writeLinkedInCSV(path(linkedInYear1File), "1 Sep 2019 - 31 Aug 2020", rows[:len(year1)])); err != nil {
		return nil, err
	}
	if err := add(writeLinkedInXLSX(path(linkedInYear2File), "1 Sep 2020 - 31 Aug 2021", rows[len(year1):])); err != nil {
		return nil, err
	}

	tweets := planPosts(xTwitter, seed, items)
	rng = metricsRand(seed, xTwitter)
	legacy := inPeriod(tweets, programmeStart, xCurrentFrom)
	if err := add(writeXLegacy(path(xLegacyFile), legacy, rng, ids)); err != nil {
		return nil, err
	}
	if err := add(writeXCurrent(path(xCurrentFile), tweets[len(legacy):], rng, ids)); err != nil {
		return nil, err
	}

	videos := planVideos(seed)
	if err := add(writeYouTube(path(youTubeFile), videos, metricsRand(seed, youtube), ids)); err != nil {
		return nil, err
	}
	return files, nil
}

// metricsRand returns the random generator of a channel's figures besides its counts.
func metricsRand(seed uint64, pf platform) *rand.Rand {
	return rand.New(rand.NewPCG(seed, socialStream+0x100+uint64(pf)))
}

// idSet hands out ids that are unique over the demo's exports.
type idSet map[string]bool

// fresh returns the first id from gen that was not handed out before.
func (s idSet) fresh(gen func() string) string {
	for {
		if id := gen(); !s[id] {
			s[id] = true
			return id
		}
	}
}

// digits returns n random decimal digits, the first not zero.
func digits(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	b[0] = byte('1' + rng.IntN(9))
	for i := 1; i < n; i++ {
		b[i] = byte('0' + rng.IntN(10))
	}
	return string(b)
}

// base64URL is the alphabet of Instagram's and YouTube's ids.
const base64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// randomCode returns n random characters of base64URL.
func randomCode(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = base64URL[rng.IntN(len(base64URL))]
	}
	return string(b)
}

// snowflake returns a time-ordered 64-bit id as X and LinkedIn make them: milliseconds
// since epoch (Unix ms) in the high bits, 22 random bits below.
func snowflake(rng *rand.Rand, local time.Time, epochMillis int64) string {
	ms := toUTC(local).UnixMilli() - epochMillis
	return strconv.FormatUint(uint64(ms)<<22|rng.Uint64N(1<<22), 10)
}

// xEpoch is X's id epoch in Unix milliseconds (4 November 2010).
const xEpoch = 1288834974657

// csvFile is a CSV export being built in memory.
type csvFile struct {
	b bytes.Buffer
	w *csv.Writer
}

// newCSV starts an export with the separator sep, CRLF line ends or not, and a UTF-8
// byte order mark or not.
func newCSV(sep rune, crlf, bom bool) *csvFile {
	f := &csvFile{}
	if bom {
		f.b.WriteString("\uFEFF")
	}
	f.w = csv.NewWriter(&f.b)
	f.w.Comma = sep
	f.w.UseCRLF = crlf
	return f
}

func (f *csvFile) write(rec ...string) { _ = f.w.Write(rec) } // a bytes.Buffer does not fail

// save writes the export to path as a file of kind with rows data rows.
func (f *csvFile) save(path, kind string, rows int) (File, error) {
	f.w.Flush()
	file := File{Path: path, Kind: kind, Rows: rows}
	if err := f.w.Error(); err != nil {
		return file, err
	}
	return file, os.WriteFile(path, f.b.Bytes(), 0o644)
}

// itoa formats a count.
func itoa(n int) string { return strconv.Itoa(n) }

// fraction formats a rate as the exports do: a fraction with all its digits.
func fraction(part, whole int) string {
	if whole == 0 {
		return "0"
	}
	return strconv.FormatFloat(float64(part)/float64(whole), 'f', -1, 64)
}

// writeFacebookPosts writes a Meta Business Suite export of the Facebook page's posts:
// English headers, comma separated UTF-8, lifetime figures, newest post first.
func writeFacebookPosts(path string, posts []post, rng *rand.Rand, ids idSet) (File, error) {
	f := newCSV(',', false, false)
	f.write(facebookPostsHeader...)
	for _, p := range newestFirst(posts) {
		id := ids.fresh(func() string { return digits(rng, 16) })
		title, duration, views, kind := "", "", "", "Links"
		permalink := "https://www.facebook.com/" + facebookPageHandle + "/posts/" + id
		linkClicks := share(rng, p.Count, 0.01, 0.04)
		switch p.Format {
		case photoPost, carouselPost:
			kind, linkClicks = "Photos", 0
		case videoPost:
			kind, linkClicks = "Videos", 0
			title, duration = p.Title, itoa(40+rng.IntN(150))
			views = itoa(share(rng, p.Count, 0.25, 0.45))
			permalink = "https://www.facebook.com/" + facebookPageHandle + "/videos/" + id + "/"
		}
		otherClicks := share(rng, p.Count, 0.01, 0.05)
		f.write(id, facebookPageID, facebookPageName, title, p.Title, duration,
			p.At.Format("01/02/2006 15:04"), "", permalink, "No", "No", kind, "", "", "", "", "Lifetime",
			itoa(p.Count), itoa(share(rng, p.Count, 0.72, 0.9)), itoa(share(rng, p.Count, 0.01, 0.035)),
			itoa(share(rng, p.Count, 0, 0.003)), itoa(share(rng, p.Count, 0.001, 0.008)),
			itoa(linkClicks+otherClicks), itoa(linkClicks), itoa(otherClicks), views)
	}
	return f.save(path, KindMetaPosts, len(posts))
}

// instagramHashtags end a caption on Instagram.
var instagramHashtags = []string{
	"#gehandicaptenzorg #begeleidingalacarte",
	"#gehandicaptenzorg #zorg #begeleiding",
	"#twinkels #gehandicaptenzorg",
}

// writeInstagramPosts writes a Meta Business Suite export of the Instagram account's
// posts as a Dutch desktop saves it: Dutch headers, semicolons, UTF-8 with a byte order
// mark, CRLF, decimal commas; captions run over several lines.
func writeInstagramPosts(path string, posts []post, rng *rand.Rand, ids idSet) (File, error) {
	f := newCSV(';', true, true)
	f.write(instagramPostsHeader...)
	for _, p := range newestFirst(posts) {
		id := ids.fresh(func() string { return "17" + digits(rng, 15) })
		prefix := "B" // shortcodes of posts before mid-2020 begin with B, later ones with C
		if !p.At.Before(at(2020, time.June, 1, 0, 0)) {
			prefix = "C"
		}
		shortcode := ids.fresh(func() string { return prefix + randomCode(rng, 10) })
		caption := p.Title + "\n\n" + instagramHashtags[rng.IntN(len(instagramHashtags))]
		duration, plays, kind, link := "", "", "IG-afbeelding", "https://www.instagram.com/p/"+shortcode+"/"
		switch p.Format {
		case carouselPost:
			kind = "IG-carrousel"
		case videoPost:
			kind, link = "IG-reel", "https://www.instagram.com/reel/"+shortcode+"/"
			duration = strings.Replace(strconv.FormatFloat(8+float64(rng.IntN(520))/10, 'f', 1, 64), ".", ",", 1)
			plays = itoa(share(rng, p.Count, 0.9, 1.4))
		}
		note := ""
		if p.At.Before(at(2020, time.March, 1, 0, 0)) {
			note = "Sommige gegevens zijn mogelijk niet beschikbaar voor berichten die voor deze datum zijn geplaatst."
		}
		f.write(id, instagramAccountID, instagramUsername, facebookPageName, caption, duration,
			p.At.Format("02-01-2006 15:04"), link, kind, note, "Levensduur", itoa(p.Count),
			itoa(share(rng, p.Count, 0.7, 0.88)), itoa(share(rng, p.Count, 0.03, 0.08)),
			itoa(share(rng, p.Count, 0.001, 0.01)), itoa(share(rng, p.Count, 0, 0.002)),
			itoa(share(rng, p.Count, 0, 0.006)), itoa(share(rng, p.Count, 0.002, 0.015)), plays)
	}
	return f.save(path, KindMetaPosts, len(posts))
}

// linkedInRow is one post of LinkedIn's "All posts" sheet.
type linkedInRow struct {
	Title, Link, PostedBy, Created, ContentType   string
	Impressions, Clicks, Likes, Comments, Reposts int
	Follows                                       int
	Views, OffSiteViews                           int // -1 where the post has no video
}

// The page's administrators who posted.
var linkedInAdmins = []string{"Marloes Verbeek", "Joost van Dam", "Kennisplein Gehandicaptensector"}

// linkedInRows returns the sheet's rows of posts, oldest first.
func linkedInRows(posts []post, rng *rand.Rand, ids idSet) []linkedInRow {
	var rows []linkedInRow
	for _, p := range posts {
		r := linkedInRow{
			Title:       p.Title,
			Link:        "https://www.linkedin.com/feed/update/urn:li:activity:" + ids.fresh(func() string { return snowflake(rng, p.At, 0) }),
			PostedBy:    linkedInAdmins[pick(rng, []float64{5, 3, 2})],
			Created:     p.At.Format("01/02/2006"),
			ContentType: "Article",
			Impressions: p.Count,
			Clicks:      share(rng, p.Count, 0.01, 0.05),
			Likes:       share(rng, p.Count, 0.008, 0.03),
			Comments:    share(rng, p.Count, 0, 0.003),
			Reposts:     share(rng, p.Count, 0, 0.004),
			Follows:     share(rng, p.Count, 0, 0.0008),
			Views:       -1,
		}
		switch p.Format {
		case photoPost, carouselPost:
			r.ContentType = "Image"
		case videoPost:
			r.ContentType = "Video"
			r.Views, r.OffSiteViews = share(rng, p.Count, 0.2, 0.4), share(rng, p.Count, 0, 0.02)
		}
		rows = append(rows, r)
	}
	return rows
}

// engagementRate is LinkedIn's: clicks, likes, comments, reposts and follows per impression.
func (r linkedInRow) engagementRate() float64 {
	return float64(r.Clicks+r.Likes+r.Comments+r.Reposts+r.Follows) / float64(r.Impressions)
}

// cells returns the row's cells: text, whole numbers, fractions and nil for an empty cell.
func (r linkedInRow) cells() []any {
	var views, offSite any // empty cells
	if r.Views >= 0 {
		views, offSite = r.Views, r.OffSiteViews
	}
	return []any{r.Title, r.Link, "Organic", nil, r.PostedBy, r.Created, nil, nil, "All followers",
		r.Impressions, views, offSite, r.Clicks, float64(r.Clicks) / float64(r.Impressions),
		r.Likes, r.Comments, r.Reposts, r.Follows, r.engagementRate(), r.ContentType}
}

// linkedInNote is the sheet's first row.
func linkedInNote(period string) string { return "All posts data for " + period }

// writeLinkedInCSV writes LinkedIn's "All posts" sheet as Excel saves it as "CSV UTF-8":
// a byte order mark, CRLF, the note row padded to the sheet's width, then the header.
func writeLinkedInCSV(path, period string, rows []linkedInRow) (File, error) {
	f := newCSV(',', true, true)
	note := make([]string, len(linkedInPostsHeader))
	note[0] = linkedInNote(period)
	f.write(note...)
	f.write(linkedInPostsHeader...)
	for _, r := range rows {
		var rec []string
		for _, c := range r.cells() {
			switch c := c.(type) {
			case nil:
				rec = append(rec, "")
			case string:
				rec = append(rec, c)
			case int:
				rec = append(rec, itoa(c))
			case float64:
				rec = append(rec, strconv.FormatFloat(c, 'g', 10, 64)) // as Excel shows General
			}
		}
		f.write(rec...)
	}
	return f.save(path, KindLinkedInPosts, len(rows))
}

// writeLinkedInXLSX writes LinkedIn's page analytics workbook: the sheet "All posts" with
// the note in row 1, the header in row 2 and one post a row, numbers as numbers.
func writeLinkedInXLSX(path, period string, rows []linkedInRow) (file File, err error) {
	file = File{Path: path, Kind: KindLinkedInPosts, Rows: len(rows)}
	x := excelize.NewFile()
	defer func() {
		if cerr := x.Close(); err == nil {
			err = cerr
		}
	}()
	const sheet = "All posts"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return file, err
	}
	// Fixed document dates: the same seed writes the same bytes.
	if err := x.SetDocProps(&excelize.DocProperties{
		Creator: "LinkedIn", Created: "2021-09-01T08:12:00Z", Modified: "2021-09-01T08:12:00Z",
	}); err != nil {
		return file, err
	}
	if err := x.SetCellStr(sheet, "A1", linkedInNote(period)); err != nil {
		return file, err
	}
	header := make([]any, len(linkedInPostsHeader))
	for i, h := range linkedInPostsHeader {
		header[i] = h
	}
	if err := x.SetSheetRow(sheet, "A2", &header); err != nil {
		return file, err
	}
	for i, r := range rows {
		cells := r.cells()
		if err := x.SetSheetRow(sheet, "A"+strconv.Itoa(i+3), &cells); err != nil {
			return file, err
		}
	}
	b, err := x.WriteToBuffer()
	if err != nil {
		return file, err
	}
	return file, os.WriteFile(path, b.Bytes(), 0o644)
}

// tweetText is a tweet as posted: the published top tweets are their title alone; others
// often carry a hashtag and, for a link, its t.co short link.
func tweetText(rng *rand.Rand, p post, top bool) (text string, hashtag bool) {
	if top {
		return p.Title, false
	}
	text = p.Title
	if rng.Float64() < 0.4 {
		text += " #gehandicaptenzorg"
		hashtag = true
	}
	if p.Format == linkPost {
		text += " https://t.co/" + randomCode(rng, 10)
	}
	return text, hashtag
}

// isTop reports whether p is one of the published top posts.
func isTop(p post, top []post) bool {
	for _, t := range top {
		if t.Title == p.Title && t.At.Equal(p.At) {
			return true
		}
	}
	return false
}

// writeXLegacy writes X's legacy tweet activity export (analytics.twitter.com, By Tweet):
// times in UTC, engagement rate as a fraction, "-" in every promoted column.
func writeXLegacy(path string, tweets []post, rng *rand.Rand, ids idSet) (File, error) {
	f := newCSV(',', false, false)
	f.write(xLegacyHeader...)
	promoted := make([]string, 18)
	for i := range promoted {
		promoted[i] = "-"
	}
	for _, p := range newestFirst(tweets) {
		id := ids.fresh(func() string { return snowflake(rng, p.At, xEpoch) })
		text, hashtag := tweetText(rng, p, isTop(p, xTop))
		n := p.Count
		retweets, replies, likes := share(rng, n, 0.002, 0.01), share(rng, n, 0, 0.003), share(rng, n, 0.008, 0.025)
		profile, detail, permalink := share(rng, n, 0.001, 0.006), share(rng, n, 0.005, 0.02), share(rng, n, 0, 0.002)
		follows := share(rng, n, 0, 0.001)
		urlClicks, hashtagClicks, mediaViews, mediaEngagements := 0, 0, 0, 0
		if p.Format == linkPost {
			urlClicks = share(rng, n, 0.005, 0.025)
		} else {
			mediaViews, mediaEngagements = share(rng, n, 0.05, 0.2), share(rng, n, 0.01, 0.04)
		}
		if hashtag {
			hashtagClicks = share(rng, n, 0, 0.003)
		}
		engagements := retweets + replies + likes + profile + urlClicks + hashtagClicks + detail + permalink + follows + mediaEngagements
		rec := []string{id, "https://twitter.com/" + xHandle + "/status/" + id, text,
			toUTC(p.At).Format("2006-01-02 15:04 +0000"), itoa(n), itoa(engagements), fraction(engagements, n),
			itoa(retweets), itoa(replies), itoa(likes), itoa(profile), itoa(urlClicks), itoa(hashtagClicks),
			itoa(detail), itoa(permalink), "0", "0", itoa(follows), "0", "0", itoa(mediaViews), itoa(mediaEngagements)}
		f.write(append(rec, promoted...)...)
	}
	return f.save(path, KindXPosts, len(tweets))
}

// writeXCurrent writes X's current post analytics export: a date without a time, counts only.
func writeXCurrent(path string, tweets []post, rng *rand.Rand, ids idSet) (File, error) {
	f := newCSV(',', false, false)
	f.write(xCurrentHeader...)
	for _, p := range newestFirst(tweets) {
		id := ids.fresh(func() string { return snowflake(rng, p.At, xEpoch) })
		text, hashtag := tweetText(rng, p, isTop(p, xTop))
		n := p.Count
		likes, bookmarks, shares := share(rng, n, 0.008, 0.025), share(rng, n, 0, 0.002), share(rng, n, 0, 0.001)
		follows, replies, reposts := share(rng, n, 0, 0.001), share(rng, n, 0, 0.003), share(rng, n, 0.002, 0.01)
		profile, detail, permalink := share(rng, n, 0.001, 0.006), share(rng, n, 0.005, 0.02), share(rng, n, 0, 0.002)
		urlClicks, hashtagClicks := 0, 0
		if p.Format == linkPost {
			urlClicks = share(rng, n, 0.005, 0.025)
		}
		if hashtag {
			hashtagClicks = share(rng, n, 0, 0.003)
		}
		engagements := likes + bookmarks + shares + follows + replies + reposts + profile + detail + urlClicks + hashtagClicks + permalink
		f.write(id, p.At.Format("Mon, Jan 2, 2006"), text, "https://x.com/"+xHandle+"/status/"+id, itoa(n),
			itoa(likes), itoa(engagements), itoa(bookmarks), itoa(shares), itoa(follows), itoa(replies),
			itoa(reposts), itoa(profile), itoa(detail), itoa(urlClicks), itoa(hashtagClicks), itoa(permalink))
	}
	return f.save(path, KindXPosts, len(tweets))
}

// writeYouTube writes YouTube Studio's "Table data.csv" of the channel's videos: most
// viewed first, with the Total row YouTube puts second; English numbers.
func writeYouTube(path string, videos []post, rng *rand.Rand, ids idSet) (File, error) {
	type row struct {
		id, title, published     string
		views, subscribers, impr int
		watch                    int // watch time in ten-thousandths of an hour, as exported
		impressionClicks         int // views that came from an impression of the thumbnail
	}
	var rows []row
	var total row
	for _, v := range videos {
		r := row{
			id:          ids.fresh(func() string { return randomCode(rng, 10) + string("AEIMQUYcgkosw048"[rng.IntN(16)]) }),
			title:       v.Title,
			published:   v.At.Format("Jan 2, 2006"),
			views:       v.Count,
			subscribers: share(rng, v.Count, 0.002, 0.012),
			watch:       share(rng, v.Count*10_000, 40.0/3600, 150.0/3600), // 40 s to 2,5 minutes a view
		}
		r.impr = share(rng, v.Count, 5, 14)
		r.impressionClicks = share(rng, v.Count, 0.35, 0.6)
		rows = append(rows, r)
		total.views += r.views
		total.subscribers += r.subscribers
		total.impr += r.impr
		total.watch += r.watch
		total.impressionClicks += r.impressionClicks
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(b.views, a.views) })
	f := newCSV(',', false, false)
	f.write(youTubeHeader...)
	line := func(first, title, published string, r row) {
		f.write(first, title, published, itoa(r.views), fmt.Sprintf("%d.%04d", r.watch/10_000, r.watch%10_000),
			itoa(r.subscribers), itoa(r.impr), strconv.FormatFloat(100*float64(r.impressionClicks)/float64(r.impr), 'f', 2, 64))
	}
	line("Total", "", "", total)
	for _, r := range rows {
		line(r.id, r.title, r.published, r)
	}
	return f.save(path, KindYouTube, len(rows))
}
