-- name: rejects
-- doc: Rows that could not be read, with file, line, column and reason (at most 1.000 are
-- doc: kept per file; ingest_log.rows_rejected has the full count).
-- param: limit integer = 50 -- rows to show
-- column: path text
-- column: line integer ordinal
-- column: col integer ordinal
-- column: column_name text
-- column: reason text
SELECT path, line, col, column_name, reason
FROM rejects
ORDER BY file_id, line, col
LIMIT $limit
