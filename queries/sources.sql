-- name: sources
-- doc: What is loaded, per source kind: files, rows, rejected rows, the first and last day
-- doc: the data cover, and when a file of that kind was last loaded.
SELECT kind,
       count(*) AS files,
       sum(rows_loaded)::BIGINT AS rows,
       sum(rows_rejected)::BIGINT AS rejected,
       min(first_date) AS first_day,
       max(last_date) AS last_day,
       max(loaded_at) AS last_loaded
FROM ingest_log
GROUP BY kind
ORDER BY kind
