package pipeline

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// socialLoad is what a test reads back from social_posts: per row, in line order, and the
// sums of the figures (NULL where no row has the figure).
type socialLoad struct {
	Platforms  []string
	PostIDs    []string
	Lines      []int64
	Published  []string
	FirstTitle string
	FirstURL   string
	Sums       socialSums
}

type socialSums struct {
	Impressions, Reach, Clicks, Engagements, Likes, Comments, Shares, VideoViews sql.NullInt64
	WatchHours                                                                   sql.NullFloat64
}

func some(v int64) sql.NullInt64 { return sql.NullInt64{Int64: v, Valid: true} }

var none sql.NullInt64

func readSocial(tb testing.TB, db *sql.DB) socialLoad {
	tb.Helper()
	rows, err := db.Query(`SELECT platform, post_id, line, coalesce(strftime(published_at, '%Y-%m-%d %H:%M:%S'), ''), title, url
		FROM social_posts ORDER BY file_id, line`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var got socialLoad
	for rows.Next() {
		var platform, id, published, title, url string
		var line int64
		if err := rows.Scan(&platform, &id, &line, &published, &title, &url); err != nil {
			tb.Fatal(err)
		}
		if got.PostIDs == nil {
			got.FirstTitle, got.FirstURL = title, url
		}
		got.Platforms = append(got.Platforms, platform)
		got.PostIDs = append(got.PostIDs, id)
		got.Lines = append(got.Lines, line)
		got.Published = append(got.Published, published)
	}
	s := &got.Sums
	if err := db.QueryRow(`SELECT sum(impressions), sum(reach), sum(clicks), sum(engagements), sum(likes), sum(comments),
		sum(shares), sum(video_views), round(sum(watch_hours), 6) FROM social_posts`).Scan(
		&s.Impressions, &s.Reach, &s.Clicks, &s.Engagements, &s.Likes, &s.Comments, &s.Shares, &s.VideoViews, &s.WatchHours); err != nil {
		tb.Fatal(err)
	}
	return got
}

func repeat(s string, k int) []string {
	out := make([]string, k)
	for i := range out {
		out[i] = s
	}
	return out
}

// Every post export in testdata loads with its kind, encoding, posts, times and figures.
func TestIngestSocialPosts(t *testing.T) {
	fbEN := socialLoad{
		Platforms:  repeat("facebook", 3),
		PostIDs:    []string{"104857600012345_2345678901234567", "104857600012345_2351234567890123", "104857600012345_2367890123456789"},
		Lines:      []int64{2, 3, 4},
		Published:  []string{"2021-06-15 09:30:00", "2021-07-01 14:05:00", "2021-08-23 19:45:00"},
		FirstTitle: "Hoe ziet begeleiding à la carte eruit? Sandra, begeleider bij Middin, vertelt.",
		FirstURL:   "https://www.facebook.com/104857600012345/posts/2345678901234567",
		Sums: socialSums{Impressions: some(5566), Reach: some(4572), Clicks: some(56), Engagements: some(222), Likes: some(169),
			Comments: some(29), Shares: some(24), VideoViews: some(1022)},
	}
	fbNL := fbEN
	fbNL.FirstTitle = "Café-gesprek: hoe ziet begeleiding à la carte eruit?"
	linkedInEN := socialLoad{
		Platforms:  repeat("linkedin", 3),
		PostIDs:    []string{"urn:li:activity:6810123456789012345", "urn:li:activity:6817234567890123456", "urn:li:ugcPost:6835345678901234567"},
		Lines:      []int64{3, 4, 5},
		Published:  []string{"2021-06-15 00:00:00", "2021-07-01 00:00:00", "2021-08-23 00:00:00"},
		FirstTitle: "Begeleiding à la carte: wat vraagt het van begeleiders? Lees het verhaal van Sandra, begeleider bij Middin.",
		FirstURL:   "https://www.linkedin.com/feed/update/urn:li:activity:6810123456789012345",
		Sums: socialSums{Impressions: some(14539), Reach: none, Clicks: some(316), Engagements: none, Likes: some(144),
			Comments: some(13), Shares: some(16), VideoViews: some(612)},
	}
	linkedInXLSX := linkedInEN
	linkedInXLSX.FirstTitle = "Begeleiding à la carte: wat vraagt het van begeleiders?"
	for _, tc := range []struct {
		dir, kind, encoding string
		skipped             int64
		want                socialLoad
	}{
		{"meta_posts_fb_en", "meta_posts", "utf-8", 0, fbEN},
		{"meta_posts_fb_nl", "meta_posts", "windows-1252", 0, fbNL},
		{"meta_posts_ig_en", "meta_posts", "utf-8", 0, socialLoad{
			Platforms:  repeat("instagram", 2),
			PostIDs:    []string{"17912345678901234", "18023456789012345"},
			Lines:      []int64{2, 3},
			Published:  []string{"2021-06-18 12:00:00", "2021-07-22 17:15:00"},
			FirstTitle: "Wat betekent begeleiding à la carte voor Sandra? #zorg #begeleiding",
			FirstURL:   "https://www.instagram.com/p/CQabc123XyZ/",
			Sums: socialSums{Impressions: some(7735), Reach: some(6765), Clicks: none, Engagements: none, Likes: some(556),
				Comments: some(36), Shares: some(46), VideoViews: some(7815)},
		}},
		{"linkedin_csv_en", "linkedin_posts", "utf-8", 0, linkedInEN},
		{"linkedin_xlsx_en", "linkedin_posts", "xlsx", 0, linkedInXLSX},
		{"linkedin_xlsx_nl", "linkedin_posts", "xlsx", 0, socialLoad{
			Platforms:  repeat("linkedin", 2),
			PostIDs:    []string{"urn:li:activity:6812345678901234567", "urn:li:activity:6831456789012345678"},
			Lines:      []int64{3, 4},
			Published:  []string{"2021-06-03 00:00:00", "2021-08-12 00:00:00"},
			FirstTitle: "Café-gesprek: begeleiding à la carte bij Middin",
			FirstURL:   "https://www.linkedin.com/feed/update/urn:li:activity:6812345678901234567",
			Sums: socialSums{Impressions: some(4664), Reach: none, Clicks: some(124), Engagements: none, Likes: some(71),
				Comments: some(9), Shares: some(15), VideoViews: some(301)},
		}},
		{"x_legacy", "x_posts", "utf-8", 0, socialLoad{
			Platforms: repeat("x", 3),
			PostIDs:   []string{"1404712345678901234", "1410523456789012345", "1429834567890123456"},
			Lines:     []int64{2, 3, 4},
			// +0000 in the export; Amsterdam summer time is two hours later.
			Published:  []string{"2021-06-15 09:30:00", "2021-07-01 10:05:00", "2021-08-23 19:45:00"},
			FirstTitle: "Hoe ziet begeleiding à la carte eruit? Sandra vertelt https://t.co/AbCdEfGh12",
			FirstURL:   "https://twitter.com/kennisplein/status/1404712345678901234",
			Sums: socialSums{Impressions: some(5097), Reach: none, Clicks: some(56), Engagements: some(165), Likes: some(35),
				Comments: some(3), Shares: some(11), VideoViews: some(415)},
		}},
		{"x_current", "x_posts", "utf-8", 0, socialLoad{
			Platforms:  repeat("x", 3),
			PostIDs:    []string{"1934712345678901234", "1939812345678901234", "1944912345678901234"},
			Lines:      []int64{2, 3, 4},
			Published:  []string{"2026-06-16 00:00:00", "2026-06-30 00:00:00", "2026-07-14 00:00:00"},
			FirstTitle: "Nieuw kennisproduct: begeleiding à la carte in de praktijk https://t.co/Qw12Er34Ty",
			FirstURL:   "https://x.com/kennisplein/status/1934712345678901234",
			Sums: socialSums{Impressions: some(4452), Reach: none, Clicks: some(35), Engagements: some(171), Likes: some(60),
				Comments: some(7), Shares: some(13), VideoViews: none},
		}},
		{"youtube", "youtube_videos", "utf-8", 1, socialLoad{
			Platforms:  repeat("youtube", 2),
			PostIDs:    []string{"q8Zk2JdW0aE", "R3v_Lm-9XcY"},
			Lines:      []int64{3, 4}, // line 2 is the Total row
			Published:  []string{"2021-06-15 00:00:00", "2021-07-01 00:00:00"},
			FirstTitle: "Begeleiding à la carte: het verhaal van Sandra",
			FirstURL:   "https://www.youtube.com/watch?v=q8Zk2JdW0aE",
			Sums: socialSums{Impressions: some(40210), Reach: none, Clicks: none, Engagements: none, Likes: none,
				Comments: none, Shares: none, VideoViews: some(3120), WatchHours: sql.NullFloat64{Float64: 187.3421, Valid: true}},
		}},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			db, path := testDB(t)
			out := ingestPaths(t, db, path, filepath.Join("../testdata/ingest", tc.dir))
			if len(out) != 1 {
				t.Fatalf("%d outcomes, want 1", len(out))
			}
			o := out[0]
			wantRows := int64(len(tc.want.PostIDs))
			if o.Status != "loaded" || o.Kind != tc.kind || o.Encoding != tc.encoding || o.Rows != wantRows || o.Skipped != tc.skipped || o.Rejected != 0 {
				t.Fatalf("outcome %+v (error %v), want %s read as %s, %d rows, %d skipped", o, o.Err, tc.kind, tc.encoding, wantRows, tc.skipped)
			}
			if diff := cmp.Diff(tc.want, readSocial(t, db)); diff != "" {
				t.Errorf("social_posts (-want +got):\n%s", diff)
			}
		})
	}
}

// The LinkedIn sheet saved as CSV and the XLSX as downloaded load the same figures.
func TestLinkedInCSVAndXLSXLoadTheSameFigures(t *testing.T) {
	var loads []socialLoad
	for _, dir := range []string{"linkedin_csv_en", "linkedin_xlsx_en"} {
		db, path := testDB(t)
		ingestPaths(t, db, path, filepath.Join("../testdata/ingest", dir))
		l := readSocial(t, db)
		l.FirstTitle = "" // the CSV's first title is longer
		loads = append(loads, l)
	}
	if diff := cmp.Diff(loads[0], loads[1]); diff != "" {
		t.Errorf("CSV and XLSX differ (-csv +xlsx):\n%s", diff)
	}
}

// A newer export of the same posts replaces their rows instead of counting them twice.
func TestNewerPostExportReplacesOlderRows(t *testing.T) {
	db, path := testDB(t)
	older := "../testdata/ingest/x_current/account_analytics_content_2026-06-15_2026-07-14.csv"
	first := ingestPaths(t, db, path, older)
	if first[0].Status != "loaded" || first[0].Rows != 3 {
		t.Fatalf("first export: %+v", first[0])
	}
	newer := writeFile(t, t.TempDir(), "account_analytics_content_2026-06-15_2026-07-28.csv",
		"Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail expands,URL Clicks,Hashtag clicks,Permalink clicks\n"+
			`1934712345678901234,"Tue, Jun 16, 2026",Nieuw kennisproduct,https://x.com/kennisplein/status/1934712345678901234,2480,36,104,5,2,1,4,9,6,22,21,0,3`+"\n"+
			`1939812345678901234,"Tue, Jun 30, 2026",Drie verhalen,https://x.com/kennisplein/status/1939812345678901234,1250,15,46,1,0,0,2,3,4,10,11,1,0`+"\n"+
			`1944912345678901234,"Tue, Jul 14, 2026",Webinar terugkijken,https://x.com/kennisplein/status/1944912345678901234,1102,13,35,2,1,0,1,2,1,8,7,0,1`+"\n"+
			`1949912345678901234,"Tue, Jul 28, 2026",Nieuw verhaal,https://x.com/kennisplein/status/1949912345678901234,310,4,12,0,0,0,0,1,0,3,2,0,0`+"\n")
	out := ingestPaths(t, db, path, newer)
	if o := out[0]; o.Status != "loaded" || o.Rows != 4 || o.Replaced != 3 {
		t.Fatalf("newer export: %+v (error %v), want 4 rows loaded replacing 3", o, o.Err)
	}
	var rows, impressions, clicks, replaced int64
	if err := db.QueryRow(`SELECT count(*), sum(impressions), sum(clicks) FROM social_posts`).Scan(&rows, &impressions, &clicks); err != nil {
		t.Fatal(err)
	}
	if rows != 4 || impressions != 2480+1250+1102+310 || clicks != 21+11+7+2 {
		t.Errorf("%d rows, %d impressions, %d clicks; want the newer export's 4 posts, 5142 impressions, 41 clicks", rows, impressions, clicks)
	}
	if err := db.QueryRow(`SELECT rows_replaced FROM ingest_log WHERE path = ?`, newer).Scan(&replaced); err != nil || replaced != 3 {
		t.Errorf("ingest_log rows_replaced %d (%v), want 3", replaced, err)
	}
}

// rejectPlaces lists the rejects as file:line:col: reason.
func rejectPlaces(tb testing.TB, db *sql.DB) []string {
	tb.Helper()
	rows, err := db.Query(`SELECT path, line, col, reason FROM rejects ORDER BY line, col`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var path, reason string
		var line, col int
		if err := rows.Scan(&path, &line, &col, &reason); err != nil {
			tb.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s:%d:%d: %s", path, line, col, reason))
	}
	return got
}

// Rows that cannot be read are rejected with file, line and column; the rest loads.
func TestBadPostRowsAreRejectedWithPlace(t *testing.T) {
	db, path := testDB(t)
	orig, err := os.ReadFile("../testdata/ingest/meta_posts_fb_en/Jun-01-2021_Aug-31-2021_104857600012345.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(orig), "\n")
	lines[2] = strings.Replace(lines[2], `"3,517"`, `"3,5,17"`, 1)                  // Impressions, column 18
	lines[3] = strings.Replace(lines[3], "08/23/2021 19:45", "23/08/2021 19:45", 1) // day first in an English file
	lines = append(lines[:4], `1.04858E+14,104857600012345,Kennisplein Gehandicaptenzorg,,Rounded,,08/24/2021 10:00,,,No,No,Photos,,,,,Lifetime,10,9,1,1,0,0,0,,0,`,
		`104857600012345_2370000000000001,104857600012345,Kennisplein Gehandicaptenzorg,,Gedeeld via Instagram,,08/25/2021 10:00,,https://www.instagram.com/p/CSxyz789AbC/,Yes,No,Photos,,,,,Lifetime,100,90,5,5,0,0,3,2,1,`, "")
	file := writeFile(t, t.TempDir(), "fb.csv", strings.Join(lines, "\n"))
	out := ingestPaths(t, db, path, file)
	if o := out[0]; o.Status != "loaded" || o.Rows != 2 || o.Rejected != 3 || !o.Partial() {
		t.Fatalf("outcome %+v (error %v), want 2 rows loaded and 3 rejected", o, o.Err)
	}
	want := []string{
		file + `:3:18: "3,5,17" is not a number in column Impressions (numbers in this file are English (1,234.5))`,
		file + `:4:7: "23/08/2021 19:45" is not a time like 06/15/2021 09:30 (this file writes dates month first) in column Publish time`,
		file + `:5:1: post id "1.04858E+14" was rounded by a spreadsheet (scientific notation); export the file again and load it without opening and saving it in Excel`,
	}
	if diff := cmp.Diff(want, rejectPlaces(t, db)); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
	var platforms string
	db.QueryRow(`SELECT string_agg(platform, ',' ORDER BY line) FROM social_posts`).Scan(&platforms)
	if platforms != "facebook,instagram" {
		t.Errorf("platforms %q, want the post with an instagram.com permalink as instagram", platforms)
	}
}

// A file whose numbers read two ways is rejected whole, with the reason.
func TestAmbiguousPostNumbersRejectFile(t *testing.T) {
	db, path := testDB(t)
	file := writeFile(t, t.TempDir(), "Table data.csv",
		"Content,Video title,Video publish time,Views,Watch time (hours),Impressions\n"+
			"q8Zk2JdW0aE,Sandra,\"Jun 15, 2021\",1830,102.513,21544\n")
	out := ingestPaths(t, db, path, file)
	if out[0].Status != "failed" || !strings.Contains(out[0].Err.Error(), `cannot tell whether "102.513" means thousands (Dutch) or a decimal (English)`) {
		t.Fatalf("outcome %+v, want failed naming the ambiguous number", out[0])
	}
	var rows int
	db.QueryRow(`SELECT count(*) FROM social_posts`).Scan(&rows)
	if rows != 0 {
		t.Errorf("%d rows loaded from a rejected file", rows)
	}
}
