package pipeline

import (
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// catalogueSource reads the content catalogue: the programme's content items, their type,
// organisations and themes, and the page (or, with a trailing *, the pages) of each.
var catalogueSource = &source{
	kind:  "content_catalogue",
	label: label{nl: "Contentcatalogus", en: "Content catalogue"},
	is:    "a content catalogue",
	stale: neverStale,
	table: "content_items",
	spec: []headerSpec{
		{field: "nr", aliases: []string{"nr", "id", "number"}, required: true},
		{field: "type", aliases: []string{"type"}, required: true},
		{field: "title", aliases: []string{"title"}, dutch: []string{"titel"}, required: true},
		{field: "organisations", aliases: []string{"organisations", "organizations"}, dutch: []string{"organisaties"}, required: true},
		{field: "themes", aliases: []string{"themes"}, dutch: []string{"thema's", "themas"}, required: true},
		{field: "online", aliases: []string{"online_by_aug_2021", "online"}},
		{field: "url", aliases: []string{"url"}},
	},
	schema: arrow.NewSchema([]arrow.Field{
		field("nr", typInt32),
		field("type", typString),
		field("title", typString),
		field("organisations", typString),
		field("themes", typString),
		field("online", typBool),
		field("site", typString),
		field("path", typString),
		field("is_prefix", typBool),
	}, nil),
	merge:  replaceAll,
	parser: newCatalogueParser,
}

type catalogueParser struct {
	p                                    *parseRun
	nr                                   intCol
	typ, title, orgs, themes, site, path textCol
	online, isPrefix                     boolCol
}

func newCatalogueParser(p *parseRun) (parser, error) {
	o := p.out
	return &catalogueParser{p: p, nr: intOf(o, "nr"), typ: textOf(o, "type"), title: textOf(o, "title"),
		orgs: textOf(o, "organisations"), themes: textOf(o, "themes"), online: boolOf(o, "online"),
		site: textOf(o, "site"), path: textOf(o, "path"), isPrefix: boolOf(o, "is_prefix")}, nil
}

func (cp *catalogueParser) row(rec []string, line int) error {
	p := cp.p
	if blank(rec) {
		return errSkip
	}
	c := p.cols
	bad := func(name, format string, args ...any) error { return p.rowError(line, name, format, args...) }
	nr, err := strconv.ParseInt(c.field(rec, "nr"), 10, 32)
	if err != nil || nr < 1 {
		return bad("nr", "%q is not an item number", c.field(rec, "nr"))
	}
	typ, title := c.field(rec, "type"), c.field(rec, "title")
	if typ == "" || title == "" {
		return bad("title", "item %d needs a type and a title", nr)
	}
	var online, haveOnline bool
	switch strings.ToLower(c.field(rec, "online")) {
	case "yes", "ja", "true", "1":
		online, haveOnline = true, true
	case "no", "nee", "false", "0":
		online, haveOnline = false, true
	case "":
	default:
		return bad("online", "%q is not yes or no", c.field(rec, "online"))
	}
	var site, path string
	prefix := false
	if raw := c.field(rec, "url"); raw != "" {
		raw, prefix = strings.CutSuffix(raw, "*")
		var host string
		host, path = splitURL(raw)
		if host == "" {
			return bad("url", "%q is not a full URL (https://host/path)", raw)
		}
		if site = p.cfg.SiteOfHost(host); site == "" {
			return bad("url", "host %q is not configured; add it to the hosts of a [[sites]] entry in bereik.toml", host)
		}
	}
	cp.nr.put(int32(nr), true)
	cp.typ.put(typ)
	cp.title.put(title)
	cp.orgs.putOrNull(c.field(rec, "organisations"))
	cp.themes.putOrNull(c.field(rec, "themes"))
	cp.online.put(online, haveOnline)
	cp.site.putOrNull(site)
	cp.path.putOrNull(path)
	cp.isPrefix.put(prefix, true)
	return nil
}
