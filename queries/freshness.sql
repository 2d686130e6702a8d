-- name: freshness
-- doc: How fresh each source kind is: the last day its loaded files hold data for, when a
-- doc: file of that kind was last loaded, and whether it is stale. The moment compared
-- doc: against is the database's last ingest (the newest loaded_at of any file), so that
-- doc: the answer depends on the database alone: a source is stale when the end of its
-- doc: last day of data lies more than settings.stale_after_hours before that moment.
-- doc: hours_behind is that gap in whole hours. Kinds without dates (the content
-- doc: catalogue) are never stale.
-- column: kind text -- as in ingest_log.kind
-- column: label_nl text -- the kind's name in Dutch (source_kinds)
-- column: label_en text -- and in English
-- column: files integer
-- column: last_day date -- NULL for kinds without dates
-- column: last_loaded timestamp
-- column: last_ingest timestamp -- the moment compared against
-- column: stale_after_hours integer
-- column: hours_behind integer
-- column: stale boolean
WITH last_ingest AS (
    SELECT max(loaded_at) AS moment FROM ingest_log
)
SELECT l.kind,
       coalesce(any_value(k.label_nl), l.kind) AS label_nl,
       coalesce(any_value(k.label_en), l.kind) AS label_en,
       count(*) AS files,
       max(l.last_date) AS last_day,
       max(l.loaded_at) AS last_loaded,
       (SELECT moment FROM last_ingest) AS last_ingest,
       s.stale_after_hours,
       CASE WHEN max(l.last_date) IS NOT NULL
            THEN datediff('hour', (max(l.last_date) + INTERVAL 1 DAY)::TIMESTAMP, (SELECT moment FROM last_ingest)) END AS hours_behind,
       coalesce(datediff('hour', (max(l.last_date) + INTERVAL 1 DAY)::TIMESTAMP, (SELECT moment FROM last_ingest)) > s.stale_after_hours,
                false) AS stale
FROM ingest_log l
LEFT JOIN source_kinds k ON k.kind = l.kind
CROSS JOIN settings s
GROUP BY l.kind, s.stale_after_hours
ORDER BY l.kind
