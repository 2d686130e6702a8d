package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// paperSize is a paper the report is printed on: its size and its printable width at
// CSS's 96 pixels an inch, with the 15 mm margins of the report's print style.
type paperSize struct {
	name          string
	width, height float64 // inches
}

var papers = map[string]paperSize{
	"a4":     {"A4", 210 / 25.4, 297 / 25.4},
	"letter": {"Letter", 8.5, 11},
}

// printMargin is the report's page margin, as its print style sets it (@page).
const printMargin = 15 / 25.4 // inches

// printableWidth is the paper's width inside its margins, in CSS pixels: the width the
// report is laid out at in print.
func (p paperSize) printableWidth() int64 { return int64((p.width - 2*printMargin) * 96) }

// pdfPrinter prints the report through a headless Chromium: the page is laid out in
// print media at the paper's width, so that every chart is drawn to fit it, then printed
// with its page numbers at the foot.
type pdfPrinter struct {
	chromium string
	paper    paperSize
}

// chromiumNames are the names Chromium and Chrome are installed under.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}

// newPDFPrinter finds Chromium: $CHROMIUM, else one of chromiumNames on the PATH. Without
// one it fails, saying how to install it.
func newPDFPrinter(e *env, paper string) (*pdfPrinter, error) {
	size, ok := papers[strings.ToLower(paper)]
	if !ok {
		return nil, fmt.Errorf("--paper %q: want a4 or letter", paper)
	}
	if p := e.getenv("CHROMIUM"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return nil, withHint(fmt.Errorf("$CHROMIUM is %s, which cannot be run: %w; nothing was written", p, err),
				"set CHROMIUM to the path of Chromium or Google Chrome, or unset it to use the one on the PATH")
		}
		return &pdfPrinter{chromium: p, paper: size}, nil
	}
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return &pdfPrinter{chromium: p, paper: size}, nil
		}
	}
	return nil, withHint(errors.New("writing a PDF needs Chromium or Google Chrome, and neither is installed; nothing was written"),
		"install Chromium (Debian and Ubuntu: apt-get install chromium; Fedora: dnf install chromium; macOS: brew install --cask chromium) "+
			"or Google Chrome, or set CHROMIUM to its path; or write the HTML report with -o and print it from a browser")
}

// print prints the report's HTML to PDF. The page is read from a file of its own in a
// temporary folder, which is removed afterwards; Chromium runs headless, off the network
// (the report needs none: its Content-Security-Policy allows no request), with a profile
// of its own that chromedp removes.
func (p *pdfPrinter) print(ctx context.Context, html []byte) ([]byte, error) {
	dir, err := os.MkdirTemp("", "bereik-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, html, 0o600); err != nil {
		return nil, err
	}
	options := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(p.chromium),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to run as root with its sandbox; the page it prints is the
		// report, whose policy lets no script run but its own.
		options = append(options, chromedp.NoSandbox)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, options...)
	defer cancelAlloc()
	browser, cancel := chromedp.NewContext(alloc)
	defer cancel()
	fail := func(err error) ([]byte, error) {
		return nil, fmt.Errorf("print the report with %s: %w", p.chromium, err)
	}
	if err := chromedp.Do(browser, chromedp.Navigate((&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String())); err != nil {
		return fail(err)
	}
	// Laid out in print media at the paper's width, the charts redraw to fit it: the
	// page's script redraws them when its width changes, on the next frames.
	if _, err := chromedp.Call(browser, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		return fail(err)
	}
	if err := chromedp.Do(browser, chromedp.EmulateViewport(p.paper.printableWidth(), int64(p.paper.height*96))); err != nil {
		return fail(err)
	}
	if _, err := chromedp.Run(browser, chromedp.Evaluate[bool](
		`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise)); err != nil {
		return fail(err)
	}
	yes, margin := true, printMargin
	res, err := chromedp.Call(browser, page.PrintToPDF, page.PrintToPDFParams{
		PaperWidth: p.paper.width, PaperHeight: p.paper.height,
		MarginTop: &margin, MarginBottom: &margin, MarginLeft: &margin, MarginRight: &margin,
		PrintBackground: &yes, DisplayHeaderFooter: &yes, GenerateDocumentOutline: &yes,
		HeaderTemplate: `<span></span>`,
		FooterTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#4a4a4a"><span class="title"></span> · <span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
	})
	if err != nil {
		return fail(err)
	}
	doc := res.Data
	if !bytes.HasPrefix(doc, []byte("%PDF-")) {
		return fail(errors.New("Chromium returned no PDF"))
	}
	return doc, nil
}
