package pipeline

import (
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// xAccountSource reads X's (Twitter's) account analytics by day: the legacy
// daily_tweet_activity_metrics_<account>_<from>_<to>_en.csv (Date, Tweets published,
// impressions, engagements, retweets, replies, likes, url clicks, media views, ... and
// promoted columns that are "-" when nothing was promoted) and the current account
// overview (account_overview_analytics.csv: Date like "Sun, Feb 16, 2025", Impressions,
// Likes, Engagements, Shares, New follows, Replies, Reposts, Create Post, Video views,
// ...). One row per day into channel_days: the day's posts, impressions, engagements,
// URL clicks, likes, replies as comments, retweets or reposts as shares, media views
// (legacy) or video views (current) as video views, and new follows (current; the
// legacy "follows" counts follows from posts, not the account's new followers). Rates
// are not stored.
var xAccountSource = &source{
	kind:  "x_account",
	label: label{nl: "X-account per dag", en: "X account by day"},
	is:    "an X account export by day",
	stale: staleByData,
	table: "channel_days",
	spec: []headerSpec{
		{field: "date", aliases: []string{"date"}, required: true},
		{field: "posts", aliases: []string{"tweets published", "create post", "posts published"}},
		{field: "impressions", aliases: []string{"impressions"}, required: true},
		{field: "engagements", aliases: []string{"engagements"}},
		{field: "engagement_rate", aliases: []string{"engagement rate"}},
		{field: "likes", aliases: []string{"likes"}},
		{field: "replies", aliases: []string{"replies"}},
		{field: "reposts", aliases: []string{"retweets", "reposts"}},
		{field: "clicks", aliases: []string{"url clicks"}},
		{field: "media_views", aliases: []string{"media views"}},
		{field: "video_views", aliases: []string{"video views"}},
		{field: "new_follows", aliases: []string{"new follows"}},
	},
	oneOf: [][]string{{"posts"}},
	schema: arrow.NewSchema([]arrow.Field{
		field("line", typInt64),
		field("platform", typString),
		field("day", typDate),
		field("posts", typInt64),
		field("impressions", typInt64),
		field("engagements", typInt64),
		field("clicks", typInt64),
		field("likes", typInt64),
		field("comments", typInt64),
		field("shares", typInt64),
		field("video_views", typInt64),
		field("new_followers", typInt64),
	}, nil),
	merge:   replaceByKey,
	keys:    []string{"platform", "day"},
	numbers: []string{"posts", "impressions", "engagements", "engagement_rate", "likes", "replies", "reposts", "clicks", "media_views", "video_views", "new_follows"},
	dates:   []string{"date"},
	maxRows: 100_000,
	parser:  newXAccountParser,
}

// xAccountColumns are the columns of channel_days and the field each is read from.
var xAccountColumns = []struct{ column, field string }{
	{"posts", "posts"}, {"impressions", "impressions"}, {"engagements", "engagements"}, {"clicks", "clicks"},
	{"likes", "likes"}, {"comments", "replies"}, {"shares", "reposts"}, {"new_followers", "new_follows"},
}

type xAccountParser struct {
	p        *parseRun
	line     countCol
	platform textCol
	day      dateCol
	counts   []countCol
	video    countCol
	// videoField is the field read as video views: the current export's video views,
	// else the legacy media views.
	videoField string
}

func newXAccountParser(p *parseRun) (parser, error) {
	o := p.out
	x := &xAccountParser{p: p, line: countOf(o, "line"), platform: textOf(o, "platform"), day: dateOf(o, "day"),
		video: countOf(o, "video_views"), videoField: "media_views"}
	for _, c := range xAccountColumns {
		x.counts = append(x.counts, countOf(o, c.column))
	}
	if p.has("video_views") {
		x.videoField = "video_views"
	}
	return x, nil
}

func (x *xAccountParser) row(rec []string, line int) error {
	p := x.p
	if blank(rec) {
		return errSkip
	}
	cell := p.cols.field(rec, "date")
	day, err := parseXDay(cell, p.dayFirst)
	if err != nil {
		return p.cellError(line, "date", err)
	}
	var values [8]int64
	var have [8]bool
	for i, c := range xAccountColumns {
		if values[i], have[i], err = parseCount(p.cols.field(rec, c.field), p.locale); err != nil {
			return p.numberError(line, c.field, err)
		}
	}
	video, haveVideo, err := parseCount(p.cols.field(rec, x.videoField), p.locale)
	if err != nil {
		return p.numberError(line, x.videoField, err)
	}
	p.seeDate(day)
	x.line.put(int64(line), true)
	x.platform.put("x")
	x.day.put(day)
	for i := range xAccountColumns {
		x.counts[i].put(values[i], have[i])
	}
	x.video.put(video, haveVideo)
	return nil
}

// parseXDay reads a day as X's exports write it: 2021-06-14, or Sun, Feb 16, 2025.
func parseXDay(s string, dayFirst bool) (time.Time, error) {
	for _, layout := range []string{"Mon, Jan 2, 2006", "Jan 2, 2006", "Mon Jan 2 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return parseDay(s, dayFirst)
}
