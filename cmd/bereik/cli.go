package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"bereik/pipeline"
)

// Exit codes, as the design fixes them for cron.
const (
	exitOK      = 0 // all good
	exitPartial = 1 // some input rejected, everything valid loaded
	exitFailed  = 2 // nothing done: bad usage, unreadable config, database locked or corrupt
	// exitInterrupted: stopped by SIGINT (Ctrl-C) or SIGTERM, by the shell's convention
	// (128 + SIGINT). The file being loaded was rolled back; files before it stay loaded.
	exitInterrupted = 130
)

// command is one subcommand: its name, one line of help, and what it does.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "load export files or folders into the database", runIngest},
		{"report", "write the reach report as one HTML file", runReport},
		{"query", "run one named question (or --sql) and print its rows", runQuery},
		{"queries", "list the named questions with their parameters", runQueries},
		{"status", "what is loaded, per source kind, and what was rejected", runStatus},
		{"annotate", "record a note for a day, marked on the report's charts", runAnnotate},
		{"export", "write every table and question as Parquet for other tools", runExport},
		{"demo", "write realistic demo exports to try everything on", runDemo},
	}
}

// env is what every command gets: its streams and the process environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// isTerminal tells whether a stream is a terminal (progress bars are drawn only there).
	isTerminal func(io.Writer) bool
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, isTerminal: isTerminal}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitFailed
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, e, args[1:])
			if ctx.Err() != nil {
				// Whatever the command was doing when the signal came, and whatever error
				// that left it with, it was interrupted: cron must not read it as a partial
				// load (1) or a refusal (2).
				err = exitWith(exitInterrupted, withHint(errors.New("interrupted (SIGINT or SIGTERM)"),
					"a file being loaded was rolled back and nothing half-written was left; files loaded before it stay loaded; run the command again"))
			}
			return exitCode(e.stderr, err)
		}
	}
	fmt.Fprintf(stderr, "bereik: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitFailed
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "bereik: reach analytics from the exports a comms team downloads.")
	fmt.Fprintln(w, "\nUsage: bereik COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nbereik COMMAND --help shows a command's flags.")
	fmt.Fprintln(w, "\nExit codes: 0 all good; 1 some files or rows rejected, everything valid loaded;\n"+
		"2 nothing done (bad usage or configuration, database locked, damaged or of another key);\n"+
		"130 interrupted (SIGINT or SIGTERM): the file being loaded was rolled back.")
}

// newFlags makes a command's flag set with its usage text.
func newFlags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: bereik %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses flags that may stand before, between or after positional arguments,
// and returns the positional ones. After --help it returns errHelp, after a usage error
// (which the flag set has printed) errUsage.
func parseArgs(fs *flag.FlagSet, args []string) (positional []string, err error) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, errUsage
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// parseNoArgs parses a command that takes flags only.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	rest, err := parseArgs(fs, args)
	if err == nil && len(rest) > 0 {
		fs.Usage()
		return errUsage
	}
	return err
}

// dbFlag adds --db: the flag, else $BEREIK_DB, else ./bereik.duckdb.
func dbFlag(e *env, fs *flag.FlagSet) *string {
	def := e.getenv("BEREIK_DB")
	if def == "" {
		def = "bereik.duckdb"
	}
	return fs.String("db", def, "database file (default $BEREIK_DB, else ./bereik.duckdb)")
}

// waitFlag is how long a command waits for a database another bereik process holds.
func waitFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("wait", 30*time.Second, "how long to wait while another bereik process holds the database")
}

// loadConfig reads --config, else bereik.toml beside the database, else the defaults.
func loadConfig(flagValue, dbPath string) (*pipeline.Config, error) {
	if flagValue != "" {
		return pipeline.LoadConfig(flagValue)
	}
	beside := filepath.Join(filepath.Dir(dbPath), "bereik.toml")
	if _, err := os.Stat(beside); err == nil {
		return pipeline.LoadConfig(beside)
	}
	return pipeline.LoadConfig("")
}

// logFlag adds --log-format and returns a function that makes the logger.
func logFlag(e *env, fs *flag.FlagSet) func() *slog.Logger {
	format := fs.String("log-format", "text", "log format on stderr: text or json")
	return func() *slog.Logger {
		if strings.EqualFold(*format, "json") {
			return slog.New(slog.NewJSONHandler(e.stderr, nil))
		}
		return slog.New(slog.NewTextHandler(e.stderr, nil))
	}
}

// exitError ends a command with an exit code other than exitFailed, the code of any other
// error. Its message may be empty: the command has said all there is (a usage text, the
// log of a partial ingest).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// exitWith ends a command with code; err, if not nil, is printed.
func exitWith(code int, err error) error { return &exitError{code: code, err: err} }

var (
	// errUsage ends a command whose usage was printed: exit 2, nothing more to say.
	errUsage = exitWith(exitFailed, nil)
	// errHelp ends a command after --help: exit 0.
	errHelp = exitWith(exitOK, nil)
)

// hinter is an error that knows what the user can do about it.
type hinter interface{ Hint() string }

// hinted is an error with a hint.
type hinted struct {
	err  error
	hint string
}

func (h *hinted) Error() string { return h.err.Error() }
func (h *hinted) Unwrap() error { return h.err }
func (h *hinted) Hint() string  { return h.hint }

// withHint adds a hint to err: what to do about it, printed on a line of its own.
func withHint(err error, hint string) error { return &hinted{err: err, hint: hint} }

// exitCode prints a command's error once, with its hint where it has one, and returns the
// exit code it ends the command with.
func exitCode(w io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	code := exitFailed
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if msg := err.Error(); msg != "" {
		fmt.Fprintf(w, "bereik: %s\n", msg)
	}
	var h hinter
	if errors.As(err, &h) && h.Hint() != "" {
		fmt.Fprintf(w, "bereik: hint: %s\n", h.Hint())
	}
	return code
}
