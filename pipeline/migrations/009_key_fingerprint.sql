-- 009: the fingerprint of the hashing key the database's visitors were hashed with, so
-- that ingest refuses another key instead of counting every returning visitor as new.
-- It is HMAC-SHA-256 of a fixed label under the key: it tells keys apart and never
-- reveals the key, which lives beside the database, not in it. A database of an older
-- bereik records its key's fingerprint at its next ingest.
CREATE TABLE key_fingerprint (
    fingerprint VARCHAR NOT NULL,   -- hex
    recorded_at TIMESTAMP NOT NULL
);
