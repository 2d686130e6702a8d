-- name: rejected_files
-- doc: The loaded files with rejected rows: per file its kind, when it was loaded, the rows
-- doc: loaded and rejected, the requests dropped as bots (access logs), and the first
-- doc: rejected row's line, column and reason (bereik status and the rejects query list
-- doc: them all). Ordered by the share of rows rejected, most first.
-- column: path text
-- column: kind text
-- column: label_nl text -- the kind's name in Dutch (source_kinds)
-- column: label_en text -- and in English
-- column: loaded_at timestamp
-- column: rows_loaded integer
-- column: rows_rejected integer
-- column: rows_bots integer -- requests dropped as bots
-- column: rejected_share double rate -- rejected / (loaded + rejected)
-- column: first_line integer ordinal
-- column: first_column text
-- column: first_reason text
SELECT l.path, l.kind, coalesce(k.label_nl, l.kind) AS label_nl, coalesce(k.label_en, l.kind) AS label_en, l.loaded_at, l.rows_loaded, l.rows_rejected, coalesce(l.rows_bots, 0) AS rows_bots,
       (l.rows_rejected / nullif(l.rows_loaded + l.rows_rejected, 0))::DOUBLE AS rejected_share,
       r.line AS first_line, r.column_name AS first_column, r.reason AS first_reason
FROM ingest_log l
LEFT JOIN (
    SELECT file_id, arg_min(line, (line, col)) AS line, arg_min(column_name, (line, col)) AS column_name,
           arg_min(reason, (line, col)) AS reason
    FROM rejects
    GROUP BY file_id
) r USING (file_id)
LEFT JOIN source_kinds k ON k.kind = l.kind
WHERE l.rows_rejected > 0
ORDER BY rejected_share DESC, l.path
