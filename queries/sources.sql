-- name: sources
-- doc: What is loaded, per source kind: files, rows, rejected rows, the first and last day
-- doc: the data cover, when a file of that kind was last loaded, and whether the kind is
-- doc: stale: its newest day is older than stale_after (bereik.toml, default 2 days).
-- doc: Each kind's staleness rule comes from source_kinds (the pipeline's registry).
-- doc: A kind whose files carry no dates (the content catalogue) is never stale. Post
-- doc: exports date their data by the newest post, and a page may not post for days: a
-- doc: post kind loaded within stale_after is not stale. rows counts the rows the kind's
-- doc: files hold in the tables now: rows a later export replaced, of this kind or another
-- doc: (an access log replacing a visit log's hours), no longer count.
-- column: kind text
-- column: files integer
-- column: rows integer
-- column: rejected integer
-- column: first_day date
-- column: last_day date
-- column: last_loaded timestamp
-- column: stale boolean
WITH held AS (
    -- The rows each file holds now, in whichever table its kind loads into (every
    -- source_kinds.target_table; a test keeps this list whole). The page views are counted
    -- in page_view_keys, the same rows without page_views' joins to the page and origin
    -- dimensions: ingest asks this after every load, and on 10M page views the joins
    -- took 0,2-0,6 s of it.
    SELECT file_id, count(*) AS n
    FROM (SELECT file_id FROM meta_ads
          UNION ALL SELECT file_id FROM social_posts
          UNION ALL SELECT file_id FROM page_view_keys
          UNION ALL SELECT file_id FROM page_reports
          UNION ALL SELECT file_id FROM content_items
          UNION ALL SELECT file_id FROM channel_days)
    GROUP BY file_id
)
SELECT l.kind,
       count(*) AS files,
       coalesce(sum(h.n), 0)::BIGINT AS rows,
       sum(rows_rejected)::BIGINT AS rejected,
       min(first_date) AS first_day,
       max(last_date) AS last_day,
       max(loaded_at) AS last_loaded,
       coalesce(greatest(max(last_date),
                         CASE WHEN any_value(k.staleness) = 'load' THEN max(loaded_at)::DATE END)
                + to_hours(any_value(s.stale_after_hours)) < current_date, false) AS stale
FROM ingest_log l
LEFT JOIN held h ON h.file_id = l.file_id
LEFT JOIN source_kinds k ON k.kind = l.kind
CROSS JOIN (SELECT coalesce(max(stale_after_hours), 48) AS stale_after_hours FROM settings) s
GROUP BY l.kind
ORDER BY l.kind
