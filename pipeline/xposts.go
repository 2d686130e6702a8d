package pipeline

import (
	"fmt"
	"regexp"
	"time"
)

// xPostsSource reads X (Twitter) post analytics: the legacy tweet activity export (Tweet
// id, Tweet permalink, Tweet text, time, impressions, ...), the 2024-25 content export
// (Post id, Date like Mon Feb 10 2025 or Sun, Feb 16, 2025, Post text, Link or Post Link,
// Share, Url clicks, ...) and the current content export
// (Post id, Date, Post text, Post Link, Impressions, ...). Both are English.
//
// Columns read: the id (kept as text: ids are beyond a float's precision), the link, the
// text as title, the time, impressions, engagements, likes, replies as comments,
// retweets or reposts as shares, url clicks as clicks, and media views (legacy) as video
// views. The legacy time (2021-06-15 09:30 +0000) is stored as Amsterdam time; the
// current Date (Tue, Jul 14, 2026) is a day. The engagement rate is not stored; the
// promoted columns, whose "-" means "not promoted", are ignored.
var xPostsSource = &source{
	kind:  "x_posts",
	label: label{nl: "X-berichten", en: "X posts"},
	is:    "an X post activity export",
	stale: staleByLoad,
	table: "social_posts",
	spec: []headerSpec{
		{field: "post_id", aliases: []string{"tweet id", "post id"}, required: true},
		{field: "text", aliases: []string{"tweet text", "post text"}, required: true},
		{field: "time", aliases: []string{"time", "date"}, required: true},
		{field: "link", aliases: []string{"tweet permalink", "post link", "permalink", "link"}},
		{field: "impressions", aliases: []string{"impressions"}, required: true},
		{field: "engagements", aliases: []string{"engagements"}},
		{field: "engagement_rate", aliases: []string{"engagement rate"}},
		{field: "likes", aliases: []string{"likes"}},
		{field: "replies", aliases: []string{"replies"}},
		{field: "reposts", aliases: []string{"retweets", "reposts"}},
		// The 2024-25 export names reposts Share; where a file has both, Reposts are the shares.
		{field: "share", aliases: []string{"share", "shares"}},
		{field: "clicks", aliases: []string{"url clicks"}},
		{field: "media_views", aliases: []string{"media views"}},
	},
	schema:  socialSchema,
	merge:   replaceByKey,
	keys:    socialKeys,
	numbers: []string{"impressions", "engagements", "engagement_rate", "likes", "replies", "reposts", "share", "clicks", "media_views"},
	parser:  postsBy(xPostsRow),
}

var xCounts = countFields{cImpressions: "impressions", cClicks: "clicks", cEngagements: "engagements",
	cLikes: "likes", cComments: "replies", cShares: "reposts", cVideoViews: "media_views"}

var xCountsShare = countFields{cImpressions: "impressions", cClicks: "clicks", cEngagements: "engagements",
	cLikes: "likes", cComments: "replies", cShares: "share", cVideoViews: "media_views"}

// xPostID is a post's numeric id.
var xPostID = regexp.MustCompile(`^\d{1,20}$`)

func xPostsRow(p *parseRun, rec []string, line int) (socialPost, error) {
	c := p.cols
	post := socialPost{platform: "x", postID: c.field(rec, "post_id"), title: c.field(rec, "text"), url: c.field(rec, "link")}
	if err := checkPostID(post.postID, xPostID, "an X post id (digits)"); err != nil {
		return socialPost{}, p.rowError(line, "post_id", "%v", err)
	}
	if err := checkLink(post.url); err != nil {
		return socialPost{}, p.rowError(line, "link", "%v", err)
	}
	var err error
	if post.published, err = p.readPublished(rec, line, "time", parseXTime); err != nil {
		return socialPost{}, err
	}
	counts := &xCounts
	if !p.has("reposts") {
		counts = &xCountsShare
	}
	if err := p.readCounts(rec, line, counts, &post); err != nil {
		return socialPost{}, err
	}
	return post, nil
}

// parseXTime reads the legacy export's time with its offset, as Amsterdam time, or the
// current export's day.
func parseXTime(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02 15:04 -0700", "2006-01-02 15:04:05 -0700", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.In(amsterdam), nil
		}
	}
	for _, layout := range []string{"Mon, Jan 2, 2006", "Mon Jan 2 2006", "Jan 2, 2006", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time like 2021-06-15 09:30 +0000 or a day like Tue, Jul 14, 2026", s)
}
