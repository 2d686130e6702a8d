package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultConfig(t *testing.T) {
	cfg := testConfig(t)
	if cfg.QuarterStartMonth != 9 || cfg.SiteOfHost("WWW.Vilans.nl") != "vilans" {
		t.Errorf("defaults: quarter start %d, vilans host -> %q", cfg.QuarterStartMonth, cfg.SiteOfHost("WWW.Vilans.nl"))
	}
	cp := cfg.campaignOf("Twinkels 2021 - Vilans")
	if cp == nil {
		t.Fatal("campaign Twinkels 2021 not recognised")
	}
	if got := cp.formatOf("Vlucht 2 - dynamisch", ""); got != "dynamic" {
		t.Errorf("format of a dynamisch ad set = %q", got)
	}
	if got := cp.formatOf("Flight 1", "Twinkel foto"); got != "static" {
		t.Errorf("format read from the ad name = %q, want static", got)
	}
}

// TestIngestStoresTheReportsFacts: what the report and bereik query take from bereik.toml
// is in the database after any ingest, so that a query can fill in what it is not given.
func TestIngestStoresTheReportsFacts(t *testing.T) {
	db, path := testDB(t)
	ingestPaths(t, db, path)
	var name, mainSite, campaign, magazine, prefix string
	if err := db.QueryRow(`SELECT p.name, c.main_site, c.campaign, c.magazine_site, c.magazine_prefix FROM configured c, programme p`).
		Scan(&name, &mainSite, &campaign, &magazine, &prefix); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join([]string{name, mainSite, campaign, magazine, prefix}, " | "); got != "Begeleiding à la carte | kennisplein | Twinkels 2021 | twinkelmagazine | /twinkels/" {
		t.Errorf("configured = %s", got)
	}
	rows, err := db.Query(`SELECT site || ' ' || label || ' ' || host FROM site_labels ORDER BY position`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var sites []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		sites = append(sites, s)
	}
	want := []string{"kennisplein Kennisplein kennispleingehandicaptensector.nl", "twinkelmagazine Twinkelmagazine twinkelmagazine.nl", "vilans vilans.nl vilans.nl"}
	if strings.Join(sites, "\n") != strings.Join(want, "\n") {
		t.Errorf("site_labels = %q, want %q", sites, want)
	}
}

func TestConfigErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"unknown key", "quarter_start_month = 9\nquarter_strat = 3\n", "x.toml:2: quarter_strat: unknown key"},
		{"bad month", "\nquarter_start_month = 13\n", "x.toml:2: quarter_start_month: must be a month from 1 to 12, not 13"},
		{"syntax", "quarter_start_month = = 9\n", "x.toml:1: syntax"},
		{"stale_after", "quarter_start_month = 9\nstale_after = \"2 days\"\n", `x.toml:2: stale_after: "2 days" is not an age like "2d" or "36h"`},
		{"stale_after too short", "quarter_start_month = 9\nstale_after = \"10m\"\n", `x.toml:2: stale_after: "10m" is shorter than an hour`},
		{"referral without match", "quarter_start_month = 9\n[[referrals]]\nchannel = \"x\"\n", `x.toml:3: referrals.channel: referral channel "x" needs utm_source, utm_medium or referrer_hosts`},
		{"referral host with a scheme", "quarter_start_month = 9\n[[referrals]]\nchannel = \"x\"\nreferrer_hosts = [\"https://t.co/\"]\n", `x.toml:4: referrals.referrer_hosts: channel "x": "https://t.co/" is not a host name`},
		{"main site not a site", "quarter_start_month = 9\n[programme]\nmain_site = \"kennis\"\n", `x.toml:3: programme.main_site: "kennis" is not the name of a [[sites]] entry`},
		{"half a period", "quarter_start_month = 9\n[programme]\nfirst_day = 2019-09-01\n", "programme.last_day: the programme's period needs first_day and last_day"},
		{"magazine not a site", "quarter_start_month = 9\n[[campaigns]]\nname = \"c\"\nmeta_campaign = \"c\"\nmagazine_site = \"blad\"\n", `x.toml:5: campaigns.magazine_site: campaign "c": "blad" is not the name of a [[sites]] entry`},
		{"organisation alias with a list", "quarter_start_month = 9\n[[organisations]]\nname = \"ASVZ\"\naliases = [\"ASVZ; Vilans\"]\n", `x.toml:4: organisations.aliases: organisation "ASVZ": "ASVZ; Vilans" is not a name`},
		{"alias of two organisations", "quarter_start_month = 9\n[[organisations]]\nname = \"A\"\naliases = [\"x\"]\n[[organisations]]\nname = \"B\"\naliases = [\"X\"]\n", `organisations.aliases: "X" is an alias of both "A" and "B"`},
		{"overlapping flights", "quarter_start_month = 9\n[[campaigns]]\nname = \"c\"\nmeta_campaign = \"c\"\n[[campaigns.flights]]\nnumber = 1\nstart = 2021-06-01\nend = 2021-06-30\n[[campaigns.flights]]\nnumber = 2\nstart = 2021-06-15\nend = 2021-07-30\n", "flights 1 and 2 overlap"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tc.text), "x.toml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestUnrecognisedFileLoadsNothingAndOthersStillLoad(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "boodschappen.csv"), []byte("appels,peren\n1,2\n"), 0o644)
	data, _ := os.ReadFile("../testdata/ingest/meta_ads_nl_adset/Twinkels-2021-Advertentiesets-14-jun-2021-11-jul-2021.csv")
	os.WriteFile(filepath.Join(dir, "meta.csv"), data, 0o644)
	out := ingestPaths(t, db, path, dir)
	if len(out) != 2 || out[0].Status != "failed" || !strings.Contains(out[0].Err.Error(), "not a recognised export") || out[1].Status != "loaded" {
		t.Fatalf("outcomes = %+v", out)
	}
}
