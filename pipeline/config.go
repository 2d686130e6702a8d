package pipeline

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// DefaultConfigTOML is the built-in configuration; it fits the demo data and the programme
// Begeleiding à la carte. `bereik demo` writes it out as bereik.toml.
//
//go:embed default.toml
var DefaultConfigTOML []byte

// Config holds what the exports cannot say themselves.
type Config struct {
	// Programme is what the reach report is about: its name, period and main site.
	Programme Programme `toml:"programme"`
	// QuarterStartMonth is the first month of a reporting quarter (1 = calendar quarters).
	QuarterStartMonth int        `toml:"quarter_start_month"`
	Sites             []Site     `toml:"sites"`
	Campaigns         []Campaign `toml:"campaigns"`
	// StaleAfter is how old a source's newest data may be before status warns: "2d", "36h".
	StaleAfter string `toml:"stale_after"`
	// Referrals put a visit's first page view in a referral channel, first match wins.
	Referrals []Referral `toml:"referrals"`
	// Organisations are the organisations the content catalogue names in more than one
	// way: each alias is counted as the organisation.
	Organisations []Organisation `toml:"organisations"`

	staleAfter time.Duration

	// Source names the file the configuration came from, or "built-in defaults".
	Source string `toml:"-"`
}

// Programme is the programme the reach report is about.
type Programme struct {
	// Name is the report's title: "Bereikcijfers programma <name>".
	Name string `toml:"name"`
	// FirstDay and LastDay are the programme's period, both or neither: bereik report
	// --programme covers it (without them, all loaded data).
	FirstDay time.Time `toml:"first_day"`
	LastDay  time.Time `toml:"last_day"`
	// MainSite is the site whose visits, referrals and funnel step the report shows.
	MainSite string `toml:"main_site"`
}

// Site maps host names to one site and names the site's programme pages.
type Site struct {
	Name string `toml:"name"`
	// Label is how the report names the site ("Kennisplein"); the name where empty.
	Label             string   `toml:"label"`
	Hosts             []string `toml:"hosts"`
	ProgrammePrefixes []string `toml:"programme_prefixes"`
}

// ReportLabel is how the report names the site: its label, else its name.
func (s Site) ReportLabel() string {
	if s.Label != "" {
		return s.Label
	}
	return s.Name
}

// ReportHost is how a sentence of the report names the site's address: its first host
// without a leading "www.", else its name.
func (s Site) ReportHost() string {
	if len(s.Hosts) == 0 {
		return s.Name
	}
	return strings.TrimPrefix(strings.ToLower(s.Hosts[0]), "www.")
}

// Campaign is a paid campaign: which Meta campaigns it is, its flights and its ad formats.
type Campaign struct {
	Name         string `toml:"name"`
	MetaCampaign string `toml:"meta_campaign"`
	// MetaAdsets recognises the campaign's ad sets by name, for exports without a
	// campaign column (an ad-set export of Ads Manager); "" means only meta_campaign.
	MetaAdsets string   `toml:"meta_adsets"`
	Flights    []Flight `toml:"flights"`
	Formats    []Format `toml:"formats"`
	// MagazineSite is the site the campaign's ads lead to; its pages under MagazinePrefix
	// are the campaign's articles (the most visited Twinkels), and its visits the funnel's
	// middle step.
	MagazineSite   string `toml:"magazine_site"`
	MagazinePrefix string `toml:"magazine_prefix"`

	metaCampaign, metaAdsets *regexp.Regexp
}

// Referral is one referral channel (Fig. 12) and what recognises it: UTM sources or
// media, or referrer hosts (a host covers its subdomains; "google." covers every
// top-level domain of Google).
type Referral struct {
	Channel       string   `toml:"channel"`
	UTMSource     []string `toml:"utm_source"`
	UTMMedium     []string `toml:"utm_medium"`
	ReferrerHosts []string `toml:"referrer_hosts"`
}

// Organisation is an organisation of the content catalogue and the other spellings of its
// name there ("ASVZ (Ouders voor ouders)" for ASVZ); the catalogue separates an item's
// organisations by ";".
type Organisation struct {
	Name    string   `toml:"name"`
	Aliases []string `toml:"aliases"`
}

// Flight is one burst of a campaign, inclusive of both dates.
type Flight struct {
	Number int       `toml:"number"`
	Start  time.Time `toml:"start"`
	End    time.Time `toml:"end"`
}

// Format names an ad format and the pattern that recognises it in an ad set or ad name.
type Format struct {
	Name    string `toml:"name"`
	Pattern string `toml:"pattern"`

	pattern *regexp.Regexp
}

// ConfigError is a configuration that cannot be used; Line is 0 where no line applies.
type ConfigError struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Key, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", e.File, e.Key, e.Msg)
}

// LoadConfig reads the configuration from path; an empty path gives the built-in defaults.
func LoadConfig(path string) (*Config, error) {
	if path == "" {
		return ParseConfig(DefaultConfigTOML, "built-in defaults")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return ParseConfig(data, path)
}

// ParseConfig decodes and validates a TOML configuration. name is used in errors.
func ParseConfig(data []byte, name string) (*Config, error) {
	var cfg Config
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, &ConfigError{File: name, Line: perr.Position.Line, Key: "syntax", Msg: perr.Message}
		}
		return nil, &ConfigError{File: name, Line: lineOfError(data, err), Key: "value", Msg: err.Error()}
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, &ConfigError{File: name, Line: lineOfKey(data, k[len(k)-1]), Key: k.String(),
			Msg: "unknown key (known: quarter_start_month, stale_after, [programme] name/first_day/last_day/main_site, [[sites]] name/label/hosts/programme_prefixes, [[campaigns]] name/meta_campaign/magazine_site/magazine_prefix/flights/formats, [[referrals]] channel/utm_source/utm_medium/referrer_hosts, [[organisations]] name/aliases)"}
	}
	cfg.Source = name
	if err := cfg.validate(data, name); err != nil {
		return nil, err
	}
	return &cfg, nil
}

func (c *Config) validate(data []byte, name string) error {
	bad := func(key, format string, args ...any) error {
		return &ConfigError{File: name, Line: lineOfKey(data, key[strings.LastIndex(key, ".")+1:]), Key: key, Msg: fmt.Sprintf(format, args...)}
	}
	if c.QuarterStartMonth < 1 || c.QuarterStartMonth > 12 {
		return bad("quarter_start_month", "must be a month from 1 to 12, not %d", c.QuarterStartMonth)
	}
	c.staleAfter = 48 * time.Hour
	if c.StaleAfter != "" {
		d, err := parseAge(c.StaleAfter)
		if err != nil {
			return bad("stale_after", "%v", err)
		}
		c.staleAfter = d
	}
	for i, r := range c.Referrals {
		if r.Channel == "" {
			return bad("referrals.channel", "referral rule %d has no channel", i+1)
		}
		if len(r.UTMSource)+len(r.UTMMedium)+len(r.ReferrerHosts) == 0 {
			return bad("referrals.channel", "referral channel %q needs utm_source, utm_medium or referrer_hosts", r.Channel)
		}
		for _, h := range r.ReferrerHosts {
			if h == "" || strings.ContainsAny(h, "/:* ") {
				return bad("referrals.referrer_hosts", "channel %q: %q is not a host name (write \"facebook.com\", or \"google.\" for every top-level domain)", r.Channel, h)
			}
		}
	}
	aliases := map[string]string{}
	for i, o := range c.Organisations {
		if strings.TrimSpace(o.Name) == "" || strings.Contains(o.Name, ";") {
			return bad("organisations.name", "organisation %d needs a name without \";\"", i+1)
		}
		for _, a := range o.Aliases {
			key := strings.ToLower(strings.TrimSpace(a))
			if key == "" || strings.Contains(a, ";") {
				return bad("organisations.aliases", "organisation %q: %q is not a name (the catalogue separates organisations by \";\")", o.Name, a)
			}
			if other, dup := aliases[key]; dup && other != o.Name {
				return bad("organisations.aliases", "%q is an alias of both %q and %q", a, other, o.Name)
			}
			aliases[key] = o.Name
		}
	}
	hosts := map[string]string{}
	for i, s := range c.Sites {
		if s.Name == "" {
			return bad("sites.name", "site %d has no name", i+1)
		}
		for _, h := range s.Hosts {
			h = strings.ToLower(h)
			if other, dup := hosts[h]; dup {
				return bad("sites.hosts", "host %q belongs to both %q and %q", h, other, s.Name)
			}
			hosts[h] = s.Name
		}
		for _, p := range s.ProgrammePrefixes {
			if !strings.HasPrefix(p, "/") {
				return bad("sites.programme_prefixes", "prefix %q of site %q must start with /", p, s.Name)
			}
		}
	}
	p := c.Programme
	if p.MainSite != "" && !c.hasSite(p.MainSite) {
		return bad("programme.main_site", "%q is not the name of a [[sites]] entry", p.MainSite)
	}
	if p.FirstDay.IsZero() != p.LastDay.IsZero() || p.LastDay.Before(p.FirstDay) {
		return bad("programme.last_day", "the programme's period needs first_day and last_day, the last not before the first")
	}
	for ci := range c.Campaigns {
		cp := &c.Campaigns[ci]
		if cp.Name == "" {
			return bad("campaigns.name", "campaign %d has no name", ci+1)
		}
		if cp.MagazineSite != "" && !c.hasSite(cp.MagazineSite) {
			return bad("campaigns.magazine_site", "campaign %q: %q is not the name of a [[sites]] entry", cp.Name, cp.MagazineSite)
		}
		if cp.MagazinePrefix != "" && !strings.HasPrefix(cp.MagazinePrefix, "/") {
			return bad("campaigns.magazine_prefix", "campaign %q: prefix %q must start with /", cp.Name, cp.MagazinePrefix)
		}
		re, err := regexp.Compile(cp.MetaCampaign)
		if err != nil || cp.MetaCampaign == "" {
			return bad("campaigns.meta_campaign", "campaign %q needs a valid regular expression: %v", cp.Name, err)
		}
		cp.metaCampaign = re
		if cp.MetaAdsets != "" {
			if cp.metaAdsets, err = regexp.Compile(cp.MetaAdsets); err != nil {
				return bad("campaigns.meta_adsets", "campaign %q needs a valid regular expression: %v", cp.Name, err)
			}
		}
		seen := map[int]bool{}
		for _, f := range cp.Flights {
			if seen[f.Number] || f.Number < 1 {
				return bad("campaigns.flights.number", "campaign %q: flight number %d is not unique and positive", cp.Name, f.Number)
			}
			seen[f.Number] = true
			if f.Start.IsZero() || f.End.IsZero() || f.End.Before(f.Start) {
				return bad("campaigns.flights.end", "campaign %q flight %d: needs start and end dates, end not before start", cp.Name, f.Number)
			}
		}
		for i, f := range cp.Flights {
			for _, g := range cp.Flights[i+1:] {
				if !f.End.Before(g.Start) && !g.End.Before(f.Start) {
					return bad("campaigns.flights.start", "campaign %q: flights %d and %d overlap", cp.Name, f.Number, g.Number)
				}
			}
		}
		for fi := range cp.Formats {
			f := &cp.Formats[fi]
			re, err := regexp.Compile(f.Pattern)
			if err != nil || f.Name == "" || f.Pattern == "" {
				return bad("campaigns.formats.pattern", "campaign %q format %q needs a name and a valid pattern: %v", cp.Name, f.Name, err)
			}
			f.pattern = re
		}
	}
	return nil
}

// storeReportFacts writes what the report takes from the configuration into the tables
// of migrations 012 and 016, replacing what the previous ingest wrote: the programme, each
// site's label and host, each campaign's magazine and the order of its formats, and the
// catalogue's organisations' aliases.
func storeReportFacts(exec func(query string, args ...any), cfg *Config) {
	for _, t := range []string{"programme", "site_labels", "campaigns", "campaign_formats", "organisation_aliases"} {
		exec("DELETE FROM " + t)
	}
	p := cfg.Programme
	exec(`INSERT INTO programme VALUES (?, ?, ?, ?)`, p.Name, nullDate(p.FirstDay), nullDate(p.LastDay), nullText(p.MainSite))
	for i, s := range cfg.Sites {
		exec(`INSERT INTO site_labels VALUES (?, ?, ?, ?)`, s.Name, int32(i+1), s.ReportLabel(), s.ReportHost())
	}
	for i, cp := range cfg.Campaigns {
		exec(`INSERT INTO campaigns VALUES (?, ?, ?, ?)`, cp.Name, int32(i+1), nullText(cp.MagazineSite), nullText(cp.MagazinePrefix))
		for j, f := range cp.Formats {
			exec(`INSERT INTO campaign_formats VALUES (?, ?, ?)`, cp.Name, f.Name, int32(j+1))
		}
	}
	for _, o := range cfg.Organisations {
		for _, a := range o.Aliases {
			exec(`INSERT INTO organisation_aliases VALUES (?, ?)`, strings.TrimSpace(a), strings.TrimSpace(o.Name))
		}
	}
}

func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// StaleAfterDuration is how old a source's newest data may be before it counts as stale.
func (c *Config) StaleAfterDuration() time.Duration { return c.staleAfter }

// parseAge reads "2d", "36h" or any Go duration of at least an hour.
func parseAge(s string) (time.Duration, error) {
	var d time.Duration
	var err error
	if n, ok := strings.CutSuffix(s, "d"); ok {
		var days int
		if _, serr := fmt.Sscanf(n, "%d", &days); serr != nil || fmt.Sprint(days) != n {
			return 0, fmt.Errorf("%q is not a number of days like \"2d\"", s)
		}
		d = time.Duration(days) * 24 * time.Hour
	} else if d, err = time.ParseDuration(s); err != nil {
		return 0, fmt.Errorf("%q is not an age like \"2d\" or \"36h\"", s)
	}
	if d < time.Hour {
		return 0, fmt.Errorf("%q is shorter than an hour", s)
	}
	return d, nil
}

// SiteOfHost returns the configured site of a host name, or "".
func (c *Config) SiteOfHost(host string) string {
	host = strings.ToLower(host)
	for _, s := range c.Sites {
		for _, h := range s.Hosts {
			if strings.EqualFold(h, host) {
				return s.Name
			}
		}
	}
	return ""
}

// siteNamed returns the configured site that s names: the site's own name, or one of
// its hosts (also as a URL); "" if none. A GA4 property is named either way.
func (c *Config) siteNamed(s string) string {
	s = strings.TrimSpace(s)
	for _, site := range c.Sites {
		if strings.EqualFold(site.Name, s) {
			return site.Name
		}
	}
	if host, _ := splitURL(s); host != "" {
		s = host
	}
	return c.SiteOfHost(s)
}

// siteNames lists the configured sites' names.
func (c *Config) siteNames() []string {
	var names []string
	for _, s := range c.Sites {
		names = append(names, s.Name)
	}
	return names
}

// hasSite reports whether name is a configured site.
func (c *Config) hasSite(name string) bool {
	for _, s := range c.Sites {
		if s.Name == name {
			return true
		}
	}
	return false
}

// campaignOf returns the configured campaign a Meta campaign name belongs to, or nil.
func (c *Config) campaignOf(metaCampaign string) *Campaign {
	for i := range c.Campaigns {
		if c.Campaigns[i].metaCampaign.MatchString(metaCampaign) {
			return &c.Campaigns[i]
		}
	}
	return nil
}

// campaign returns the configured campaign of that name, or nil.
func (c *Config) campaign(name string) *Campaign {
	for i := range c.Campaigns {
		if c.Campaigns[i].Name == name {
			return &c.Campaigns[i]
		}
	}
	return nil
}

// classifyAd names the configured campaign of an ad row, its flight and its format;
// each is empty (0) where the configuration does not say. A row without campaign name
// (an export without campaign column) is recognised by its ad set name: by a campaign's
// meta_adsets pattern, else by its meta_campaign pattern.
func (c *Config) classifyAd(campaignName, adSet, ad string, start, end time.Time) (campaign string, flight int, format string) {
	cp := c.campaignOf(campaignName)
	if cp == nil && campaignName == "" {
		for i := range c.Campaigns {
			if re := c.Campaigns[i].metaAdsets; re != nil && re.MatchString(adSet) {
				cp = &c.Campaigns[i]
				break
			}
		}
		if cp == nil {
			cp = c.campaignOf(adSet)
		}
	}
	if cp == nil {
		return "", 0, ""
	}
	return cp.Name, cp.flightOf(start, end), cp.formatOf(adSet, ad)
}

// flightOf returns the number of the one flight the period [start, end] overlaps, or 0
// when it overlaps none or several (an export per calendar month overlaps its flight).
func (cp *Campaign) flightOf(start, end time.Time) int {
	found := 0
	for _, f := range cp.Flights {
		if !start.After(f.End) && !end.Before(f.Start) {
			if found != 0 {
				return 0
			}
			found = f.Number
		}
	}
	return found
}

// formatOf reads the ad format from the ad set name, then the ad name; "" if neither says.
func (cp *Campaign) formatOf(adSet, ad string) string {
	for _, name := range []string{adSet, ad} {
		for _, f := range cp.Formats {
			if f.pattern.MatchString(name) {
				return f.Name
			}
		}
	}
	return ""
}

var keyLine = regexp.MustCompile(`^\s*"?([A-Za-z0-9_-]+)"?\s*=`)

// lineOfKey returns the first line that assigns key, or 0.
func lineOfKey(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		if m := keyLine.FindStringSubmatch(line); m != nil && m[1] == key {
			return i + 1
		}
	}
	return 0
}

var lineInMsg = regexp.MustCompile(`line (\d+)`)

func lineOfError(data []byte, err error) int {
	if m := lineInMsg.FindStringSubmatch(err.Error()); m != nil {
		var n int
		fmt.Sscan(m[1], &n)
		return n
	}
	return 0
}
