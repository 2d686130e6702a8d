package demo

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// visitLogHeader is the header of a monthly visit log, as the sites' analytics exports it.
var visitLogHeader = []string{
	"timestamp", "visit_id", "visitor_id", "site", "url", "page_title", "referrer",
	"utm_source", "utm_medium", "utm_campaign", "time_on_page",
}

// firstVisitID is the analytics' visit number on the programme's first day.
const firstVisitID = 4_180_001

// visitLogWriter writes the plan's visits, Scale times over, one day at a time.
type visitLogWriter struct {
	plan   *visitPlan
	scale  int
	nextID uint64
	next   int // the plan's next visit to write
}

// writeVisitLogs writes one visit log per calendar month, bezoeken_YYYY-MM.csv, from
// September 2019 to November 2021.
func writeVisitLogs(dir string, plan *visitPlan, scale int) ([]File, error) {
	w := &visitLogWriter{plan: plan, scale: scale, nextID: firstVisitID}
	var files []File
	for m := range logMonths {
		path := filepath.Join(dir, "bezoeken_"+monthStart(m).date().Format("2006-01")+".csv")
		rows, err := w.writeMonth(path, m)
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", path, err)
		}
		files = append(files, File{Path: path, Kind: KindVisitLog, Rows: rows})
	}
	return files, nil
}

// writeMonth writes the visit log of log month m and returns its number of page views.
func (w *visitLogWriter) writeMonth(path string, m int) (rows int, err error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	buf := bufio.NewWriterSize(f, 256<<10)
	out := csv.NewWriter(buf)
	if err := out.Write(visitLogHeader); err != nil {
		return 0, err
	}
	for d := monthStart(m); d < monthStart(m+1); d++ {
		n, err := w.writeDay(out, d)
		if err != nil {
			return 0, err
		}
		rows += n
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return 0, err
	}
	return rows, buf.Flush()
}

// visitCopy is one visit as written: a planned visit, or at Scale > 1 a copy of it by
// another person at another time.
type visitCopy struct {
	*visit
	start   int32
	visitor uint64
	id      uint64
}

// pageViewRow is one page view of a day's visit copies.
type pageViewRow struct {
	at   int32 // seconds after midnight
	copy int32 // index in the day's copies
	view int32 // index in the visit's views
}

// writeDay writes the page views of day d in order of time and returns how many.
func (w *visitLogWriter) writeDay(out *csv.Writer, d day) (int, error) {
	var copies []visitCopy
	for ; w.next < len(w.plan.visits) && w.plan.visits[w.next].Start.Day == d; w.next++ {
		v := &w.plan.visits[w.next]
		id := w.plan.visitors[v.Visitor]
		copies = append(copies, visitCopy{visit: v, start: v.Start.Second, visitor: id})
		for k := 1; k < w.scale; k++ {
			copies = append(copies, scaledCopy(v, id, uint64(k)))
		}
	}
	slices.SortStableFunc(copies, func(a, b visitCopy) int { return cmp.Compare(a.start, b.start) })
	var rows []pageViewRow
	for c := range copies {
		copies[c].id = w.nextID
		w.nextID++
		at := copies[c].start
		for i, v := range copies[c].Views {
			rows = append(rows, pageViewRow{at: at, copy: int32(c), view: int32(i)})
			at += v.Seconds
		}
	}
	slices.SortFunc(rows, func(a, b pageViewRow) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.copy, b.copy), cmp.Compare(a.view, b.view))
	})

	date := d.date().Format("2006-01-02 ")
	record := make([]string, len(visitLogHeader))
	for _, r := range rows {
		c := &copies[r.copy]
		v := c.visit
		i := int(r.view)
		record[0] = date + clock(r.at)
		record[1] = strconv.FormatUint(c.id, 10)
		record[2] = fmt.Sprintf("%016x", c.visitor)
		record[3] = v.Site.String()
		record[4] = w.plan.viewURL(v, i)
		record[5] = w.plan.pages[v.Views[i].Page].Title
		record[6], record[7], record[8], record[9] = v.Referrer, "", "", ""
		if i > 0 {
			record[6] = w.plan.viewURL(v, i-1)
		} else if v.Tags != nil {
			record[7], record[8], record[9] = v.Tags.Source, v.Tags.Medium, v.Tags.Campaign
		}
		record[10] = strconv.Itoa(int(v.Views[i].Seconds))
		if err := out.Write(record); err != nil {
			return 0, err
		}
	}
	return len(rows), nil
}

// scaledCopy returns copy k of v for a load test: another person (a visitor id derived
// from the original's) visiting up to twenty minutes earlier or later the same day.
func scaledCopy(v *visit, visitor, k uint64) visitCopy {
	h := mix64(visitor ^ k*0x9e3779b97f4a7c15)
	start := v.Start.Second + int32(h%2401) - 1200
	start = max(min(start, latestVisitEnd-v.duration()), earliestStart)
	return visitCopy{visit: v, start: start, visitor: mix64(h)}
}

// mix64 is the splitmix64 finaliser: a fixed scrambling of 64 bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// clock formats seconds after midnight as 15:04:05.
func clock(s int32) string {
	b := []byte("00:00:00")
	h, m, sec := s/3600, s/60%60, s%60
	b[0], b[1] = byte('0'+h/10), byte('0'+h%10)
	b[3], b[4] = byte('0'+m/10), byte('0'+m%10)
	b[6], b[7] = byte('0'+sec/10), byte('0'+sec%10)
	return string(b)
}
