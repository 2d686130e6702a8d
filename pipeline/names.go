package pipeline

import (
	"path/filepath"
	"strings"
	"unicode"
)

// baseName is a file's name without its folders, lower case.
func baseName(path string) string { return strings.ToLower(filepath.Base(path)) }

// siteInName returns the configured site a file's name names: by one of its hosts
// (www.twinkelmagazine.nl-access.log) or by the site's name as a word of its own
// (kennisplein.access.log.gz). It is "" when the name names no site, or more than one.
func siteInName(cfg *Config, path string) string {
	name := baseName(path)
	found := ""
	for _, s := range cfg.Sites {
		named := containsWord(name, strings.ToLower(s.Name))
		for _, h := range s.Hosts {
			named = named || strings.Contains(name, strings.ToLower(h))
		}
		if !named {
			continue
		}
		if found != "" && found != s.Name {
			return ""
		}
		found = s.Name
	}
	return found
}

// containsWord reports whether word occurs in s with no letter or digit on either side.
func containsWord(s, word string) bool {
	if word == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(word)
		before := start == 0 || !isWordByte(s[start-1])
		after := end == len(s) || !isWordByte(s[end])
		if before && after {
			return true
		}
		from = start + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 0x80 || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
}
