-- 013: when ingest last read every block of the database (CheckBlocks). Reading them all
-- costs about as much as reading the database once, so a nightly ingest does it once a
-- day, not for every run; status does it every time.
CREATE TABLE block_checks (checked_at TIMESTAMP NOT NULL);
