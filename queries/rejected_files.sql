-- name: rejected_files
-- doc: The loaded files with rejected rows: per file its kind, when it was loaded, the rows
-- doc: loaded and rejected, the requests dropped as bots (access logs), and the first
-- doc: rejected row's line, column and reason (bereik status and the rejects query list
-- doc: them all). Ordered by the share of rows rejected, most first.
SELECT l.path, l.kind, l.loaded_at, l.rows_loaded, l.rows_rejected, coalesce(l.rows_bots, 0) AS rows_bots,
       (l.rows_rejected / nullif(l.rows_loaded + l.rows_rejected, 0))::DOUBLE AS rejected_share,
       r.line AS first_line, r.column_name AS first_column, r.reason AS first_reason
FROM ingest_log l
LEFT JOIN (
    SELECT file_id, arg_min(line, (line, col)) AS line, arg_min(column_name, (line, col)) AS column_name,
           arg_min(reason, (line, col)) AS reason
    FROM rejects
    GROUP BY file_id
) r USING (file_id)
WHERE l.rows_rejected > 0
ORDER BY rejected_share DESC, l.path
