-- name: data_period
-- doc: The first and last day of loaded data, over visit logs and ad exports: the period a
-- doc: programme report (bereik report --programme) covers where bereik.toml gives no
-- doc: programme period.
-- column: first_day date
-- column: last_day date
SELECT min(first_day) AS first_day, max(last_day) AS last_day
FROM (
    SELECT min(ts)::DATE AS first_day, max(ts)::DATE AS last_day FROM page_views
    UNION ALL
    SELECT min(reporting_start), max(reporting_end) FROM meta_ads
)
