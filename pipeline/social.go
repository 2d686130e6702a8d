package pipeline

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// socialSchema is social_posts without file_id: the columns every post export is read into.
var socialSchema = arrow.NewSchema([]arrow.Field{
	field("line", typInt64),
	field("platform", typString),
	field("post_id", typString),
	field("published_at", typTime),
	field("title", typString),
	field("url", typString),
	field("impressions", typInt64),
	field("reach", typInt64),
	field("clicks", typInt64),
	field("engagements", typInt64),
	field("likes", typInt64),
	field("comments", typInt64),
	field("shares", typInt64),
	field("video_views", typInt64),
	field("watch_hours", typFloat),
}, nil)

// socialKeys identify a post: a newer export of it replaces the older row.
var socialKeys = []string{"platform", "post_id"}

// The count columns of social_posts, in table order.
const (
	cImpressions = iota
	cReach
	cClicks
	cEngagements
	cLikes
	cComments
	cShares
	cVideoViews
	nCounts
)

// countFields says, per count column, which field of a source's spec holds it ("" for none).
type countFields [nCounts]string

// socialPost is one post as read from a row, before it is appended.
type socialPost struct {
	platform, postID, title, url string
	published                    time.Time // zero when the export gives none
	counts                       [nCounts]int64
	have                         [nCounts]bool
	watchHours                   float64
	haveWatch                    bool
}

// readCounts reads the row's count cells into post; a cell that is not a whole number in
// the file's locale rejects the row.
func (p *parseRun) readCounts(rec []string, line int, fields *countFields, post *socialPost) error {
	for i, name := range fields {
		if name == "" {
			continue
		}
		if _, ok := p.cols[name]; !ok {
			continue
		}
		n, ok, err := parseCount(p.cols.field(rec, name), p.locale)
		if err != nil {
			return p.numberError(line, name, err)
		}
		post.counts[i], post.have[i] = n, ok
	}
	return nil
}

// socialColumns are the columns of a social_posts batch, resolved once per file.
type socialColumns struct {
	line                         countCol
	platform, postID, title, url textCol
	published                    timeCol
	counts                       [nCounts]countCol
	watchHours                   floatCol
}

// postsBy makes the parser of a post kind from its function that reads one record as a
// post: every post kind appends its posts the same way.
func postsBy(read func(p *parseRun, rec []string, line int) (socialPost, error)) func(*parseRun) (parser, error) {
	return func(p *parseRun) (parser, error) {
		o := p.out
		pp := &postsParser{p: p, read: read, out: socialColumns{line: countOf(o, "line"), platform: textOf(o, "platform"),
			postID: textOf(o, "post_id"), published: timeOf(o, "published_at"), title: textOf(o, "title"),
			url: textOf(o, "url"), watchHours: floatOf(o, "watch_hours")}}
		for i, name := range [nCounts]string{"impressions", "reach", "clicks", "engagements", "likes", "comments", "shares", "video_views"} {
			pp.out.counts[i] = countOf(o, name)
		}
		return pp, nil
	}
}

type postsParser struct {
	p    *parseRun
	read func(p *parseRun, rec []string, line int) (socialPost, error)
	out  socialColumns
}

func (pp *postsParser) row(rec []string, line int) error {
	if blank(rec) {
		return errSkip
	}
	post, err := pp.read(pp.p, rec, line)
	if err != nil {
		return err
	}
	o := &pp.out
	o.line.put(int64(line), true)
	o.platform.put(post.platform)
	o.postID.put(post.postID)
	o.published.putOrNull(post.published)
	if !post.published.IsZero() {
		pp.p.seeDate(post.published)
	}
	o.title.put(post.title)
	o.url.put(post.url)
	for i := range nCounts {
		o.counts[i].put(post.counts[i], post.have[i])
	}
	o.watchHours.put(post.watchHours, post.haveWatch)
	return nil
}

// roundedID is an id a spreadsheet has turned into a rounded number: 1.79123E+16.
var roundedID = regexp.MustCompile(`^\d+([.,]\d+)?[eE]\+?\d+$`)

// checkPostID returns why id is not a post id of the shape valid describes, or nil.
func checkPostID(id string, valid *regexp.Regexp, shape string) error {
	switch {
	case id == "":
		return errors.New("no post id")
	case roundedID.MatchString(id):
		return fmt.Errorf("post id %q was rounded by a spreadsheet (scientific notation); export the file again and load it without opening and saving it in Excel", id)
	case !valid.MatchString(id):
		return fmt.Errorf("%q is not %s", id, shape)
	}
	return nil
}

// checkLink returns why s is not a web link, or nil; an empty cell is allowed.
func checkLink(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(s, " \t\r\n") {
		return fmt.Errorf("%q is not a web link (https://...)", s)
	}
	return nil
}

// linkHost returns the lower-case host of a web link, without www.
func linkHost(s string) string {
	host, _ := splitURL(s)
	return strings.TrimPrefix(host, "www.")
}

// parseLocalTime reads a publication time in the order of day and month the file writes
// (evidence.go): 06/15/2021 09:30 month first, 15-06-2021 09:30 day first, with / - or .
// between the numbers. An ISO date (2021-06-15 09:30, and what a date cell of a workbook
// becomes) reads in both. A date without a time is midnight.
func parseLocalTime(s string, dayFirst bool) (time.Time, error) {
	layouts := []string{"1/2/2006 15:04", "1/2/2006 15:04:05", "1/2/2006", "1-2-2006 15:04", "1-2-2006 15:04:05", "1-2-2006", "1.2.2006 15:04", "1.2.2006"}
	want := "a time like 06/15/2021 09:30 (this file writes dates month first)"
	if dayFirst {
		layouts = []string{"2-1-2006 15:04", "2-1-2006 15:04:05", "2-1-2006", "2/1/2006 15:04", "2/1/2006 15:04:05", "2/1/2006", "2.1.2006 15:04", "2.1.2006"}
		want = "a time like 15-06-2021 09:30 (this file writes dates day first)"
	}
	for _, layout := range append(layouts, "2006-01-02 15:04:05", "2006-01-02 15:04", time.DateOnly) {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not %s", s, want)
}

// readPublished reads the row's publication time from field; an empty cell is no time.
func (p *parseRun) readPublished(rec []string, line int, field string, parse func(string) (time.Time, error)) (time.Time, error) {
	s := p.cols.field(rec, field)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := parse(s)
	if err != nil {
		return time.Time{}, p.cellError(line, field, err)
	}
	return t, nil
}
