package pipeline

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/dchest/siphash"
)

// keyer turns raw visitor and visit ids into keyed hashes (SipHash-2-4, a keyed
// pseudorandom function made for short inputs), so that no raw id reaches the database.
// Its key lives beside the database (KeyPath), never in it.
type keyer struct {
	k0, k1 uint64
	buf    []byte
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
	return &keyer{k0: binary.LittleEndian.Uint64(key[0:8]), k1: binary.LittleEndian.Uint64(key[8:16])}, nil
}

// hash returns the keyed 64-bit hash of an id within a namespace and scope.
func (k *keyer) hash(namespace, scope, id string) uint64 {
	k.buf = append(append(append(append(k.buf[:0], namespace...), 0), scope...), 0)
	k.buf = append(k.buf, id...)
	return siphash.Hash(k.k0, k.k1, k.buf)
}
