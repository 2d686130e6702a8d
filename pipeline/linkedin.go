package pipeline

import (
	"net/url"
	"regexp"
	"time"
)

// linkedInPostsSource reads the posts sheet of a LinkedIn page's content analytics
// ("All posts", Dutch "Alle berichten"), as downloaded (XLSX) or saved as CSV: a note
// row, then the header, then one row per post.
//
// Columns read: Post title (Titel bericht), Post link (Link naar bericht), Created date
// (Aanmaakdatum), Impressions (Weergaven), Clicks (Klikken), Likes (Vind-ik-leuks),
// Comments (Opmerkingen), Reposts as shares, and Views (excluding off-site video views)
// as video views. The post id is the urn in the link (urn:li:activity:...), or the link.
// The export has no reach and no engagements column: both stay NULL. Click-through and
// engagement rates are not stored (a rate over posts is recomputed from sums); with
// off-site views and follows they count only as evidence of the number locale.
var linkedInPostsSource = &source{
	kind:  "linkedin_posts",
	label: label{nl: "LinkedIn-berichten", en: "LinkedIn posts"},
	is:    "a LinkedIn posts sheet",
	stale: staleByLoad,
	table: "social_posts",
	spec: []headerSpec{
		{field: "title", aliases: []string{"post title"}, dutch: []string{"titel bericht", "berichttitel", "titel van bericht"}, required: true},
		{field: "link", aliases: []string{"post link"}, dutch: []string{"link naar bericht", "berichtlink", "link van bericht"}, required: true},
		{field: "created", aliases: []string{"created date"}, dutch: []string{"aanmaakdatum", "datum gemaakt", "gemaakt op"}, required: true},
		{field: "impressions", aliases: []string{"impressions"}, dutch: []string{"weergaven", "impressies"}, required: true},
		{field: "views", aliases: []string{"views (excluding off-site video views)", "views"}, dutch: []string{"weergaven (exclusief externe videoweergaven)", "weergaven (zonder externe videoweergaven)", "videoweergaven"}},
		{field: "offsite", aliases: []string{"off-site views"}, dutch: []string{"externe weergaven"}},
		{field: "clicks", aliases: []string{"clicks"}, dutch: []string{"klikken"}},
		{field: "ctr", aliases: []string{"click through rate (ctr)", "click-through rate (ctr)"}, dutch: []string{"klikfrequentie (ctr)", "doorklikratio (ctr)"}},
		{field: "likes", aliases: []string{"likes", "reactions"}, dutch: []string{"vind-ik-leuks", "vind ik leuks", "reacties"}},
		{field: "comments", aliases: []string{"comments"}, dutch: []string{"opmerkingen"}},
		{field: "reposts", aliases: []string{"reposts", "shares"}, dutch: []string{"gedeeld", "keer gedeeld"}},
		{field: "follows", aliases: []string{"follows"}, dutch: []string{"volgers", "volgacties"}},
		{field: "engagement_rate", aliases: []string{"engagement rate"}, dutch: []string{"betrokkenheidspercentage", "betrokkenheidsgraad"}},
	},
	schema:  socialSchema,
	merge:   replaceByKey,
	keys:    socialKeys,
	numbers: []string{"impressions", "views", "offsite", "clicks", "ctr", "likes", "comments", "reposts", "follows", "engagement_rate"},
	dates:   []string{"created"},
	parser:  postsBy(linkedInPostsRow),
}

var linkedInCounts = countFields{cImpressions: "impressions", cClicks: "clicks", cLikes: "likes",
	cComments: "comments", cShares: "reposts", cVideoViews: "views"}

// linkedInURN is a post's id inside its link.
var linkedInURN = regexp.MustCompile(`urn:li:[A-Za-z]+:\d+`)

func linkedInPostsRow(p *parseRun, rec []string, line int) (socialPost, error) {
	c := p.cols
	post := socialPost{platform: "linkedin", title: c.field(rec, "title"), url: c.field(rec, "link")}
	if post.url == "" {
		return socialPost{}, p.rowError(line, "link", "no post link: a LinkedIn post is known by its link")
	}
	if err := checkLink(post.url); err != nil {
		return socialPost{}, p.rowError(line, "link", "%v", err)
	}
	post.postID = post.url
	if u, err := url.PathUnescape(post.url); err == nil {
		if urn := linkedInURN.FindString(u); urn != "" {
			post.postID = urn
		}
	}
	var err error
	post.published, err = p.readPublished(rec, line, "created", func(s string) (time.Time, error) { return parseLocalTime(s, p.dayFirst) })
	if err != nil {
		return socialPost{}, err
	}
	if err := p.readCounts(rec, line, &linkedInCounts, &post); err != nil {
		return socialPost{}, err
	}
	return post, nil
}
