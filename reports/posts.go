package reports

import (
	"net/url"
	"slices"
	"strings"
	"time"
)

// TopPost is one of the most seen organic posts of a platform. Title and URL come from
// the export: they are data, shown as text, never as markup.
type TopPost struct {
	Platform    string     `col:"platform"`
	Rank        int64      `col:"rank"`
	Metric      string     `col:"metric"` // impressions, or views for YouTube
	Value       int64      `col:"value"`
	PublishedAt *time.Time `col:"published_at"`
	Title       string     `col:"title"`
	URL         string     `col:"url"`
	PostID      string     `col:"post_id"`
}

const queryTopPosts = "top_posts"

// platforms are the platforms the top posts are always shown for, in order.
var platforms = []string{"linkedin", "facebook", "instagram", "x", "youtube"}

var postsSection = reportSection{
	queries: []sectionQuery{
		{name: queryTopPosts, args: topArgs(topListLimit), read: rowsInto(func(r *Report) *[]TopPost { return &r.TopPosts })},
	},
	shown:  func(r *Report) bool { return len(r.TopPosts) > 0 },
	render: (*Report).postsSection,
}

// postsSection is the top posts per social channel, naming the metric they are ranked by.
func (r *Report) postsSection(l locale) (section, error) {
	s := section{ID: "top-posts", Heading: l.say(phPostsHeading), Intro: l.say(phPostsIntro, topListLimit)}
	byPlatform := map[string][]TopPost{}
	shown := slices.Clone(platforms)
	for _, p := range r.TopPosts {
		if !slices.Contains(shown, p.Platform) {
			shown = append(shown, p.Platform)
		}
		byPlatform[p.Platform] = append(byPlatform[p.Platform], p)
	}
	for _, platform := range shown {
		posts := byPlatform[platform]
		b := block{Heading: l.platform(platform), Source: r.source(l, queryTopPosts)}
		if len(posts) == 0 {
			b.Empty = l.say(phNoPostsOf, l.platform(platform))
			s.Blocks = append(s.Blocks, b)
			continue
		}
		metric := l.postMetric(posts[0].Metric)
		names := make([]string, len(posts))
		values := make([]int64, len(posts))
		for i, p := range posts {
			names[i], values[i] = postName(p), p.Value
		}
		id := "posts-" + slug(platform)
		chart, err := rankedBars(l, "chart-"+id, names, values, metric, l.say(phPostsChart, l.platform(platform), metric), colourOf(platformColours, platform))
		if err != nil {
			return s, err
		}
		b.Chart = chart
		t := &tableView{
			ID:      "table-" + id,
			Caption: l.say(phPostsCaption, l.platform(platform), strings.ToLower(metric), l.period(r.Options.From, r.Options.To)),
			Head:    []cellView{num(l.say(phRank)), {Text: l.say(phPost)}, {Text: l.say(phPublished)}, num(metric)},
		}
		for _, p := range posts {
			post := cellView{Text: postName(p), Link: safeLink(p.URL)}
			if post.Link == "" && p.URL != "" {
				post.Lines = []string{p.URL} // not a web address: shown as text only
			}
			published := l.notApplicable()
			if p.PublishedAt != nil {
				published = l.shortDate(*p.PublishedAt)
			}
			t.Rows = append(t.Rows, rowView{Cells: []cellView{
				num(l.count(p.Rank)), post, {Text: published}, num(l.count(p.Value)),
			}})
		}
		if err := downloadable(t, l, r, l.say(phFileTopPosts, slug(platform)), queryTopPosts, posts); err != nil {
			return s, err
		}
		b.Table = t
		s.Blocks = append(s.Blocks, b)
	}
	return s, nil
}

// postName is what a post is called: its title, else its id.
func postName(p TopPost) string {
	if t := strings.TrimSpace(p.Title); t != "" {
		return t
	}
	return p.PostID
}

// safeLink returns the URL if it is an absolute http or https address with a host, and
// "" otherwise: a link from an export never gets another scheme (javascript:, data:).
func safeLink(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	return u.String()
}
