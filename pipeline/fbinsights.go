package pipeline

import (
	"regexp"
	"strings"
	"time"
)

// facebookInsightsSource reads the post export of Facebook's Page Insights as pages
// downloaded it before Meta Business Suite (the programme's own years, 2019-2021): "Export
// Data" > Post data, a workbook (XLSX, or an ".xls" that is XML Spreadsheet 2003) or CSV
// named "Facebook Insights Data Export (Post Level) - <Page> - <date>".
//
// Its first sheet, Key Metrics, has one row per post under a header of labels (Lifetime
// Post Total Reach, ...) or of metric ids (post_impressions_unique:lifetime, ...), and
// under the header a row that describes each metric (passed over). Columns read: Post
// ID, Permalink, Post Message as title, Posted (the page's local time), Lifetime Post Total
// Reach as reach, Lifetime Post Total Impressions as impressions, Lifetime Engaged Users
// as engagements (people, not actions: the export counts no actions there) and Lifetime
// Organic Video Views (the first, a total count) as video views. Likes, comments and
// shares are only in the sheet "Lifetime Talking About This(..." (Excel's cut of
// "Lifetime Talking About This (Post) by action type"): its like, comment and share
// columns are joined to the posts by Post ID. Clicks stay NULL: the export counts clicks
// of every kind together.
var facebookInsightsSource = &source{
	kind:  "facebook_insights_posts",
	label: label{nl: "Facebook-berichten (Page Insights)", en: "Facebook posts (Page Insights)"},
	is:    "a Facebook Page Insights post export",
	stale: staleByLoad,
	table: "social_posts",
	spec: []headerSpec{
		{field: "post_id", aliases: []string{"post id"}, required: true},
		{field: "permalink", aliases: []string{"permalink"}},
		{field: "message", aliases: []string{"post message"}},
		{field: "posted", aliases: []string{"posted"}, required: true},
		{field: "reach", aliases: []string{"lifetime post total reach", "post_impressions_unique:lifetime"}},
		{field: "impressions", aliases: []string{"lifetime post total impressions", "post_impressions:lifetime"}},
		{field: "engaged", aliases: []string{"lifetime engaged users", "post_engaged_users:lifetime"}},
		{field: "video", aliases: []string{"lifetime organic video views", "post_video_views_organic:lifetime"}},
	},
	oneOf:   [][]string{{"reach", "impressions"}},
	schema:  socialSchema,
	merge:   replaceByKey,
	keys:    socialKeys,
	numbers: []string{"reach", "impressions", "engaged", "video"},
	dates:   []string{"posted"},
	maxRows: 1_000_000,
	sheets:  []string{"lifetime talking about this"},
	parser:  newFacebookInsightsParser,
}

func newFacebookInsightsParser(p *parseRun) (parser, error) {
	actions := talkingAbout(p.f.side)
	return postsBy(func(p *parseRun, rec []string, line int) (socialPost, error) {
		return facebookInsightsRow(p, rec, line, actions)
	})(p)
}

// postActions are a post's likes, comments and shares.
type postActions struct{ likes, comments, shares int64 }

// talkingAbout reads the like, comment and share columns of the "Lifetime Talking About
// This" sheet by Post ID: its first row names Post ID, its second the action types.
func talkingAbout(side map[string][][]string) map[string]postActions {
	out := map[string]postActions{}
	for name, rows := range side {
		if !strings.HasPrefix(strings.ToLower(name), "lifetime talking about this") || len(rows) < 3 {
			continue
		}
		id := -1
		for i, h := range rows[0] {
			if normHeader(h) == "post id" {
				id = i
			}
		}
		cols := map[string]int{}
		for i, h := range rows[1] {
			cols[normHeader(h)] = i
		}
		if id < 0 {
			continue
		}
		for _, r := range rows[2:] {
			postID := cellAt(r, id)
			if postID == "" {
				continue
			}
			var a postActions
			for action, n := range map[string]*int64{"like": &a.likes, "comment": &a.comments, "share": &a.shares} {
				if i, ok := cols[action]; ok {
					if v, ok, err := parseCount(cellAt(r, i), localeEnglish); err == nil && ok {
						*n = v
					}
				}
			}
			out[postID] = a
		}
	}
	return out
}

// metricDescription is the row under the header that describes each metric.
var metricDescription = regexp.MustCompile(`^(Lifetime|Daily|Weekly|28 Days): `)

var facebookInsightsCounts = countFields{cReach: "reach", cImpressions: "impressions", cEngagements: "engaged", cVideoViews: "video"}

func facebookInsightsRow(p *parseRun, rec []string, line int, actions map[string]postActions) (socialPost, error) {
	c := p.cols
	id := c.field(rec, "post_id")
	if id == "" && metricDescription.MatchString(c.field(rec, "reach")+c.field(rec, "impressions")) {
		return socialPost{}, errSkip
	}
	post := socialPost{platform: "facebook", postID: id, url: c.field(rec, "permalink"), title: c.field(rec, "message")}
	if err := checkPostID(post.postID, metaPostID, "a Facebook post id (page id_post id)"); err != nil {
		return socialPost{}, p.rowError(line, "post_id", "%v", err)
	}
	if err := checkLink(post.url); err != nil {
		return socialPost{}, p.rowError(line, "permalink", "%v", err)
	}
	var err error
	post.published, err = p.readPublished(rec, line, "posted", func(s string) (time.Time, error) { return parseLocalTime(s, p.dayFirst) })
	if err != nil {
		return socialPost{}, err
	}
	if err := p.readCounts(rec, line, &facebookInsightsCounts, &post); err != nil {
		return socialPost{}, err
	}
	if a, ok := actions[id]; ok {
		post.counts[cLikes], post.counts[cComments], post.counts[cShares] = a.likes, a.comments, a.shares
		post.have[cLikes], post.have[cComments], post.have[cShares] = true, true, true
	}
	return post, nil
}
