package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// isTerminal reports whether w is a terminal: progress bars are drawn only there.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressBar draws bytes read / total on one terminal line. Log lines written through
// it clear the bar first and redraw it after, so that the two never mix.
type progressBar struct {
	mu          sync.Mutex
	w           io.Writer
	done, total int64
	drawn       bool
	last        time.Time
}

// update records progress and redraws at most ten times a second, and at the end.
func (b *progressBar) update(done, total int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	changed := done != b.done || total != b.total
	b.done, b.total = done, total
	if !changed || time.Since(b.last) < 100*time.Millisecond && done < total {
		return
	}
	b.last = time.Now()
	b.draw()
}

func (b *progressBar) draw() {
	const width = 30
	frac := 1.0
	if b.total > 0 {
		frac = min(float64(b.done)/float64(b.total), 1)
	}
	fill := int(frac * width)
	fmt.Fprintf(b.w, "\r\x1b[K[%s%s] %3.0f%%  %s / %s", strings.Repeat("=", fill), strings.Repeat(" ", width-fill),
		frac*100, byteSize(b.done), byteSize(b.total))
	b.drawn = true
}

// Write passes a log line through, above the bar.
func (b *progressBar) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		io.WriteString(b.w, "\r\x1b[K")
	}
	n, err := b.w.Write(p)
	if b.drawn {
		b.draw()
	}
	return n, err
}

// finish leaves the terminal on a fresh line.
func (b *progressBar) finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		io.WriteString(b.w, "\r\x1b[K")
		b.drawn = false
	}
}

// byteSize writes a size for people: 1,2 GB, 340 MB, 12 kB.
func byteSize(n int64) string {
	units := []string{"B", "kB", "MB", "GB", "TB"}
	f, i := float64(n), 0
	for f >= 1000 && i < len(units)-1 {
		f /= 1000
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%d B", n)
	}
	return strings.Replace(fmt.Sprintf("%.1f %s", f, units[i]), ".", ",", 1)
}
