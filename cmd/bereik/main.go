// Command bereik turns the exports a communications team downloads (Meta Ads, visit logs,
// the content catalogue) into one DuckDB database, answers the reach report's questions
// in SQL, and renders the report as one self-contained HTML file.
package main

import (
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
