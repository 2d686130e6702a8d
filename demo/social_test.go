package demo

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// testPost is one post as read back from an export.
type testPost struct {
	ID, Title string
	At        time.Time
	Count     int // impressions; views on YouTube
}

// The published top five per channel (hoofdstuk 3, Fig. 13), written out again here so
// that a slip in figures.go cannot pass unnoticed.
var wantTopPosts = map[string][]testPost{
	"linkedin": {
		{Title: "Samenwerken met familie: Waarom loslaten nooit helemaal lukt", Count: 10400},
		{Title: "Je sluit beter aan bij cliënten met flexwonen", Count: 8192},
		{Title: "9 belangrijkste punten voor inrichten van de fysieke leefomgeving", Count: 7978},
		{Title: "Digitale informatieborden: Zo sluit je goed aan op behoeftes (Triade Vitree)", Count: 6310},
		{Title: "Gesprekstool 'Wat is er?'", Count: 6163},
	},
	"facebook": {
		{Title: "Hoe een andere omgeving leidt tot minder gedragsproblemen", Count: 7746},
		{Title: "Sagar vertelt hoe hij het ervaart om steeds weer andere begeleiders te hebben", Count: 6796},
		{Title: "Samenwerken met familie: Waarom loslaten nooit helemaal lukt", Count: 4443},
		{Title: "Hoe kom jij van een beheers- tot leercultuur bij moeilijk verstaanbaar gedrag? (Stichting Ela)", Count: 4374},
		{Title: "Digitale informatieborden: Zo sluit je goed aan op behoeftes (Triade Vitree)", Count: 3913},
	},
	"x": {
		{Title: "Herken overbelasting bij mantelzorgers op tijd", Count: 1158},
		{Title: "Sta met naasten ook stil bij de mooie kanten", Count: 1121},
		{Title: "Drie vormen van begeleiding die cliënten fijn vinden", Count: 898},
		{Title: "Terugblik Congres Volwaardig Leven", Count: 869},
		{Title: "9 belangrijkste punten voor inrichten van de fysieke leefomgeving", Count: 760},
	},
	"youtube": {
		{Title: "Milan over communicatie (Ervaringsleren)", Count: 1639},
		{Title: "Sagar over 1001 begeleiders (Ervaringsleren)", Count: 1433},
		{Title: "Idman over eigen regie (Ervaringsleren)", Count: 1157},
		{Title: "Twinkel #11 - De Berkelhof", Count: 1053},
		{Title: "Vlog Kathalijne - moeder van Jip (Ervaringsleren)", Count: 513},
	},
}

// TestSocialPostsReproduceThePublishedTopFive reads every organic post export back with
// encoding/csv (and the LinkedIn workbook with excelize), lets a later export of the same
// post replace an earlier one, and ranks each channel's posts.
func TestSocialPostsReproduceThePublishedTopFive(t *testing.T) {
	items, err := readCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			dir := t.TempDir()
			files, err := writeSocialPosts(dir, seed, items)
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != 7 {
				t.Fatalf("%d files, want 7", len(files))
			}
			posts := map[string][]testPost{
				"facebook":  readFacebookPosts(t, filepath.Join(dir, facebookPostsFile)),
				"instagram": readInstagramPosts(t, filepath.Join(dir, instagramPostsFile)),
				"linkedin": latest(readLinkedInCSV(t, filepath.Join(dir, linkedInYear1File)),
					readLinkedInXLSX(t, filepath.Join(dir, linkedInYear2File))),
				"x": latest(readXLegacy(t, filepath.Join(dir, xLegacyFile)),
					readXCurrent(t, filepath.Join(dir, xCurrentFile))),
				"youtube": readYouTube(t, filepath.Join(dir, youTubeFile)),
			}
			for _, f := range files {
				if f.Rows == 0 {
					t.Errorf("%s: no rows", f.Path)
				}
			}
			for channel, want := range wantTopPosts {
				ranked := rankPosts(posts[channel])
				var got []testPost
				for _, p := range ranked[:min(5, len(ranked))] {
					got = append(got, testPost{Title: p.Title, Count: p.Count})
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s top five (-want +got):\n%s", channel, diff)
				}
				if len(ranked) < 20 || ranked[5].Count >= ranked[4].Count {
					t.Errorf("%s: %d posts, the sixth with %d; want more below the fifth's %d", channel, len(ranked), ranked[5].Count, ranked[4].Count)
				}
			}
			for channel, list := range posts {
				checkPostDates(t, channel, list)
			}
			if ig := rankPosts(posts["instagram"]); len(ig) < 30 || ig[0].Count > 2400 || ig[len(ig)-1].Count < 1 {
				t.Errorf("instagram: %d posts from %d to %d views, want 30 or more below 2.400", len(ig), ig[len(ig)-1].Count, ig[0].Count)
			}
		})
	}
}

// latest merges exports of the same channel in the order downloaded: a later export of a
// post replaces the earlier one.
func latest(exports ...[]testPost) []testPost {
	byID := map[string]int{}
	var posts []testPost
	for _, export := range exports {
		for _, p := range export {
			if i, ok := byID[p.ID]; ok {
				posts[i] = p
				continue
			}
			byID[p.ID] = len(posts)
			posts = append(posts, p)
		}
	}
	return posts
}

// rankPosts returns the posts most seen first.
func rankPosts(posts []testPost) []testPost {
	ranked := slices.Clone(posts)
	slices.SortStableFunc(ranked, func(a, b testPost) int { return b.Count - a.Count })
	return ranked
}

// checkPostDates checks that a channel's posts lie in the programme period, a few a month.
func checkPostDates(t *testing.T, channel string, posts []testPost) {
	t.Helper()
	perMonth := map[string]int{}
	ids := map[string]bool{}
	for _, p := range posts {
		if p.At.Before(programmeFrom) || !p.At.Before(programmeTo) {
			t.Errorf("%s: post %q of %s is outside the programme period", channel, p.Title, p.At.Format(time.DateOnly))
		}
		perMonth[p.At.Format("2006-01")]++
		if ids[p.ID] {
			t.Errorf("%s: post id %s twice", channel, p.ID)
		}
		ids[p.ID] = true
	}
	months := 24
	if channel == "instagram" {
		months = 20 // since January 2020
	}
	if channel == "youtube" {
		months = 10 // videos come now and then
	}
	if len(perMonth) < months {
		t.Errorf("%s: posts in %d months, want %d or more", channel, len(perMonth), months)
	}
	for m, n := range perMonth {
		if n > 8 {
			t.Errorf("%s: %d posts in %s, want a few", channel, n, m)
		}
	}
}

// readExport reads a CSV export and checks its header, byte order mark and line ends.
func readExport(tb testing.TB, path string, sep rune, bom, crlf bool, header []string) [][]string {
	tb.Helper()
	data := readFile(tb, path)
	if bytes.HasPrefix(data, []byte("\uFEFF")) != bom {
		tb.Errorf("%s: byte order mark %v, want %v", path, !bom, bom)
	}
	if lf, crlfs := bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r\n")); crlf && lf != crlfs || !crlf && crlfs > 0 {
		tb.Errorf("%s: %d of %d line ends are CRLF, want CRLF %v", path, crlfs, lf, crlf)
	}
	rows := readCSV(tb, path, sep)
	rows[0][0] = strings.TrimPrefix(rows[0][0], "\uFEFF")
	if diff := cmp.Diff(header, rows[0]); diff != "" {
		tb.Fatalf("%s: header (-want +got):\n%s", path, diff)
	}
	return rows
}

// column returns a function that reads the named column of a row.
func column(tb testing.TB, header []string) func(row []string, name string) string {
	return func(row []string, name string) string {
		tb.Helper()
		i := slices.Index(header, name)
		if i < 0 || i >= len(row) {
			tb.Fatalf("no column %q in %q", name, row)
		}
		return row[i]
	}
}

func atoi(tb testing.TB, s string) int {
	tb.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		tb.Fatalf("%q is not a whole number", s)
	}
	return n
}

func parseTime(tb testing.TB, layout, s string) time.Time {
	tb.Helper()
	ts, err := time.Parse(layout, s)
	if err != nil {
		tb.Fatalf("%q is not a time like %q", s, layout)
	}
	return ts
}

var digitsOnly = regexp.MustCompile(`^[1-9][0-9]*$`)

func readFacebookPosts(tb testing.TB, path string) []testPost {
	rows := readExport(tb, path, ',', false, false, facebookPostsHeader)
	col := column(tb, rows[0])
	var posts []testPost
	for _, r := range rows[1:] {
		p := testPost{ID: col(r, "Post ID"), Title: col(r, "Description"), Count: atoi(tb, col(r, "Impressions"))}
		p.At = parseTime(tb, "01/02/2006 15:04", col(r, "Publish time"))
		if !digitsOnly.MatchString(p.ID) || col(r, "Page ID") != facebookPageID || col(r, "Date") != "Lifetime" ||
			!strings.HasPrefix(col(r, "Permalink"), "https://www.facebook.com/") || !strings.Contains(col(r, "Permalink"), p.ID) {
			tb.Errorf("%s: row %q", path, r)
		}
		video := col(r, "Post type") == "Videos"
		if video != (col(r, "Title") == p.Title) || video != (col(r, "3-second video views") != "") {
			tb.Errorf("%s: a video has a title and 3-second views, other posts neither: %q", path, r)
		}
		link, other, total := atoi(tb, col(r, "Link clicks")), atoi(tb, col(r, "Other Clicks")), atoi(tb, col(r, "Total clicks"))
		if link+other != total || atoi(tb, col(r, "Reach")) > p.Count {
			tb.Errorf("%s: clicks %d + %d != %d, or reach above impressions: %q", path, link, other, total, r)
		}
		posts = append(posts, p)
	}
	return posts
}

func readInstagramPosts(tb testing.TB, path string) []testPost {
	rows := readExport(tb, path, ';', true, true, instagramPostsHeader)
	col := column(tb, rows[0])
	var posts []testPost
	reels := 0
	for _, r := range rows[1:] {
		p := testPost{ID: col(r, "Bericht-ID"), Count: atoi(tb, col(r, "Weergaven"))}
		p.Title, _, _ = strings.Cut(col(r, "Beschrijving"), "\r\n")
		p.At = parseTime(tb, "02-01-2006 15:04", col(r, "Publicatietijdstip"))
		if !digitsOnly.MatchString(p.ID) || col(r, "Datum") != "Levensduur" || !strings.Contains(col(r, "Beschrijving"), "#") ||
			!regexp.MustCompile(`^https://www\.instagram\.com/(p|reel)/[A-Za-z0-9_-]{11}/$`).MatchString(col(r, "Permalink")) {
			tb.Errorf("%s: row %q", path, r)
		}
		if col(r, "Berichttype") == "IG-reel" {
			reels++
			if !regexp.MustCompile(`^\d+,\d$`).MatchString(col(r, "Duur (sec)")) || col(r, "Afspelen") == "" {
				tb.Errorf("%s: a reel without a duration in Dutch notation or plays: %q", path, r)
			}
		}
		posts = append(posts, p)
	}
	if reels == 0 {
		tb.Errorf("%s: no reels", path)
	}
	return posts
}

// linkedInPost reads one row of LinkedIn's "All posts" sheet and checks its rates.
func linkedInPost(tb testing.TB, path string, col func([]string, string) string, r []string) testPost {
	tb.Helper()
	p := testPost{ID: col(r, "Post link"), Title: col(r, "Post title"), Count: atoi(tb, col(r, "Impressions"))}
	p.At = parseTime(tb, "01/02/2006", col(r, "Created date"))
	if !regexp.MustCompile(`^https://www\.linkedin\.com/feed/update/urn:li:activity:\d{19}$`).MatchString(p.ID) {
		tb.Errorf("%s: post link %q", path, p.ID)
	}
	clicks := atoi(tb, col(r, "Clicks"))
	engaged := clicks + atoi(tb, col(r, "Likes")) + atoi(tb, col(r, "Comments")) + atoi(tb, col(r, "Reposts")) + atoi(tb, col(r, "Follows"))
	for name, want := range map[string]float64{
		"Click through rate (CTR)": float64(clicks) / float64(p.Count),
		"Engagement rate":          float64(engaged) / float64(p.Count),
	} {
		got, err := strconv.ParseFloat(col(r, name), 64)
		if err != nil || got < 0 || got > 1 || got-want > 1e-9 || want-got > 1e-9 {
			tb.Errorf("%s: %s %q, want the fraction %v", path, name, col(r, name), want)
		}
	}
	return p
}

func readLinkedInCSV(tb testing.TB, path string) []testPost {
	data := readFile(tb, path)
	if !bytes.HasPrefix(data, []byte("\uFEFF")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		tb.Errorf("%s: not saved as Excel's CSV UTF-8 (byte order mark, CRLF)", path)
	}
	rows := readCSV(tb, path, ',')
	note := make([]string, len(linkedInPostsHeader))
	note[0] = "\uFEFFAll posts data for 1 Sep 2019 - 31 Aug 2020"
	if diff := cmp.Diff(note, rows[0]); diff != "" {
		tb.Errorf("%s: note row (-want +got):\n%s", path, diff)
	}
	if diff := cmp.Diff(linkedInPostsHeader, rows[1]); diff != "" {
		tb.Fatalf("%s: header (-want +got):\n%s", path, diff)
	}
	col := column(tb, rows[1])
	var posts []testPost
	for _, r := range rows[2:] {
		posts = append(posts, linkedInPost(tb, path, col, r))
	}
	return posts
}

func readLinkedInXLSX(tb testing.TB, path string) []testPost {
	tb.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); !slices.Equal(got, []string{"All posts"}) {
		tb.Errorf("%s: sheets %q, want \"All posts\"", path, got)
	}
	rows, err := x.GetRows("All posts")
	if err != nil {
		tb.Fatal(err)
	}
	if !slices.Equal(rows[0], []string{"All posts data for 1 Sep 2020 - 31 Aug 2021"}) {
		tb.Errorf("%s: note row %q", path, rows[0])
	}
	if diff := cmp.Diff(linkedInPostsHeader, rows[1]); diff != "" {
		tb.Fatalf("%s: header (-want +got):\n%s", path, diff)
	}
	if typ, err := x.GetCellType("All posts", "J3"); err != nil || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		tb.Errorf("%s: impressions are stored as %v, want numbers", path, typ)
	}
	col := column(tb, rows[1])
	var posts []testPost
	for _, r := range rows[2:] {
		posts = append(posts, linkedInPost(tb, path, col, r))
	}
	return posts
}

func readXLegacy(tb testing.TB, path string) []testPost {
	rows := readExport(tb, path, ',', false, false, xLegacyHeader)
	col := column(tb, rows[0])
	var posts []testPost
	for _, r := range rows[1:] {
		p := testPost{ID: col(r, "Tweet id"), Title: tweetTitle(col(r, "Tweet text")), Count: atoi(tb, col(r, "impressions"))}
		utc := parseTime(tb, "2006-01-02 15:04 -0700", col(r, "time"))
		p.At = utc.Add(time.Duration(utcOffset(utc.Add(2*time.Hour))) * time.Second)
		if len(p.ID) != 19 || !digitsOnly.MatchString(p.ID) || col(r, "Tweet permalink") != "https://twitter.com/"+xHandle+"/status/"+p.ID ||
			!strings.HasSuffix(col(r, "time"), " +0000") {
			tb.Errorf("%s: row %q", path, r)
		}
		sum := 0
		for _, name := range []string{"retweets", "replies", "likes", "user profile clicks", "url clicks", "hashtag clicks",
			"detail expands", "permalink clicks", "app opens", "app installs", "follows", "email tweet", "dial phone", "media engagements"} {
			sum += atoi(tb, col(r, name))
		}
		if got := atoi(tb, col(r, "engagements")); got != sum {
			tb.Errorf("%s: engagements %d, parts add up to %d", path, got, sum)
		}
		if rate, err := strconv.ParseFloat(col(r, "engagement rate"), 64); err != nil || rate != float64(sum)/float64(p.Count) {
			tb.Errorf("%s: engagement rate %q, want %v", path, col(r, "engagement rate"), float64(sum)/float64(p.Count))
		}
		for i, h := range rows[0] {
			if strings.HasPrefix(h, "promoted ") && r[i] != "-" {
				tb.Errorf("%s: %s is %q, want -", path, h, r[i])
			}
		}
		posts = append(posts, p)
	}
	return posts
}

func readXCurrent(tb testing.TB, path string) []testPost {
	rows := readExport(tb, path, ',', false, false, xCurrentHeader)
	col := column(tb, rows[0])
	var posts []testPost
	for _, r := range rows[1:] {
		p := testPost{ID: col(r, "Post id"), Title: tweetTitle(col(r, "Post text")), Count: atoi(tb, col(r, "Impressions"))}
		p.At = parseTime(tb, "Mon, Jan 2, 2006", col(r, "Date"))
		if len(p.ID) != 19 || !digitsOnly.MatchString(p.ID) || col(r, "Post Link") != "https://x.com/"+xHandle+"/status/"+p.ID {
			tb.Errorf("%s: row %q", path, r)
		}
		sum := 0
		for _, name := range xCurrentHeader[7:] {
			sum += atoi(tb, col(r, name))
		}
		if got := atoi(tb, col(r, "Engagements")); got != sum+atoi(tb, col(r, "Likes")) {
			tb.Errorf("%s: engagements %d, parts add up to %d", path, got, sum+atoi(tb, col(r, "Likes")))
		}
		posts = append(posts, p)
	}
	return posts
}

// tweetTitle returns a tweet's text without its hashtag and short link.
func tweetTitle(text string) string {
	text, _, _ = strings.Cut(text, " https://t.co/")
	return strings.TrimSuffix(text, " #gehandicaptenzorg")
}

func readYouTube(tb testing.TB, path string) []testPost {
	rows := readExport(tb, path, ',', false, false, youTubeHeader)
	col := column(tb, rows[0])
	total := rows[1]
	if col(total, "Content") != "Total" || col(total, "Video title") != "" || col(total, "Video publish time") != "" {
		tb.Fatalf("%s: second row %q, want the Total", path, total)
	}
	var posts []testPost
	sums := map[string]float64{}
	for _, r := range rows[2:] {
		p := testPost{ID: col(r, "Content"), Title: col(r, "Video title"), Count: atoi(tb, col(r, "Views"))}
		p.At = parseTime(tb, "Jan 2, 2006", col(r, "Video publish time"))
		if !regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`).MatchString(p.ID) || !regexp.MustCompile(`^\d+\.\d{4}$`).MatchString(col(r, "Watch time (hours)")) {
			tb.Errorf("%s: row %q", path, r)
		}
		for _, name := range []string{"Views", "Watch time (hours)", "Subscribers", "Impressions"} {
			sums[name] += number(tb, col(r, name))
		}
		posts = append(posts, p)
	}
	for name, sum := range sums {
		if got := number(tb, col(total, name)); got < sum-1e-6 || got > sum+1e-6 {
			tb.Errorf("%s: Total %s %v, rows add up to %v", path, name, got, sum)
		}
	}
	return posts
}
