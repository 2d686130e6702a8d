-- name: coverage
-- doc: Whether the loaded data of each source kind cover a period: its first and last day
-- doc: of data over all its files, when a file of it was last loaded, and covers: yes (the
-- doc: data span the whole period), until (they end inside it, on last_day), from (they
-- doc: begin inside it, on first_day), part (both), no (they lie outside it) or undated
-- doc: (a kind without dates, the content catalogue). Days without data inside the span
-- doc: are data_gaps' question. A period without from or to is open on that side. Unlike
-- doc: freshness, this judges the data by the period asked, not by the day of the last load.
-- param: from date optional -- first day of the period; none: open
-- param: to date optional -- last day of the period; none: open
-- column: kind text -- as in ingest_log.kind
-- column: label_nl text -- the kind's name in Dutch (source_kinds)
-- column: label_en text
-- column: target_table text -- the table its rows land in: page_views, meta_ads, social_posts, ...
-- column: files integer
-- column: first_day date -- NULL for kinds without dates
-- column: last_day date
-- column: last_loaded timestamp
-- column: covers text -- yes, until, from, part, no or undated
WITH kinds AS (
    SELECT l.kind,
           coalesce(any_value(k.label_nl), l.kind) AS label_nl,
           coalesce(any_value(k.label_en), l.kind) AS label_en,
           coalesce(any_value(k.target_table), '') AS target_table,
           count(*) AS files,
           min(l.first_date) AS first_day,
           max(l.last_date) AS last_day,
           max(l.loaded_at) AS last_loaded
    FROM ingest_log l
    LEFT JOIN source_kinds k ON k.kind = l.kind
    GROUP BY l.kind
)
SELECT kind, label_nl, label_en, target_table, files, first_day, last_day, last_loaded,
       CASE
           WHEN last_day IS NULL THEN 'undated'
           WHEN last_day < $from::DATE OR first_day > $to::DATE THEN 'no'
           WHEN first_day > $from::DATE AND last_day < $to::DATE THEN 'part'
           WHEN first_day > $from::DATE THEN 'from'
           WHEN last_day < $to::DATE THEN 'until'
           ELSE 'yes'
       END AS covers
FROM kinds
ORDER BY kind
