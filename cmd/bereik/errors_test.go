package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestErrorsArePrintedOnceWithTheirHint: a command returns its error; run prints it once,
// its hint on the line under it, and exits with the error's code.
func TestErrorsArePrintedOnceWithTheirHint(t *testing.T) {
	for _, tc := range []struct {
		err  error
		code int
		want string
	}{
		{nil, exitOK, ""},
		{errors.New("plain"), exitFailed, "bereik: plain\n"},
		{fmt.Errorf("open x: %w", withHint(errors.New("damaged"), "restore it")), exitFailed, "bereik: open x: damaged\nbereik: hint: restore it\n"},
		{exitWith(exitPartial, errors.New("no file could be loaded")), exitPartial, "bereik: no file could be loaded\n"},
		{exitWith(exitPartial, nil), exitPartial, ""},
		{errUsage, exitFailed, ""},
		{errHelp, exitOK, ""},
	} {
		var out bytes.Buffer
		if code := exitCode(&out, tc.err); code != tc.code || out.String() != tc.want {
			t.Errorf("%v: exit %d, printed %q; want %d and %q", tc.err, code, out.String(), tc.code, tc.want)
		}
	}
	// A usage error prints the usage, and no error line after it; --help exits 0.
	var stderr bytes.Buffer
	if code := run([]string{"status", "--frobnicate"}, nil, &bytes.Buffer{}, &stderr); code != exitFailed ||
		!strings.Contains(stderr.String(), "Usage: bereik status") || strings.Contains(stderr.String(), "bereik: ") {
		t.Errorf("a bad flag: exit %d, stderr %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"report", "--help"}, nil, &bytes.Buffer{}, &stderr); code != exitOK || !strings.Contains(stderr.String(), "Usage: bereik report") {
		t.Errorf("--help: exit %d, stderr %q", code, stderr.String())
	}
}
