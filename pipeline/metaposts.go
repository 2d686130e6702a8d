package pipeline

import (
	"regexp"
	"time"
)

// metaPostsSource reads Meta Business Suite exports of organic posts: a Facebook page's or
// an Instagram account's posts, English or Dutch, one row per post with lifetime figures.
//
// Columns read: Post ID (Bericht-ID), Publish time (Publicatietijdstip), Title (Titel),
// Description (Beschrijving: the post's text, preferred as its title), Permalink,
// Impressions (Weergaven), Reach (Bereik), "Reactions, comments and shares" (Reacties,
// opmerkingen en keren gedeeld) as engagements, Reactions (Reacties) or Likes
// (Vind-ik-leuks) as likes, Comments (Opmerkingen), Shares (Gedeeld, Keren gedeeld), Link
// clicks (Klikken op link) as clicks, 3-second video views (Videoweergaven van 3
// seconden) or Instagram's Plays (Afspelen) as video views. Total clicks, Saves and
// Follows count only as evidence of the number locale; Date ("Lifetime", "Levensduur")
// and the other columns are ignored. A file with account columns (Account ID, Account
// username, Account name) is Instagram, as is a post whose permalink is on instagram.com;
// the rest is Facebook.
var metaPostsSource = &source{
	kind:  "meta_posts",
	label: label{nl: "Facebook- en Instagramberichten", en: "Facebook and Instagram posts"},
	is:    "a Meta Business Suite post export",
	stale: staleByLoad,
	table: "social_posts",
	spec: []headerSpec{
		{field: "post_id", aliases: []string{"post id"}, dutch: []string{"bericht-id", "bericht id", "berichtid"}, required: true},
		{field: "published", aliases: []string{"publish time"}, dutch: []string{"publicatietijdstip", "tijdstip van publicatie", "publicatietijd"}, required: true},
		{field: "account", aliases: []string{"account id", "account username", "account name"}, dutch: []string{"account-id", "accountgebruikersnaam", "gebruikersnaam account", "accountnaam"}},
		{field: "title", aliases: []string{"title"}, dutch: []string{"titel"}},
		{field: "description", aliases: []string{"description"}, dutch: []string{"beschrijving"}},
		{field: "permalink", aliases: []string{"permalink"}, dutch: []string{"permanente link"}},
		{field: "impressions", aliases: []string{"impressions"}, dutch: []string{"weergaven"}},
		{field: "reach", aliases: []string{"reach"}, dutch: []string{"bereik"}},
		{field: "engagements", aliases: []string{"reactions, comments and shares"}, dutch: []string{"reacties, opmerkingen en keren gedeeld", "reacties, opmerkingen en gedeeld", "reacties, opmerkingen en deelacties"}},
		{field: "likes", aliases: []string{"reactions", "likes"}, dutch: []string{"reacties", "vind-ik-leuks", "vind ik leuks"}},
		{field: "comments", aliases: []string{"comments"}, dutch: []string{"opmerkingen"}},
		{field: "shares", aliases: []string{"shares"}, dutch: []string{"gedeeld", "keren gedeeld", "deelacties"}},
		{field: "clicks", aliases: []string{"link clicks"}, dutch: []string{"klikken op link", "klikken op links", "linkklikken"}},
		{field: "video", aliases: []string{"3-second video views", "plays"}, dutch: []string{"videoweergaven van 3 seconden", "3 seconden videoweergaven", "afspelen", "keer afgespeeld"}},
		{field: "total_clicks", aliases: []string{"total clicks"}, dutch: []string{"klikken in totaal", "totaal aantal klikken"}},
		{field: "other_clicks", aliases: []string{"other clicks"}, dutch: []string{"andere klikken", "overige klikken"}},
		{field: "saves", aliases: []string{"saves"}, dutch: []string{"opgeslagen", "keer opgeslagen"}},
		{field: "follows", aliases: []string{"follows"}, dutch: []string{"volgers", "volgacties"}},
		{field: "duration", aliases: []string{"duration (sec)"}, dutch: []string{"duur (sec)", "duur (s)"}},
	},
	schema:  socialSchema,
	merge:   replaceByKey,
	keys:    socialKeys,
	numbers: []string{"impressions", "reach", "engagements", "likes", "comments", "shares", "clicks", "video", "total_clicks", "other_clicks", "saves", "follows", "duration"},
	dates:   []string{"published"},
	parser:  postsBy(metaPostsRow),
}

var metaPostsCounts = countFields{cImpressions: "impressions", cReach: "reach", cClicks: "clicks",
	cEngagements: "engagements", cLikes: "likes", cComments: "comments", cShares: "shares", cVideoViews: "video"}

// metaPostID is a Facebook post id (page id _ post id) or an Instagram media id.
var metaPostID = regexp.MustCompile(`^\d{1,25}(_\d{1,25})?$`)

func metaPostsRow(p *parseRun, rec []string, line int) (socialPost, error) {
	c := p.cols
	post := socialPost{postID: c.field(rec, "post_id"), url: c.field(rec, "permalink")}
	if err := checkPostID(post.postID, metaPostID, "a Meta post id (digits, or page id_post id)"); err != nil {
		return socialPost{}, p.rowError(line, "post_id", "%v", err)
	}
	if err := checkLink(post.url); err != nil {
		return socialPost{}, p.rowError(line, "permalink", "%v", err)
	}
	var err error
	post.published, err = p.readPublished(rec, line, "published", func(s string) (time.Time, error) { return parseLocalTime(s, p.dayFirst) })
	if err != nil {
		return socialPost{}, err
	}
	if err := p.readCounts(rec, line, &metaPostsCounts, &post); err != nil {
		return socialPost{}, err
	}
	post.platform = "facebook"
	if _, ok := c["account"]; ok || linkHost(post.url) == "instagram.com" {
		post.platform = "instagram"
	}
	post.title = c.field(rec, "description")
	if post.title == "" {
		post.title = c.field(rec, "title")
	}
	return post, nil
}
