package pipeline

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// youTubeSource reads YouTube Studio's "Table data.csv" of an analytics report by video:
// Content (the video id), Video title, Video publish time (Jun 15, 2021), Views, Watch
// time (hours), Impressions, ... Its first data row is the channel's Total: skipped.
// The post id is the video id, the link https://www.youtube.com/watch?v=ID; Views are
// stored as video views, Watch time (hours) as watch hours, and Likes, Comments added
// and Shares where the report has them. Clicks and reach stay NULL: Studio's thumbnail
// click-through rate is not a link click. Subscribers and that rate are not stored.
var youTubeSource = &source{
	kind:  "youtube_videos",
	label: label{nl: "YouTube-video's", en: "YouTube videos"},
	is:    "a YouTube Studio table",
	stale: staleByLoad,
	table: "social_posts",
	spec: []headerSpec{
		{field: "content", aliases: []string{"content"}, required: true},
		{field: "title", aliases: []string{"video title"}, required: true},
		{field: "published", aliases: []string{"video publish time"}, required: true},
		{field: "views", aliases: []string{"views"}},
		{field: "watch_hours", aliases: []string{"watch time (hours)"}},
		{field: "impressions", aliases: []string{"impressions"}},
		{field: "likes", aliases: []string{"likes"}},
		{field: "comments", aliases: []string{"comments added"}},
		{field: "shares", aliases: []string{"shares"}},
		{field: "subscribers", aliases: []string{"subscribers"}},
		{field: "ctr", aliases: []string{"impressions click-through rate (%)"}},
	},
	schema:  socialSchema,
	merge:   replaceByKey,
	keys:    socialKeys,
	numbers: []string{"views", "watch_hours", "impressions", "likes", "comments", "shares", "subscribers", "ctr"},
	parser:  postsBy(youTubeRow),
}

var youTubeCounts = countFields{cImpressions: "impressions", cLikes: "likes", cComments: "comments",
	cShares: "shares", cVideoViews: "views"}

// youTubeID is a video's id.
var youTubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)

func youTubeRow(p *parseRun, rec []string, line int) (socialPost, error) {
	c := p.cols
	id := c.field(rec, "content")
	if blank(rec) || strings.EqualFold(id, "total") || strings.EqualFold(id, "totaal") {
		return socialPost{}, errSkip
	}
	if err := checkPostID(id, youTubeID, "a YouTube video id (11 letters, digits, - or _)"); err != nil {
		return socialPost{}, p.rowError(line, "content", "%v", err)
	}
	post := socialPost{platform: "youtube", postID: id, title: c.field(rec, "title"), url: "https://www.youtube.com/watch?v=" + id}
	var err error
	if post.published, err = p.readPublished(rec, line, "published", parseYouTubeDay); err != nil {
		return socialPost{}, err
	}
	if err := p.readCounts(rec, line, &youTubeCounts, &post); err != nil {
		return socialPost{}, err
	}
	if _, ok := c["watch_hours"]; ok {
		cell := c.field(rec, "watch_hours")
		post.watchHours, post.haveWatch, err = parseNumber(cell, p.locale)
		if err == nil && post.watchHours < 0 {
			err = fmt.Errorf("%q is below zero", cell)
		}
		if err != nil {
			return socialPost{}, p.numberError(line, "watch_hours", err)
		}
	}
	return post, nil
}

// parseYouTubeDay reads Studio's publish day: Jun 15, 2021.
func parseYouTubeDay(s string) (time.Time, error) {
	for _, layout := range []string{"Jan 2, 2006", "January 2, 2006", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a day like Jun 15, 2021", s)
}
