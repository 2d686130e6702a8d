//go:build !linux

package pipeline

import "errors"

// exchange is not offered here: swap moves the earlier export aside first.
func exchange(a, b string) error { return errors.New("no atomic exchange of folders") }
