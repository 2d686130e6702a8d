package pipeline

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"os"
	"strings"
	"time"

	"github.com/dchest/siphash"
)

// keyer turns raw visitor and visit ids into keyed hashes (SipHash-2-4, a keyed
// pseudorandom function made for short inputs), so that no raw id reaches the database.
// Its key lives beside the database (KeyPath), never in it.
type keyer struct {
	k0, k1 uint64
	buf    []byte
	// path is the key's file; fingerprint tells the key apart from others without
	// revealing it (keyFingerprint).
	path, fingerprint string
}

// KeyPath is where the hashing key of the database at dbPath lives.
func KeyPath(dbPath string) string { return dbPath + ".key" }

// DatabaseFile is one file a database consists of.
type DatabaseFile struct {
	Path string
	// What names it for people: "the database x", "its WAL", "its hashing key".
	What string
}

// DatabaseFiles are the files of the database at dbPath: the database, its write-ahead
// log (DuckDB's, which exists between a load and its checkpoint) and its hashing key.
// Nothing bereik writes for people may be written over one of them.
func DatabaseFiles(dbPath string) []DatabaseFile {
	return []DatabaseFile{
		{dbPath, "the database " + dbPath},
		{dbPath + ".wal", "the write-ahead log of the database " + dbPath},
		{KeyPath(dbPath), "the hashing key of the database " + dbPath},
	}
}

// loadKeyer reads the key beside the database, creating it (mode 0600) on first use.
func loadKeyer(dbPath string, holdsHashes bool) (*keyer, error) {
	path := KeyPath(dbPath)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && holdsHashes {
		return nil, fmt.Errorf("hashing key %s is missing, but the database holds visitors hashed with it; restore the key beside the database (a new key would count every returning visitor as new)", path)
	}
	if errors.Is(err, fs.ErrNotExist) {
		key := make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
		data = []byte(hex.EncodeToString(key) + "\n")
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, fmt.Errorf("create hashing key: %w", err)
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return nil, fmt.Errorf("write hashing key: %w", err)
		}
		if err := f.Close(); err != nil {
			return nil, fmt.Errorf("write hashing key: %w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("read hashing key: %w", err)
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(data)))
	if err != nil || len(key) < 16 {
		return nil, fmt.Errorf("hashing key %s is damaged; restore it from a backup (a new key breaks returning-visitor counts)", path)
	}
	return &keyer{k0: binary.LittleEndian.Uint64(key[0:8]), k1: binary.LittleEndian.Uint64(key[8:16]),
		path: path, fingerprint: keyFingerprint(key)}, nil
}

// fingerprintLabel is what a key's fingerprint is the MAC of.
const fingerprintLabel = "bereik hashing key fingerprint v1"

// keyFingerprint is HMAC-SHA-256 of a fixed label under the key, in hex: the same key
// always gives it, another key another, and it reveals nothing of the key.
func keyFingerprint(key []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(fingerprintLabel))
	return hex.EncodeToString(mac.Sum(nil))
}

// keyError is a hashing key that does not belong to the database, with what to do.
type keyError struct{ msg, hint string }

func (e *keyError) Error() string { return e.msg }

// Hint says how to put the right key back.
func (e *keyError) Hint() string { return e.hint }

// checkKeyFingerprint compares the key with the fingerprint the database keeps of the key
// its visitors were hashed with, and records it where the database has none yet (a new
// database, or one of a bereik from before fingerprints). Another key is refused while
// the database holds hashed visitors; where it holds none, nothing was hashed with the
// old key and the new one is recorded.
func checkKeyFingerprint(ctx context.Context, db *sql.DB, k *keyer, holdsHashes bool) error {
	var stored string
	err := db.QueryRowContext(ctx, `SELECT fingerprint FROM key_fingerprint ORDER BY recorded_at DESC LIMIT 1`).Scan(&stored)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	case stored == k.fingerprint:
		return nil
	case holdsHashes:
		return &keyError{
			msg: fmt.Sprintf("the hashing key %s is not the key this database's visitors were hashed with (key fingerprint %s, the database's %s): "+
				"with it every returning visitor would count as new; nothing was loaded", k.path, k.fingerprint[:12], stored[:min(12, len(stored))]),
			hint: fmt.Sprintf("put back the key file that belongs to this database (from the backup taken with it) as %s; "+
				"if that key is lost for good, load the exports again into a new database", k.path),
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM key_fingerprint`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO key_fingerprint VALUES (?, ?)`, k.fingerprint, time.Now().UTC()); err != nil {
		return err
	}
	return tx.Commit()
}

// hash returns the keyed 64-bit hash of an id within a namespace and scope.
func (k *keyer) hash(namespace, scope, id string) uint64 {
	k.buf = append(k.prefix(namespace, scope), id...)
	return siphash.Hash(k.k0, k.k1, k.buf)
}

// prefix is the start of every hashed text: its namespace and scope, each ended by a 0.
func (k *keyer) prefix(namespace, scope string) []byte {
	return append(append(append(append(k.buf[:0], namespace...), 0), scope...), 0)
}

// hashClient is hash(namespace, scope, client+"\x00"+agent) of an access log's client,
// written as its address's text (netip.Addr.String) where it is an address, else as the
// host name the log gives, and its user agent: the same key, without building the
// joined text for every line.
func (k *keyer) hashClient(namespace, scope string, addr netip.Addr, host, agent string) uint64 {
	k.buf = k.prefix(namespace, scope)
	switch {
	case host != "":
		k.buf = append(k.buf, host...)
	case addr.IsValid():
		k.buf = addr.AppendTo(k.buf)
	default:
		k.buf = append(k.buf, addr.String()...)
	}
	k.buf = append(append(k.buf, 0), agent...)
	return siphash.Hash(k.k0, k.k1, k.buf)
}

// referrerPage returns a referrer as it is stored: its scheme, host and path, without the
// user information, port, query string or fragment, which can carry personal data (an
// e-mail address in a newsletter's link, an address in a search). A referrer without a
// scheme keeps what stands before its query string, unless it holds an @. The UTM fields
// do not come from the referrer: visit logs have their own columns, access logs read them
// from the requested URL. Migration 010 applies the same to referrers stored before.
func referrerPage(raw string) string {
	s, _, _ := strings.Cut(raw, "?")
	s, _, _ = strings.Cut(s, "#")
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || !isURIScheme(scheme) {
		if strings.Contains(s, "@") {
			return ""
		}
		return s
	}
	host, path := rest, ""
	if j := strings.IndexByte(rest, '/'); j >= 0 {
		host, path = rest[:j], rest[j:]
	}
	full := host
	if k := strings.LastIndexByte(host, '@'); k >= 0 {
		host = host[k+1:]
	}
	if strings.HasPrefix(host, "[") { // an IPv6 address: its port follows the ]
		if k := strings.IndexByte(host, ']'); k >= 0 {
			host = host[:k+1]
		}
	} else if k := strings.IndexByte(host, ':'); k >= 0 {
		host = host[:k]
	}
	if host == full {
		// Nothing taken out of the host: the referrer up to its query is what is kept,
		// without a copy (this runs for every page view).
		return s
	}
	return scheme + "://" + host + path
}

// isURIScheme reports whether s is a URI's scheme (RFC 3986): a letter, then letters,
// digits, + . or -. (It runs for every page view: no regular expression.)
func isURIScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c|0x20 >= 'a' && c|0x20 <= 'z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return false
		}
	}
	return s != ""
}
