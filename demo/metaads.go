package demo

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// adRow is one row of a Meta Ads Manager export: one ad set, or one ad, over one
// reporting period.
type adRow struct {
	Start, End  string // reporting period, ISO dates
	AdSet, Ad   string // Ad is "" in an export at ad set level
	Impressions int
	Reach       int // unique people at exactly this grain
	LinkClicks  int
	VideoPlays  int // 3-second video plays; 0 for a photo, left empty
	SpendCents  int
}

// frequency is impressions per person reached.
func (r adRow) frequency() float64 { return float64(r.Impressions) / float64(r.Reach) }

// ctr is the link click-through rate in percent.
func (r adRow) ctr() float64 { return 100 * float64(r.LinkClicks) / float64(r.Impressions) }

// metaCampaign is the campaign's name in Ads Manager.
const metaCampaign = "Twinkels 2021 - Vilans"

// Flight 1 per ad set: Fig. 14 of the report (impressions, reach, views, clicks; the CTR
// follows). Spend is the demo's.
var flight1AdSets = []adRow{
	{"2021-06-14", "2021-07-11", "Vlucht 1 - statisch (foto met quote)", "", 896158, 151136, 6402, 0, 328745},
	{"2021-06-14", "2021-07-11", "Vlucht 1 - dynamisch (korte video)", "", 97008, 30568, 797, 61635, 61280},
}

// Flight 2 up to 31 August, the report's cut-off: Fig. 14.
var flight2AdSetsToAugust31 = []adRow{
	{"2021-08-09", "2021-08-31", "Flight 2 - static (photo with quote)", "", 375585, 111267, 4567, 0, 139862},
	{"2021-08-09", "2021-08-31", "Flight 2 - dynamic (short video)", "", 54986, 23571, 487, 36861, 34975},
}

// Flight 2 complete, exported after it ended: the demo's (reach grows slower than
// impressions, as the same audience sees the ads again).
var flight2AdSets = []adRow{
	{"2021-08-09", "2021-09-12", "Flight 2 - static (photo with quote)", "", 571240, 139412, 6891, 0, 212735},
	{"2021-08-09", "2021-09-12", "Flight 2 - dynamic (short video)", "", 83617, 29846, 742, 56094, 53190},
}

// Flight 3 per ad, the demo's: chosen so that the campaign's impressions over the three
// flights come to 3.000.207, the "3 miljoen" the report forecast for the campaign's end.
var flight3Ads = []adRow{
	{"2021-10-11", "2021-11-28", "Vlucht 3 - statisch (foto met quote)", "Twinkel #1 - Prinsenstichting", 268412, 71843, 3221, 0, 98974},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - statisch (foto met quote)", "Twinkel #4 - Dichterbij", 231507, 64229, 2616, 0, 84621},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - statisch (foto met quote)", "Twinkel #2 - Middin", 205933, 58701, 2183, 0, 74819},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - statisch (foto met quote)", "Twinkel #7 - WonenPlus", 176218, 52377, 1709, 0, 64166},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - statisch (foto met quote)", "Twinkel #11 - De Berkelhof", 189640, 54918, 2295, 0, 70230},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - statisch (foto met quote)", "Twinkel #5 - Siza", 121388, 39604, 1117, 0, 45283},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - dynamisch (korte video)", "Twinkel #1 - Prinsenstichting", 41286, 17530, 363, 27655, 26841},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - dynamisch (korte video)", "Twinkel #4 - Dichterbij", 33517, 14602, 275, 21788, 21403},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - dynamisch (korte video)", "Twinkel #2 - Middin", 29964, 13311, 258, 19475, 19355},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - dynamisch (korte video)", "Twinkel #11 - De Berkelhof", 31832, 13927, 287, 21370, 20512},
	{"2021-10-11", "2021-11-28", "Vlucht 3 - dynamisch (korte video)", "Twinkel #7 - WonenPlus", 22487, 10284, 182, 14391, 14692},
}

// Headers of the exports, in Dutch and English Ads Manager.
const (
	dutchAdSetHeader   = "Start rapportage;Einde rapportage;Campagnenaam;Naam advertentieset;Weergaven;Bereik;Frequentie;Klikken op links;CTR (doorklikratio voor klikken op link);Videoweergaven van 3 seconden;Besteed bedrag (EUR)"
	dutchAdHeader      = "Start rapportage;Einde rapportage;Campagnenaam;Naam advertentieset;Advertentienaam;Weergaven;Bereik;Frequentie;Klikken op links;CTR (doorklikratio voor klikken op link);Videoweergaven van 3 seconden;Besteed bedrag (EUR)"
	englishAdSetHeader = "Reporting starts,Reporting ends,Campaign name,Ad set name,Impressions,Reach,Frequency,Link clicks,CTR (link click-through rate),3-second video plays,Amount spent (EUR)"
)

// adExport is the look of one Ads Manager export: its language's separator, numbers,
// byte order mark and line ends.
type adExport struct {
	sep     string
	bom     bool
	newline string
	integer func(int) string
	decimal func(float64) string
}

var (
	dutchExport   = adExport{sep: ";", bom: true, newline: "\r\n", integer: dutchInteger, decimal: dutchDecimal}
	englishExport = adExport{sep: ",", newline: "\n", integer: strconv.Itoa, decimal: func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }}
)

// line joins fields into one line of the export.
func (e adExport) line(b *bytes.Buffer, fields ...string) {
	b.WriteString(strings.Join(fields, e.sep))
	b.WriteString(e.newline)
}

// row writes r; withAd adds the ad's name after the ad set's.
func (e adExport) row(b *bytes.Buffer, r adRow, withAd bool) {
	fields := []string{r.Start, r.End, metaCampaign, r.AdSet}
	if withAd {
		fields = append(fields, r.Ad)
	}
	plays := ""
	if r.VideoPlays > 0 {
		plays = e.integer(r.VideoPlays)
	}
	fields = append(fields, e.integer(r.Impressions), e.integer(r.Reach), e.decimal(r.frequency()),
		e.integer(r.LinkClicks), e.decimal(r.ctr()), plays, e.decimal(float64(r.SpendCents)/100))
	e.line(b, fields...)
}

// writeMetaAds writes the four Ads Manager exports of the Twinkel campaign the comms team
// downloaded: flight 1 in Dutch with its totals, flight 2 twice in English (at the
// report's cut-off and complete), and flight 3 per ad in Dutch.
func writeMetaAds(dir string) ([]File, error) {
	var files []File
	write := func(name string, b *bytes.Buffer, rows int) error {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			return err
		}
		files = append(files, File{Path: path, Kind: KindMetaAds, Rows: rows})
		return nil
	}

	// Flight 1, ad sets, Dutch, with the totals row and the blank rows Ads Manager adds.
	b := dutchExport.start(dutchAdSetHeader)
	total := adRow{Start: flight1AdSets[0].Start, End: flight1AdSets[0].End}
	for _, r := range flight1AdSets {
		dutchExport.row(b, r, false)
		total.Impressions += r.Impressions
		total.LinkClicks += r.LinkClicks
		total.VideoPlays += r.VideoPlays
		total.SpendCents += r.SpendCents
	}
	dutchExport.line(b, total.Start, total.End, "", "", dutchInteger(total.Impressions), "", "",
		dutchInteger(total.LinkClicks), dutchDecimal(total.ctr()), dutchInteger(total.VideoPlays), dutchDecimal(float64(total.SpendCents)/100))
	dutchExport.line(b, strings.Repeat(";", 10))
	dutchExport.line(b)
	if err := write("meta-ads_twinkels-2021_vlucht-1.csv", b, len(flight1AdSets)); err != nil {
		return nil, err
	}

	for _, export := range []struct {
		name string
		rows []adRow
	}{
		{"Twinkels-2021-Ads-Aug-31-2021.csv", flight2AdSetsToAugust31},
		{"Twinkels-2021-Ads-Sep-12-2021.csv", flight2AdSets},
	} {
		b := englishExport.start(englishAdSetHeader)
		for _, r := range export.rows {
			englishExport.row(b, r, false)
		}
		if err := write(export.name, b, len(export.rows)); err != nil {
			return nil, err
		}
	}

	b = dutchExport.start(dutchAdHeader)
	for _, r := range flight3Ads {
		dutchExport.row(b, r, true)
	}
	if err := write("meta-ads_twinkels-2021_vlucht-3_advertenties.csv", b, len(flight3Ads)); err != nil {
		return nil, err
	}
	return files, nil
}

// start begins an export with its byte order mark, if any, and its header.
func (e adExport) start(header string) *bytes.Buffer {
	b := &bytes.Buffer{}
	if e.bom {
		b.WriteString("\uFEFF")
	}
	b.WriteString(header + e.newline)
	return b
}

// dutchInteger formats n the Dutch way: 1.271.743.
func dutchInteger(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + dutchInteger(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// dutchDecimal formats x with two decimals the Dutch way: 1.234,56.
func dutchDecimal(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		panic(fmt.Sprintf("dutchDecimal(%v): %v", x, err)) // FormatFloat gives digits
	}
	return dutchInteger(n) + "," + frac
}
