package demo

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// catalogueSeed is the programme's content catalogue as the programme team kept it: 124
// stories and knowledge products with their organisations, themes and whether they were
// online by August 2021.
//
//go:embed content_catalogue_seed.csv
var catalogueSeed []byte

const (
	catalogueFile   = "inhoudscatalogus.csv"
	catalogueHeader = "nr,type,title,organisations,themes,online_by_aug_2021"

	programmePrefix = "/begeleiding-a-la-carte/"          // Kennisplein's programme pages
	dossierItem     = 117                                 // "Ervaringsleren dossier website"
	dossierPath     = programmePrefix + "ervaringsleren/" // the dossier's homepage; its pages lie under it
)

// Content items whose page on Kennisplein carries another title than the catalogue entry:
// the titles the report's top lists use.
var itemPageTitles = map[int]string{
	78:          "Gesprekstool 'Wat is er?'",
	118:         "Samenwerken met familie: Waarom loslaten nooit helemaal lukt",
	dossierItem: "Ervaringsleren – homepage dossier",
}

// contentItem is one row of the content catalogue and the Kennisplein page it links to.
type contentItem struct {
	Nr        int
	Type      string
	Title     string
	Online    bool
	PageTitle string   // title of its page; "" when not online
	Path      string   // path of its page, or for the dossier the folder of its pages; "" when not online
	fields    []string // the row's fields as the seed has them
}

// organisationLists are the seed's organisations cells that name more than one
// organisation in free text, as the catalogue gives them to bereik: a list separated by
// ";", holding names only ("De Berkelhof en Vilans" is "De Berkelhof; Vilans"). Other
// spellings of one organisation ("ASVZ (Ouders voor ouders)") stay as the team wrote them;
// bereik.toml's [[organisations]] aliases say which organisation they are.
var organisationLists = map[string]string{
	"Baalderborggroep en Triade":             "Baalderborggroep; Triade",
	"De Berkelhof en Vilans":                 "De Berkelhof; Vilans",
	"LFB en Vilans":                          "LFB; Vilans",
	"Ophovenerhof en Prinsenstichting":       "Ophovenerhof; Prinsenstichting",
	"Ipse de Bruggen (i.s.m. 's Heeren Loo)": "Ipse de Bruggen; 's Heeren Loo",
	"De Berkelhof, Pameijer, Driestroom, Pluryn, Severinus, Middin, Cordaan, ASVZ (Ouders voor Ouders)":                                   "De Berkelhof; Pameijer; Driestroom; Pluryn; Severinus; Middin; Cordaan; ASVZ (Ouders voor Ouders)",
	"Focusgroep kleine zorgorganisaties: Active4you, De Berkelhof, Stichting Ela, Ophovernerhof, WonenPlus, Buro Lima, Plekzat, OpMezelf": "Active4you; De Berkelhof; Stichting Ela; Ophovernerhof; WonenPlus; Buro Lima; Plekzat; OpMezelf",
	"Siza, Zozijn, Pluryn, Dichterbij, HAN en BPSW":                                                                                       "Siza; Zozijn; Pluryn; Dichterbij; HAN; BPSW",
	"Vilans, met feedback van ASVZ (Ouders voor ouders), Vanboeijen, Talant, Samen naar de Top Sherpa, ervaringsdeskundige LFB":           "Vilans; ASVZ (Ouders voor ouders); Vanboeijen; Talant; Samen naar de Top Sherpa; LFB",
}

// organisationList is a seed's organisations cell as the catalogue lists it.
func organisationList(cell string) string {
	if list, ok := organisationLists[cell]; ok {
		return list
	}
	return cell
}

// URL is the catalogue's url column: the page, or with a trailing * every page under the
// folder; "" for an item that is not online.
func (c contentItem) URL() string {
	switch {
	case c.Path == "":
		return ""
	case c.Nr == dossierItem:
		return kennisplein.url(c.Path) + "*"
	default:
		return kennisplein.url(c.Path)
	}
}

// readCatalogue parses the embedded seed and gives every online item its page.
func readCatalogue() ([]contentItem, error) {
	r := csv.NewReader(bytes.NewReader(catalogueSeed))
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("content catalogue seed: %w", err)
	}
	if strings.Join(header, ",") != catalogueHeader {
		return nil, fmt.Errorf("content catalogue seed: header %q, want %q", strings.Join(header, ","), catalogueHeader)
	}
	var items []contentItem
	slugs := map[string]bool{"ervaringsleren": true}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("content catalogue seed: %w", err)
		}
		nr, err := strconv.Atoi(rec[0])
		if err != nil {
			return nil, fmt.Errorf("content catalogue seed: item number %q: %w", rec[0], err)
		}
		item := contentItem{
			Nr:     nr,
			Type:   rec[1],
			Title:  rec[2],
			Online: rec[5] == "yes",
			fields: rec,
		}
		if item.Online {
			item.PageTitle = pageTitleOf(item)
			if nr == dossierItem {
				item.Path = dossierPath
			} else {
				item.Path = programmePrefix + uniqueSlug(item.PageTitle, slugs)
			}
		}
		items = append(items, item)
	}
	return items, nil
}

// pageTitleOf returns the title of an item's page: the catalogue title without its
// "Artikel '...'" wrapper, unless the report names the page otherwise.
func pageTitleOf(item contentItem) string {
	if t, ok := itemPageTitles[item.Nr]; ok {
		return t
	}
	if inner, ok := strings.CutPrefix(item.Title, "Artikel '"); ok && strings.HasSuffix(inner, "'") {
		return strings.TrimSuffix(inner, "'")
	}
	return item.Title
}

// writeCatalogue writes the seed rows, their organisations as a list (organisationList),
// each with its page's URL added, in the seed's own line ends (CRLF, as saved from a
// spreadsheet).
func writeCatalogue(path string, items []contentItem) (File, error) {
	var b bytes.Buffer
	b.WriteString(catalogueHeader + ",url\r\n")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	for _, item := range items {
		rec := slices.Clone(item.fields)
		rec[3] = organisationList(rec[3])
		if err := w.Write(append(rec, item.URL())); err != nil {
			return File{}, err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return File{}, err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return File{}, err
	}
	return File{Path: path, Kind: KindContentCatalogue, Rows: len(items)}, nil
}

// maxSlugLength keeps URLs readable; a longer slug is cut at a hyphen.
const maxSlugLength = 70

// slugify turns a title into a URL slug: lower-case ASCII letters and digits separated by
// single hyphens; accents are dropped and quotes vanish without a trace.
func slugify(title string) string {
	var b strings.Builder
	hyphen := true // no leading hyphen
	for _, r := range strings.ToLower(title) {
		if plain, ok := accentless[r]; ok {
			r = plain
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			hyphen = false
		case r == '\'' || r == '"' || r == '’' || r == '‘':
		case !hyphen:
			b.WriteByte('-')
			hyphen = true
		}
	}
	slug := strings.TrimSuffix(b.String(), "-")
	if len(slug) > maxSlugLength {
		slug = slug[:maxSlugLength]
		if i := strings.LastIndexByte(slug, '-'); i > 0 {
			slug = slug[:i]
		}
	}
	return slug
}

// uniqueSlug returns the slug of title, numbered when taken, and marks it taken.
func uniqueSlug(title string, taken map[string]bool) string {
	base := slugify(title)
	slug := base
	for n := 2; taken[slug]; n++ {
		slug = base + "-" + strconv.Itoa(n)
	}
	taken[slug] = true
	return slug
}

var accentless = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'ö': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u',
}

// onlineItem returns the online catalogue item numbered nr.
func onlineItem(items []contentItem, nr int) (contentItem, error) {
	i := slices.IndexFunc(items, func(c contentItem) bool { return c.Nr == nr })
	if i < 0 || !items[i].Online {
		return contentItem{}, fmt.Errorf("content catalogue: item %d is not online", nr)
	}
	return items[i], nil
}
